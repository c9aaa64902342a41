import type { Dataset, Figure, Indicator, Release } from './types.ts';
import type { Revision, SameDateFigure, Series, SeriesPoint } from './series.ts';
import { buildSeries, figuresOf } from './series.ts';
import { compareAsOf } from './values.ts';

/** What one release (month file) changed in the dataset. */
export interface ReleaseChanges {
  release: Release;
  previousRelease?: Release;
  /** Indicators with their first ever figure in this release. */
  newIndicators: Indicator[];
  /** Figures for an (indicator, as-of date) not published before. */
  newFigures: Figure[];
  /**
   * Indicators whose latest value moved: `after` is the latest point once this release is in, `before` the
   * point preceding it in that same series (so a revised earlier figure is compared in its revised form).
   */
  changedLatest: Array<{ indicator: Indicator; before?: SeriesPoint; after: SeriesPoint }>;
  /** New values the same publisher gave for dates it had already reported. */
  revisions: Revision[];
  /** Figures of this release that restate or round a figure already published for the same date. */
  restated: SameDateFigure[];
  /** Figures of this release from another publisher that give another value for a date already reported. */
  disagreements: SameDateFigure[];
  /** Our own corrections, in this release, of figures published wrongly earlier. */
  corrections: SameDateFigure[];
}

/** The series of every indicator, as the dataset stood after `releaseId` (all releases if omitted). */
export function seriesAt(dataset: Dataset, releaseId?: string): Map<string, Series> {
  const releases = releaseId === undefined ? dataset.releases : dataset.releases.filter((r) => compareAsOf(r.id, releaseId) <= 0);
  const figures = figuresOf(releases);
  return new Map(dataset.indicators.map((indicator) => [indicator.id, buildSeries(indicator, figures)]));
}

/** Computes the changes each release brought, oldest release first. */
export function releaseChanges(dataset: Dataset): ReleaseChanges[] {
  let before = new Map<string, Series>(dataset.indicators.map((i) => [i.id, { indicator: i, points: [] }]));
  const byId = new Map(dataset.indicators.map((i) => [i.id, i]));
  return dataset.releases.map((release, index) => {
    const after = seriesAt(dataset, release.id);
    const newIndicators: Indicator[] = [];
    const changedLatest: ReleaseChanges['changedLatest'] = [];
    const revisions: Revision[] = [];
    for (const [id, series] of after) {
      const previous = before.get(id)!;
      const latestAfter = series.points.at(-1);
      const latestBefore = previous.points.at(-1);
      if (latestAfter && !latestBefore) newIndicators.push(byId.get(id)!);
      if (latestAfter && (!latestBefore || latestBefore.asOf !== latestAfter.asOf || latestBefore.value !== latestAfter.value)) {
        const preceding = series.points.at(-2);
        changedLatest.push({ indicator: series.indicator, ...(preceding ? { before: preceding } : {}), after: latestAfter });
      }
      for (const point of series.points) revisions.push(...point.revisions.filter((r) => r.release === release.id));
    }
    const knownBefore = new Set<string>();
    for (const series of before.values()) {
      for (const point of series.points) knownBefore.add(`${series.indicator.id}|${point.asOf}`);
    }
    const inRelease = new Set(release.figures);
    const sameDate = [...after.values()].flatMap((series) => series.points.flatMap((point) => point.sameDate.filter((s) => inRelease.has(s.figure))));
    const newFigures = release.figures.filter((figure) => !knownBefore.has(`${figure.indicator}|${figure.asOf}`));
    const restated = sameDate.filter((s) => s.relation === 'restatement' || s.relation === 'rounding');
    const disagreements = sameDate.filter((s) => s.relation === 'disagreement');
    const corrections = sameDate.filter((s) => s.relation === 'correction');
    before = after;
    const previousRelease = dataset.releases[index - 1];
    return { release, ...(previousRelease ? { previousRelease } : {}), newIndicators, newFigures, changedLatest, revisions, restated, disagreements, corrections };
  });
}

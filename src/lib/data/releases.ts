import type { Dataset, Figure, Indicator, Release } from './types.ts';
import type { Revision, Series, SeriesPoint } from './series.ts';
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
  /** New values for dates an earlier release had already reported. */
  revisions: Revision[];
  /** Figures repeating a value already published for the same date. */
  restated: Figure[];
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
    const knownBefore = new Map<string, Set<number>>();
    for (const series of before.values()) {
      for (const point of series.points) knownBefore.set(`${series.indicator.id}|${point.asOf}`, new Set(point.figures.map((f) => f.value)));
    }
    const newFigures: Figure[] = [];
    const restated: Figure[] = [];
    for (const figure of release.figures) {
      const known = knownBefore.get(`${figure.indicator}|${figure.asOf}`);
      if (!known) newFigures.push(figure);
      else if (known.has(figure.value)) restated.push(figure);
    }
    before = after;
    const previousRelease = dataset.releases[index - 1];
    return { release, ...(previousRelease ? { previousRelease } : {}), newIndicators, newFigures, changedLatest, revisions, restated };
  });
}

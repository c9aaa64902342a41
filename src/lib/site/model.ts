import type { Dataset, Indicator, Release, Topic } from '../data/types.ts';
import type { ReleaseChanges } from '../data/releases.ts';
import { releaseChanges, seriesAt } from '../data/releases.ts';
import type { Series } from '../data/series.ts';
import { lineOfId } from '../data/json-text.ts';

/** Everything the pages need, derived once from the validated dataset. */
export interface SiteModel {
  dataset: Dataset;
  /** The whole catalogue, including indicators with no figure yet (for lookups; pages list `publishedIndicators`). */
  indicators: Indicator[];
  indicatorsById: Map<string, Indicator>;
  /** Indicators that have at least one figure, in catalogue order: the only ones with a page, a list entry and charts. */
  publishedIndicators: Indicator[];
  /** Indicators of the catalogue with no figure yet: not published until a month file gives one. */
  unpublishedIndicators: Indicator[];
  /** Series of every indicator with all releases applied. */
  series: Map<string, Series>;
  /** Changes per release, newest first. */
  changes: ReleaseChanges[];
  changesByRelease: Map<string, ReleaseChanges>;
  latestRelease?: Release;
  /** Indicators that have at least one figure, grouped by topic in catalogue order. */
  topics: Array<{ topic: Topic; indicators: Indicator[] }>;
}

/**
 * The one rule for what is published: an indicator with at least one figure.
 * One in the catalogue with none yet gets no page, no list entry and no chart
 * (an empty page would say nothing); check-data and the build name it instead.
 */
export function partitionByFigures(indicators: readonly Indicator[], series: ReadonlyMap<string, Series>): { published: Indicator[]; unpublished: Indicator[] } {
  const published: Indicator[] = [];
  const unpublished: Indicator[] = [];
  for (const indicator of indicators) ((series.get(indicator.id)?.points.length ?? 0) > 0 ? published : unpublished).push(indicator);
  return { published, unpublished };
}

/**
 * One warning line per catalogue indicator with no figure, for `npm run check-data` and the build:
 * `data/indicators.json:1701 indicator "x" has no figure yet: it is not published until a month file gives one`.
 */
export function noFigureWarnings(dataset: Dataset, catalogue: { file: string; text: string }, series: ReadonlyMap<string, Series> = seriesAt(dataset)): string[] {
  return partitionByFigures(dataset.indicators, series).unpublished.map((indicator) => {
    const line = lineOfId(catalogue.text, indicator.id);
    return `${catalogue.file}${line !== undefined ? `:${line}` : ''} indicator "${indicator.id}" has no figure yet: it is not published until a month file gives one`;
  });
}

export function buildSiteModel(dataset: Dataset): SiteModel {
  const series = seriesAt(dataset);
  const changes = releaseChanges(dataset).reverse();
  const { published, unpublished } = partitionByFigures(dataset.indicators, series);
  const topics = new Map<Topic, Indicator[]>();
  for (const indicator of published) topics.set(indicator.topic, [...(topics.get(indicator.topic) ?? []), indicator]);
  return {
    dataset,
    indicators: dataset.indicators,
    indicatorsById: new Map(dataset.indicators.map((i) => [i.id, i])),
    publishedIndicators: published,
    unpublishedIndicators: unpublished,
    series,
    changes,
    changesByRelease: new Map(changes.map((c) => [c.release.id, c])),
    ...(dataset.releases.length > 0 ? { latestRelease: dataset.releases.at(-1)! } : {}),
    topics: [...topics.entries()].map(([topic, indicators]) => ({ topic, indicators })),
  };
}

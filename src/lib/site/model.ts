import type { Dataset, Indicator, Release, Topic } from '../data/types.ts';
import type { ReleaseChanges } from '../data/releases.ts';
import { releaseChanges, seriesAt } from '../data/releases.ts';
import type { Series } from '../data/series.ts';

/** Everything the pages need, derived once from the validated dataset. */
export interface SiteModel {
  dataset: Dataset;
  indicators: Indicator[];
  indicatorsById: Map<string, Indicator>;
  /** Series of every indicator with all releases applied. */
  series: Map<string, Series>;
  /** Changes per release, newest first. */
  changes: ReleaseChanges[];
  changesByRelease: Map<string, ReleaseChanges>;
  latestRelease?: Release;
  /** Indicators that have at least one figure, grouped by topic in catalogue order. */
  topics: Array<{ topic: Topic; indicators: Indicator[] }>;
}

export function buildSiteModel(dataset: Dataset): SiteModel {
  const series = seriesAt(dataset);
  const changes = releaseChanges(dataset).reverse();
  const topics = new Map<Topic, Indicator[]>();
  for (const indicator of dataset.indicators) {
    if ((series.get(indicator.id)?.points.length ?? 0) === 0) continue;
    topics.set(indicator.topic, [...(topics.get(indicator.topic) ?? []), indicator]);
  }
  return {
    dataset,
    indicators: dataset.indicators,
    indicatorsById: new Map(dataset.indicators.map((i) => [i.id, i])),
    series,
    changes,
    changesByRelease: new Map(changes.map((c) => [c.release.id, c])),
    ...(dataset.releases.length > 0 ? { latestRelease: dataset.releases.at(-1)! } : {}),
    topics: [...topics.entries()].map(([topic, indicators]) => ({ topic, indicators })),
  };
}

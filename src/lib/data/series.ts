import type { Figure, Indicator, Release } from './types.ts';
import { compareAsOf } from './values.ts';

/** A later release reporting, for an as-of date already published, a value not published before. */
export interface Revision {
  indicator: string;
  asOf: string;
  /** The release that brought the new value. */
  release: string;
  /** The values the previous releases gave for this date (latest release first). */
  previous: Figure[];
  /** The new figure. */
  figure: Figure;
}

/** Everything published about one indicator for one as-of date. */
export interface SeriesPoint {
  asOf: string;
  /** The figures of the latest release that reported this date; more than one when sources disagree. */
  current: Figure[];
  /** The resolved value: the first figure of `current`. */
  value: number;
  total?: number;
  /** Every figure for this date from every release, oldest release first. */
  figures: Figure[];
  revisions: Revision[];
  /** True when the current sources give different values. */
  sourcesDisagree: boolean;
}

/** The history of one indicator: one point per reported as-of date, in calendar order. Gaps stay gaps. */
export interface Series {
  indicator: Indicator;
  points: SeriesPoint[];
}

/** All figures of the given releases (oldest release first, file order within a release). */
export function figuresOf(releases: readonly Release[]): Figure[] {
  return [...releases].sort((a, b) => compareAsOf(a.id, b.id)).flatMap((release) => release.figures);
}

/**
 * Builds the series of one indicator from its figures (in release order).
 * Revisions are resolved to the latest release and kept in `revisions`.
 */
export function buildSeries(indicator: Indicator, figures: readonly Figure[]): Series {
  const byDate = new Map<string, Figure[]>();
  for (const figure of figures) {
    if (figure.indicator !== indicator.id) continue;
    const list = byDate.get(figure.asOf) ?? [];
    list.push(figure);
    byDate.set(figure.asOf, list);
  }
  const points = [...byDate.entries()]
    .sort(([a], [b]) => compareAsOf(a, b))
    .map(([asOf, dateFigures]) => resolvePoint(asOf, dateFigures));
  return { indicator, points };
}

function resolvePoint(asOf: string, figures: Figure[]): SeriesPoint {
  const releases = [...new Set(figures.map((f) => f.release))].sort(compareAsOf);
  const seen = new Set<number>();
  const revisions: Revision[] = [];
  let current: Figure[] = [];
  for (const release of releases) {
    const inRelease = figures.filter((f) => f.release === release);
    if (seen.size > 0) {
      for (const figure of inRelease) {
        if (!seen.has(figure.value)) {
          revisions.push({ indicator: figure.indicator, asOf, release, previous: current, figure });
        }
      }
    }
    for (const figure of inRelease) seen.add(figure.value);
    current = inRelease;
  }
  const first = current[0]!;
  return {
    asOf,
    current,
    value: first.value,
    ...(first.total !== undefined ? { total: first.total } : {}),
    figures,
    revisions,
    sourcesDisagree: new Set(current.map((f) => f.value)).size > 1,
  };
}

/** The latest point of a series and the one before it ("change since the previous report"). */
export function latestChange(series: Series): { latest?: SeriesPoint; previous?: SeriesPoint; change?: number } {
  const latest = series.points.at(-1);
  const previous = series.points.at(-2);
  if (!latest) return {};
  if (!previous) return { latest };
  return { latest, previous, change: latest.value - previous.value };
}

/**
 * For a running total, each point that is lower than an earlier point and
 * whose figures carry no note explaining why.
 */
export function unexplainedDecreases(series: Series): Array<{ point: SeriesPoint; figure: Figure; earlier: SeriesPoint }> {
  if (series.indicator.kind !== 'cumulative') return [];
  const found: Array<{ point: SeriesPoint; figure: Figure; earlier: SeriesPoint }> = [];
  let highest: SeriesPoint | undefined;
  let highestValue = -Infinity;
  for (const point of series.points) {
    if (highest) {
      for (const figure of point.current) {
        if (figure.value < highestValue && !figure.note) found.push({ point, figure, earlier: highest });
      }
    }
    const max = Math.max(...point.current.map((f) => f.value));
    if (max > highestValue) {
      highestValue = max;
      highest = point;
    }
  }
  return found;
}

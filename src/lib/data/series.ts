import type { Bilingual, Figure, FigurePeriod, Indicator, Qualifier, Release, SameDateRelation } from './types.ts';
import { compareAsOf } from './values.ts';

/** A later figure for an as-of date already reported, and how it relates to what stood before. */
export interface SameDateFigure {
  figure: Figure;
  relation: SameDateRelation;
  /** The earlier figure it restates, rounds, revises or disagrees with. */
  earlier: Figure;
  /** For a rounding: the one of the two that is rounded (the later or the earlier figure). */
  rounded?: Figure;
}

/** The figure a relation describes: for a rounding the rounded one, otherwise the later one. */
export function describedFigure(entry: SameDateFigure): Figure {
  return entry.rounded ?? entry.figure;
}

/** A later release in which the same publisher gave another value for a date it had reported. */
export interface Revision {
  indicator: string;
  asOf: string;
  /** The release that brought the new value. */
  release: string;
  /** The values it replaced. */
  previous: Figure[];
  /** The new figure. */
  figure: Figure;
}

/** Everything published about one indicator for one as-of date. */
export interface SeriesPoint {
  asOf: string;
  /**
   * The figures that stand for this date now: one, or several when publishers disagree.
   * A restatement leaves the first figure standing; of a figure and its rounding the
   * more precise stands; a revision replaces what it revises.
   */
  current: Figure[];
  /** The first current figure: the value drawn and written about. */
  primary: Figure;
  value: number;
  qualifier?: Qualifier;
  total?: number;
  /** Every figure for this date from every release, oldest release first. */
  figures: Figure[];
  /** How each later figure for this date relates to an earlier one. */
  sameDate: SameDateFigure[];
  /** Only the true revisions (same publisher, another value, a later release). */
  revisions: Revision[];
  /** True when the current figures come from publishers that give different values. */
  sourcesDisagree: boolean;
  /** Set when this point does not continue the series before it (another definition or scope). */
  breakBefore?: Bilingual;
  /** The period the primary figure covers: its own, or the indicator's; `unknown` when the source does not say. */
  period?: FigurePeriod;
  /**
   * For a running total: set when this point is lower than an earlier one. Two reports
   * of one running total cannot both be right; neither is treated as a fall.
   */
  belowEarlier?: SeriesPoint;
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
 * Figures for one date are resolved by `relateSameDate`.
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
    .map(([asOf, dateFigures]) => resolvePoint(indicator, asOf, dateFigures));
  if (indicator.kind === 'cumulative') markBelowEarlier(points);
  return { indicator, points };
}

/** The number of decimal digits a value is stated to, negative for rounded thousands, millions… (33 900 000 → −5). */
function precisionOf(value: number): number {
  if (!Number.isInteger(value)) return (String(value).split('.')[1] ?? '').length;
  let digits = 0;
  let v = value;
  while (v !== 0 && v % 10 === 0) {
    v /= 10;
    digits--;
  }
  return digits;
}

/** True when `rounded` is `exact` rounded to the precision `rounded` is stated to (33 900 000 for 33 920 141). */
export function isRoundingOf(rounded: number, exact: number): boolean {
  const precision = precisionOf(rounded);
  if (precision >= precisionOf(exact)) return false;
  const step = 10 ** -precision;
  return Math.abs(Math.round(exact / step) * step - rounded) < step * 1e-9;
}

/** Qualifiers that can describe one figure given once exactly and once rounded ("hơn 32 triệu" and 32.062.931). */
function roundingQualifiersFit(rounded: Figure, exact: Figure): boolean {
  if (rounded.qualifier === undefined || rounded.qualifier === 'about') return true;
  if (rounded.qualifier === 'more-than' || rounded.qualifier === 'at-least') return exact.value >= rounded.value;
  if (rounded.qualifier === 'nearly' || rounded.qualifier === 'less-than') return exact.value <= rounded.value;
  return false;
}

/** Two figures read in the same source (the same address, or the same title where there is none). */
export function sameSource(a: Figure, b: Figure): boolean {
  return a.source.url !== undefined || b.source.url !== undefined ? a.source.url === b.source.url : a.source.title === b.source.title;
}

/** How a later figure for the same date relates to one that stood before it, when the maintainer has not said. */
export function relateSameDate(later: Figure, earlier: Figure): SameDateRelation {
  if (later.value === earlier.value && later.total === earlier.total && later.qualifier === earlier.qualifier) return 'restatement';
  if (later.total === earlier.total) {
    if (isRoundingOf(later.value, earlier.value) && roundingQualifiersFit(later, earlier)) return 'rounding';
    if (isRoundingOf(earlier.value, later.value) && roundingQualifiersFit(earlier, later)) return 'rounding';
  }
  if (later.source.publisher === earlier.source.publisher && compareAsOf(later.release, earlier.release) > 0) return 'revision';
  return 'disagreement';
}

function resolvePoint(indicator: Indicator, asOf: string, figures: Figure[]): SeriesPoint {
  const ordered = [...figures].sort((a, b) => compareAsOf(a.release, b.release));
  let current: Figure[] = [ordered[0]!];
  const sameDate: SameDateFigure[] = [];
  const revisions: Revision[] = [];
  for (const figure of ordered.slice(1)) {
    const corrected = figure.correction ? current.find((earlier) => sameSource(earlier, figure)) : undefined;
    if (corrected) {
      // Our own correction replaces the figure we published wrongly, and only that one.
      sameDate.push({ figure, relation: 'correction', earlier: corrected });
      current = current.map((f) => (f === corrected ? figure : f));
      continue;
    }
    // Relate the figure to the standing figure it is closest to: a restatement or rounding first.
    const relations = current.map((earlier) => ({ earlier, relation: figure.sameDate ?? relateSameDate(figure, earlier) }));
    const rank: Record<SameDateRelation, number> = { restatement: 0, rounding: 1, revision: 2, disagreement: 3, correction: 4 };
    const { earlier, relation } = relations.sort((a, b) => rank[a.relation] - rank[b.relation])[0]!;
    const laterIsExact = precisionOf(figure.value) > precisionOf(earlier.value);
    sameDate.push({ figure, relation, earlier, ...(relation === 'rounding' ? { rounded: laterIsExact ? earlier : figure } : {}) });
    if (relation === 'rounding' && laterIsExact) {
      current = current.map((f) => (f === earlier ? figure : f));
    } else if (relation === 'revision') {
      revisions.push({ indicator: figure.indicator, asOf, release: figure.release, previous: [earlier], figure });
      current = current.map((f) => (f === earlier ? figure : f));
    } else if (relation === 'disagreement') {
      current = [...current, figure];
    }
  }
  const primary = current[0]!;
  const breakFigure = current.find((f) => f.seriesBreak);
  return {
    asOf,
    current,
    primary,
    value: primary.value,
    ...(primary.qualifier !== undefined ? { qualifier: primary.qualifier } : {}),
    ...(primary.total !== undefined ? { total: primary.total } : {}),
    figures: ordered,
    sameDate,
    revisions,
    sourcesDisagree: current.length > 1,
    ...(breakFigure?.seriesBreak ? { breakBefore: breakFigure.seriesBreak } : {}),
    ...(primary.period ?? indicator.period ? { period: primary.period ?? indicator.period } : {}),
  };
}

function markBelowEarlier(points: SeriesPoint[]): void {
  let highest: SeriesPoint | undefined;
  for (const point of points) {
    if (point.breakBefore) highest = undefined;
    if (highest && Math.min(...point.current.map((f) => f.value)) < highest.value) point.belowEarlier = highest;
    if (!highest || point.value > highest.value) highest = point;
  }
}

/** Why two points of a series cannot be compared, or undefined when they can. */
export type NotComparable = 'break' | 'period' | 'disagreement' | 'total';

function periodKey(period: FigurePeriod | undefined): string {
  if (period === undefined) return '';
  return period === 'unknown' ? 'unknown' : period.vi;
}

/**
 * Whether a change may be stated between two points of one series: no break
 * between them, the same known period, no disagreement at either end (nor a
 * running total reported lower than before), and the same total for "x of y".
 */
export function comparability(series: Series, before: SeriesPoint, after: SeriesPoint): NotComparable | undefined {
  const from = series.points.indexOf(before);
  const to = series.points.indexOf(after);
  if (series.points.slice(from + 1, to + 1).some((p) => p.breakBefore)) return 'break';
  if (before.period === 'unknown' || after.period === 'unknown' || periodKey(before.period) !== periodKey(after.period)) return 'period';
  if (before.sourcesDisagree || after.sourcesDisagree || before.belowEarlier || after.belowEarlier) return 'disagreement';
  if (before.total !== after.total) return 'total';
  return undefined;
}

/**
 * What can be said of the change between two comparable figures, given their qualifiers:
 * - `exact`: both exact: the difference;
 * - `about`: exact or "about" at both ends, one of them "about": about the difference;
 * - `more-than`: the later figure is a lower bound and the earlier an upper bound ("hơn 65 triệu" after
 *   62 triệu or "gần 62 triệu"): the change is more than the difference (`mark` when the difference is 0:
 *   "passed the mark of 3,3 triệu");
 * - `none`: nothing honest can be said of its size (`direction` when the sign alone is certain).
 */
export type ChangeStatement =
  | { kind: 'exact'; delta: number }
  | { kind: 'about'; delta: number }
  | { kind: 'more-than'; delta: number }
  | { kind: 'passed'; mark: number }
  | { kind: 'none' };

export function changeStatement(before: Pick<Figure, 'value' | 'qualifier'>, after: Pick<Figure, 'value' | 'qualifier'>): ChangeStatement {
  const delta = after.value - before.value;
  const exactish = (q: Qualifier | undefined) => q === undefined || q === 'about';
  if (before.qualifier === undefined && after.qualifier === undefined) return { kind: 'exact', delta };
  if (exactish(before.qualifier) && exactish(after.qualifier)) return { kind: 'about', delta };
  const afterLowerBound = after.qualifier === 'more-than' || after.qualifier === 'at-least' || after.qualifier === undefined;
  const beforeUpperBound = before.qualifier === 'nearly' || before.qualifier === 'less-than' || before.qualifier === undefined;
  if (afterLowerBound && beforeUpperBound && delta >= 0) {
    if (delta === 0) return after.qualifier === 'more-than' || before.qualifier === 'nearly' || before.qualifier === 'less-than' ? { kind: 'passed', mark: after.value } : { kind: 'none' };
    return { kind: 'more-than', delta };
  }
  return { kind: 'none' };
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
 * For a running total, each figure that is lower than an earlier point and
 * carries no note explaining why.
 */
export function unexplainedDecreases(series: Series): Array<{ point: SeriesPoint; figure: Figure; earlier: SeriesPoint }> {
  if (series.indicator.kind !== 'cumulative') return [];
  const found: Array<{ point: SeriesPoint; figure: Figure; earlier: SeriesPoint }> = [];
  let highest: SeriesPoint | undefined;
  for (const point of series.points) {
    if (point.breakBefore) highest = undefined;
    if (highest) {
      for (const figure of point.current) {
        if (figure.value < highest.value && !figure.note) found.push({ point, figure, earlier: highest });
      }
    }
    if (!highest || point.value > highest.value) highest = point;
  }
  return found;
}

/**
 * The explorer's view, as it rides in the URL: which indicators, which months, chart or table.
 *
 *   ?indicators=eid-accounts-activated,eid-accounts-level2-activated&from=2024-01&to=2025-10&view=table
 *
 * Loose input (a link someone typed or cut short) is normalised once, here, into a strict `ExploreState`;
 * everything downstream trusts it. Pure: the build (preset links, embed pages) and the browser share it.
 */
import type { Indicator } from '../data/types.ts';
import type { Series } from '../data/series.ts';
import type { TimeSeriesSpec } from '../charts/spec.ts';

export type ExploreView = 'chart' | 'table';

/** What an "x out of y" chart plots: the counts (the default) or their share of the total (`?measure=share`). */
export type ExploreMeasure = 'value' | 'share';

export interface ExploreState {
  /** Indicator ids, in the order they were added; all share one axis (`canShareAxis`). Never empty. */
  indicators: string[];
  /** First month shown, `YYYY-MM`; absent: from the first figure. */
  from?: string;
  /** Last month shown, `YYYY-MM`; absent: to the latest figure. */
  to?: string;
  view: ExploreView;
  /** `share`: "x out of y" figures drawn as a share of their total (the count/share toggle); absent: the counts. */
  measure?: 'share';
}

/** At most this many indicators on one chart: more lines than a reader can tell apart. */
export const MAX_INDICATORS = 4;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * What makes two indicators comparable on one axis: the same kind of measure (a running total beside a running
 * total, never beside a level or a flow), the same unit in both languages, and for a flow the same period.
 * Two counts "out of" different totals still share an axis of counts; each keeps its own total in the table.
 */
export function axisKey(indicator: Pick<Indicator, 'kind' | 'unit' | 'period'>): string {
  return [indicator.kind, indicator.unit.vi, indicator.unit.en, indicator.period?.vi ?? ''].join('|');
}

/** True when two indicators may be drawn on one axis: same kind, same unit, same period (`axisKey`). */
export function canShareAxis(a: Pick<Indicator, 'kind' | 'unit' | 'period'>, b: Pick<Indicator, 'kind' | 'unit' | 'period'>): boolean {
  return axisKey(a) === axisKey(b);
}

/**
 * Normalises a query string into a state. Unknown ids, repeats and ids that cannot share the first one's axis are
 * dropped; without a usable id the fallback is used. A month that is not `YYYY-MM` is ignored; from after to is swapped.
 */
export function parseExploreState(query: string | URLSearchParams, lookup: (id: string) => Pick<Indicator, 'kind' | 'unit' | 'period'> | undefined, fallback: readonly string[]): ExploreState {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const asked = (params.get('indicators') ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  const indicators: string[] = [];
  for (const id of asked.length > 0 ? asked : fallback) {
    const indicator = lookup(id);
    if (!indicator || indicators.includes(id) || indicators.length >= MAX_INDICATORS) continue;
    const first = indicators[0] === undefined ? undefined : lookup(indicators[0]);
    if (first && !canShareAxis(first, indicator)) continue;
    indicators.push(id);
  }
  if (indicators.length === 0) indicators.push(...fallback.filter((id) => lookup(id)).slice(0, 1));
  let from = monthOrUndefined(params.get('from'));
  let to = monthOrUndefined(params.get('to'));
  if (from && to && from > to) [from, to] = [to, from];
  return {
    indicators, ...(from ? { from } : {}), ...(to ? { to } : {}), view: params.get('view') === 'table' ? 'table' : 'chart',
    ...(params.get('measure') === 'share' ? { measure: 'share' as const } : {}),
  };
}

function monthOrUndefined(text: string | null): string | undefined {
  return text && MONTH.test(text.trim()) ? text.trim() : undefined;
}

/** The query string of a state, defaults left out: `?indicators=a,b&from=2024-01&to=2025-10&view=table`. */
export function exploreQuery(state: ExploreState): string {
  const parts = [`indicators=${state.indicators.map(encodeURIComponent).join(',')}`];
  if (state.from) parts.push(`from=${state.from}`);
  if (state.to) parts.push(`to=${state.to}`);
  if (state.view === 'table') parts.push('view=table');
  if (state.measure === 'share') parts.push('measure=share');
  return `?${parts.join('&')}`;
}

/** The parameters of a view (`exploreQuery`'s keys). */
export const EXPLORE_KEYS = ['indicators', 'from', 'to', 'view', 'measure'] as const;

/**
 * An address's query with the view replaced and every other parameter kept (an embed's `?theme=dark` survives a
 * change of view): `?theme=dark` and a state → `?indicators=…&theme=dark`.
 */
export function withExploreQuery(search: string, state: ExploreState): string {
  const others = new URLSearchParams(search);
  for (const key of EXPLORE_KEYS) others.delete(key);
  const rest = others.toString();
  return `${exploreQuery(state)}${rest ? `&${rest}` : ''}`;
}

/** True when the query asks for a view (an explorer link), not a bare page. */
export function hasExploreState(query: string | URLSearchParams): boolean {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  return EXPLORE_KEYS.some((key) => params.has(key));
}

/** The month of an as-of date: `2024-07-15` → `2024-07`. */
export function monthOf(asOf: string): string {
  return asOf.slice(0, 7);
}

/** Every month from `first` to `last`, inclusive: `2024-11`, `2024-12`, `2025-01`… */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  const [lastYear, lastMonth] = last.split('-').map(Number) as [number, number];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/**
 * The months a range may choose from: every month from the first figure to the last of the given series. The
 * explorer offers those of the indicators on its chart (at build time the page's own), so a page does not change
 * when another indicator gets a figure; the browser widens the choice when the reader adds one.
 */
export function monthsSpanned(seriesList: readonly Pick<Series, 'points'>[]): string[] {
  const months = seriesList.flatMap((series) => series.points.map((point) => monthOf(point.asOf))).sort();
  return months.length > 0 ? monthsBetween(months[0]!, months.at(-1)!) : [];
}

/** A preset time range: everything, the last 12 months of figures, or one calendar year. */
export interface RangePreset {
  id: string;
  from?: string;
  to?: string;
}

/** The presets for figures from `first` to `last` (months): all, the last 12 months, then each calendar year, newest first. */
export function rangePresets(first: string, last: string): RangePreset[] {
  const months = monthsBetween(first, last);
  const years = [...new Set(months.map((m) => m.slice(0, 4)))].reverse();
  return [
    { id: 'all' },
    ...(months.length > 12 ? [{ id: 'last-12', from: months.at(-12)!, to: last }] : []),
    ...(years.length > 1 ? years.map((year) => ({ id: year, from: `${year}-01`, to: `${year}-12` })) : []),
  ];
}

/** The part of a series inside the months of a state: the points whose as-of month lies in [from, to]. Nothing is filled or joined across. */
export function seriesInRange(series: Series, from?: string, to?: string): Series {
  if (!from && !to) return series;
  return { indicator: series.indicator, points: series.points.filter((point) => (!from || monthOf(point.asOf) >= from) && (!to || monthOf(point.asOf) <= to)) };
}

/** The chart spec of a view: a time series of its indicators, titled by their names when there are several. */
export function exploreSpec(state: ExploreState, names: (id: string) => { vi: string; en: string }): TimeSeriesSpec {
  const id = state.indicators.join('-and-');
  if (state.indicators.length === 1) return { id, kind: 'time-series', indicators: state.indicators };
  const all = state.indicators.map(names);
  return { id, kind: 'time-series', indicators: state.indicators, title: { vi: all.map((n) => n.vi).join(' · '), en: all.map((n) => n.en).join(' · ') } };
}

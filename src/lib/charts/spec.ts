import type { Bilingual } from '../data/types.ts';
import type { Series } from '../data/series.ts';

/**
 * One chart = one declarative spec. The same spec serves the page, the
 * embed, the downloads and the snapshot tests; rendering is a pure function
 * of spec + data + locale (see render.ts).
 */
interface SpecBase {
  /** Stable kebab-case id: the same in URLs, embeds, snapshots and MDX. */
  id: string;
  /** Overrides the generated title. */
  title?: Bilingual;
}

/** Reported figures over calendar time: a point per report, lines only between consecutive reports. */
export interface TimeSeriesSpec extends SpecBase {
  kind: 'time-series';
  /** One or several indicators; several share one axis, so they must share a unit. */
  indicators: readonly string[];
  /** Draw the indicator's target (if it has one) as a rule. Default true. */
  showTarget?: boolean;
}

/** Progress toward a fixed total or target: "54/76 dịch vụ", "63/63 tỉnh". */
export interface ProgressSpec extends SpecBase {
  kind: 'progress';
  indicator: string;
}

/** Several indicators compared at their latest report: sorted bars, labelled directly. */
export interface ComparisonSpec extends SpecBase {
  kind: 'comparison';
  indicators: readonly string[];
}

/** A big number with its as-of date, the change since the previous report and a sparkline. */
export interface BigNumberSpec extends SpecBase {
  kind: 'big-number';
  indicator: string;
}

export type ChartSpec = TimeSeriesSpec | ProgressSpec | ComparisonSpec | BigNumberSpec;
export type ChartKind = ChartSpec['kind'];

/** The indicator ids a spec draws. */
export function indicatorsOf(spec: ChartSpec): readonly string[] {
  return 'indicators' in spec ? spec.indicators : [spec.indicator];
}

/**
 * The chart an indicator page shows: a big number when the history has a
 * single figure, progress for "x out of y", a time series otherwise.
 */
export function defaultChartFor(series: Series): ChartSpec {
  const { indicator, points } = series;
  if (points.length <= 1) return { id: indicator.id, kind: 'big-number', indicator: indicator.id };
  if (indicator.kind === 'count-of-total' && points.at(-1)?.total !== undefined && points.length <= 2) {
    return { id: indicator.id, kind: 'progress', indicator: indicator.id };
  }
  return { id: indicator.id, kind: 'time-series', indicators: [indicator.id] };
}

/** The props an author writes in MDX: `<Chart kind="comparison" indicators={[…]} title="…" />`. */
export interface ChartProps {
  kind?: ChartKind;
  indicator?: string;
  indicators?: readonly string[];
  id?: string;
  title?: string;
}

/**
 * Turns MDX props into a spec, with errors an author can act on. The id is
 * stable: given, or the kind and indicator ids joined.
 */
export function specFromProps(props: ChartProps): ChartSpec {
  const kind = props.kind ?? 'time-series';
  const ids = props.indicators ?? (props.indicator ? [props.indicator] : []);
  if (ids.length === 0) throw new Error(`<Chart kind="${kind}">: give indicator="…" or indicators={["…", "…"]}`);
  if ((kind === 'progress' || kind === 'big-number') && ids.length !== 1) throw new Error(`<Chart kind="${kind}">: takes exactly one indicator, got ${ids.join(', ')}`);
  if (ids.length > 1 && !props.title) throw new Error(`<Chart indicators={[${ids.join(', ')}]}>: a chart of several indicators needs a title="…"`);
  const id = props.id ?? `${ids.join('-and-')}${kind === 'time-series' ? '' : `-${kind}`}`;
  const title = props.title ? { title: { vi: props.title, en: props.title } as Bilingual } : {};
  switch (kind) {
    case 'time-series':
      return { id, kind, indicators: ids, ...title };
    case 'comparison':
      return { id, kind, indicators: ids, ...title };
    case 'progress':
      return { id, kind, indicator: ids[0]!, ...title };
    case 'big-number':
      return { id, kind, indicator: ids[0]!, ...title };
  }
}

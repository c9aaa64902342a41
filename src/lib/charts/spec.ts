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

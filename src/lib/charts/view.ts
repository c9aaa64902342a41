/**
 * The pure half of a chart: everything but the picture. What is drawn (rows, dots, runs a line may join, breaks),
 * the notes, the tooltip points and the text, for the build (render.ts draws with Plot) and for the browser
 * (src/scripts/explore/draw.ts draws with d3): one code path for data and formatting. Imports nothing server-only.
 */
import type { Figure, Indicator, Locale, Source } from '../data/types.ts';
import { QUALIFIERS } from '../data/types.ts';
import type { NotComparable, Series, SeriesPoint } from '../data/series.ts';
import { comparability } from '../data/series.ts';
import { findValueInQuote } from '../data/quote.ts';
import { formatAsOf, formatMonthShort, formatTick } from '../format/index.ts';
import { publisherLabel, displayQuantity, displayValue, qualifierWord } from '../site/display.ts';
import type { ChartSpec, TimeSeriesSpec } from './spec.ts';
import { seriesSentence, takeawayFor } from './summary.ts';

/** What a chart is drawn from: the series of every indicator, and the data version (release id). */
export interface ChartData {
  series: ReadonlyMap<string, Series>;
  dataVersion: string;
}

/** One row of the chart's data table: a figure drawn in the chart. */
export interface ChartRow {
  indicator: Indicator;
  figure: Figure;
  /** False for a figure a later release superseded (kept in the table, not drawn). */
  current: boolean;
}

/**
 * What the tooltip shows for a drawn point; `data-i` on each circle indexes this list.
 * It rides in the page as JSON (see `tooltipJson`), so optional fields are left out when empty.
 */
export interface TooltipPoint {
  /** The indicator's name (shown when the chart has several). */
  name: string;
  /** The value with the source's qualifier and the unit: "hơn 45,2 triệu tài khoản". */
  value: string;
  asOf: string;
  /** Publisher and publication date: "Fixture Gazette, 22/8/2024". */
  source: string;
  url?: string;
  /** What the source says: the sentence holding the number, cut to about 200 characters around it ("…" where cut). */
  quote: string;
  /** The quote's language (BCP 47), only when it is not the page's: the tooltip sets it as `lang` on the quote. */
  lang?: string;
  /** Present when the quote was read in a translated edition: the tooltip adds "(bản dịch)" / "(translation)". */
  translated?: true;
}

export interface RenderedChart {
  spec: ChartSpec;
  locale: Locale;
  title: string;
  takeaway: string;
  /** Sentences a screen reader reads instead of the picture. */
  summary: string;
  /** SVG markup for narrow (phone) and wide containers; absent for a big number. */
  svg?: { narrow: string; wide: string };
  /** The same figures as a share of their totals (0–100%), for "x out of y" series: the browser offers a toggle. */
  shareSvg?: { narrow: string; wide: string };
  /** The number and its unit apart, so the unit can be set smaller. */
  bigNumber?: { value: string; unit: string; asOf: string; asOfInferred?: boolean; change?: string; sparkline?: string };
  legend: Array<{ name: string; seriesIndex: number }>;
  rows: ChartRow[];
  sources: Source[];
  points: TooltipPoint[];
  /**
   * Short notes to print under the picture, in the page's language, only when they apply:
   * what a hollow dot means, each break in the series and why, why some dots are not joined.
   */
  notes: string[];
  dataVersion: string;
}

/** Sizes of the two renderings: the narrow one is shown below ~34rem of container width. */
export const CHART_SIZES = {
  narrow: { width: 300, height: 230 },
  wide: { width: 680, height: 320 },
} as const;


export function uniqueSources(sources: Source[]): Source[] {
  const seen = new Map<string, Source>();
  for (const source of sources) seen.set(`${source.url ?? ''}|${source.title}`, source);
  return [...seen.values()];
}

export function tooltipPoint(indicator: Indicator, point: SeriesPoint, locale: Locale, figure: Figure = point.primary): TooltipPoint {
  return {
    name: indicator.name[locale],
    value: displayValue(indicator, figure, locale),
    asOf: formatAsOf(point.asOf, locale),
    source: `${publisherLabel(figure.source, locale)}${figure.source.published ? `, ${formatAsOf(figure.source.published, locale)}` : ''}`,
    ...(figure.source.url ? { url: figure.source.url } : {}),
    quote: quoteExcerpt(figure.quote.text, figure.value),
    ...(figure.quote.language !== locale ? { lang: figure.quote.language } : {}),
    ...(figure.quote.translated ? { translated: true as const } : {}),
  };
}

/** How long a quote may be in a tooltip, in characters (without the ellipses). */
export const QUOTE_EXCERPT_LENGTH = 200;

/**
 * A quote short enough for a tooltip: whole when it fits, otherwise about
 * `max` characters around the first place the value can be read (the start
 * when it cannot), cut between words, with "…" where text was left out.
 *
 * @example
 * quoteExcerpt('Theo báo cáo … (300 characters) … đến nay đã có hơn 132,4 triệu hồ sơ được đối chiếu … trong năm tới.', 132_400_000)
 * // "…đến nay đã có hơn 132,4 triệu hồ sơ được đối chiếu…" (about 200 characters, the number near the middle)
 */
export function quoteExcerpt(text: string, value: number, max = QUOTE_EXCERPT_LENGTH): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const found = findValueInQuote(clean, value).occurrences[0];
  const [from, to] = found ? [found.index, found.index + found.text.length] : [0, 0];
  let start = Math.max(0, Math.min(Math.round((from + to) / 2 - max / 2), clean.length - max));
  let end = Math.min(clean.length, start + max);
  // Cut between words, within a few characters, never into the number.
  const slack = 24;
  if (start > 0) {
    const space = clean.indexOf(' ', start);
    if (space !== -1 && space < Math.min(from, start + slack)) start = space + 1;
  }
  if (end < clean.length) {
    const space = clean.lastIndexOf(' ', end);
    if (space > Math.max(to, end - slack)) end = space;
  }
  const body = clean.slice(start, end).replace(/^[\s,;:]+|[\s,;:]+$/g, '');
  return `${start > 0 ? '…' : ''}${body}${end < clean.length ? '…' : ''}`;
}

/**
 * The tooltip points as JSON for a `<script type="application/json">` island:
 * `<`, `>` and `&` are written as `\u003c`-style escapes, so no text from the data (a quote
 * holding "</script>" or "<!--") can end the island or start markup. JSON.parse
 * gives back the same strings.
 */
export function tooltipJson(points: readonly TooltipPoint[]): string {
  return JSON.stringify(points).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Every drawn figure (current figures of every point), in the order the dots are drawn. */
export function drawnFigures(seriesList: readonly Series[]): Array<{ seriesIndex: number; series: Series; point: SeriesPoint; figure: Figure }> {
  return seriesList.flatMap((series, seriesIndex) =>
    series.points.flatMap((point) => point.current.map((figure) => ({ seriesIndex, series, point, figure }))),
  );
}

/**
 * The runs of a series a line may join: consecutive points with nothing
 * between them that makes them incomparable (`comparability`). A line is never
 * drawn across a break, an unknown or different period, a disagreement or
 * another total; runs of one point are left out (a dot, no line).
 */
export function joinedRuns(series: Series): SeriesPoint[][] {
  const runs: SeriesPoint[][] = [];
  series.points.forEach((point, k) => {
    const before = series.points[k - 1];
    if (before && comparability(series, before, point) === undefined) runs.at(-1)!.push(point);
    else runs.push([point]);
  });
  return runs.filter((run) => run.length > 1);
}

/** Why consecutive points of a series are not joined, each reason once, in series order. */
export function unjoinedReasons(series: Series): NotComparable[] {
  const reasons = new Set<NotComparable>();
  series.points.forEach((point, k) => {
    const before = series.points[k - 1];
    const reason = before ? comparability(series, before, point) : undefined;
    if (reason) reasons.add(reason);
  });
  return [...reasons];
}

/** Points that start a new definition of their series (never the first point: nothing comes before it). */
export function breaksOf(series: Series): SeriesPoint[] {
  return series.points.filter((point, k) => k > 0 && point.breakBefore);
}

/** The notes under a time series: hollow dots, breaks and their reasons, dots left unjoined. */
export function timeSeriesNotes(seriesList: readonly Series[], locale: Locale): string[] {
  const vi = locale === 'vi';
  const notes: string[] = [];
  const qualifiers = new Set(drawnFigures(seriesList).flatMap((d) => (d.figure.qualifier ? [d.figure.qualifier] : [])));
  if (qualifiers.size > 0) {
    const words = QUALIFIERS.filter((q) => qualifiers.has(q)).map((q) => `“${qualifierWord(q, locale)}”`);
    const list = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} ${vi ? 'hoặc' : 'or'} ${words.at(-1)}`;
    notes.push(vi ? `Chấm rỗng: nguồn nêu con số kèm ${list}, không phải số chính xác.` : `Hollow dot: the source gives the figure with ${list}, not as an exact number.`);
  }
  for (const series of seriesList) {
    const whose = seriesList.length > 1 ? `${series.indicator.name[locale]}, ` : '';
    for (const point of breaksOf(series)) {
      // The reason may be written as a sentence of its own: one full stop.
      const reason = point.breakBefore![locale].trim().replace(/[\s.]+$/, '');
      notes.push(vi
        ? `Đổi cách tính (${whose}${formatAsOf(point.asOf, locale)}): ${reason}. Không nối với các số trước đó.`
        : `New definition (${whose}${formatAsOf(point.asOf, locale)}): ${reason}. Not joined to earlier figures.`);
    }
  }
  const reasons = new Set(seriesList.flatMap(unjoinedReasons).filter((r) => r !== 'break'));
  if (reasons.size > 0) {
    const why: Record<Exclude<NotComparable, 'break'>, { vi: string; en: string }> = {
      period: { vi: 'không cùng một kỳ tính đã biết', en: 'they do not cover the same known period' },
      disagreement: { vi: 'các nguồn không thống nhất', en: 'sources disagree' },
      total: { vi: 'tính trên tổng số khác nhau', en: 'they are out of different totals' },
    };
    const list = (['period', 'disagreement', 'total'] as const).filter((r) => reasons.has(r)).map((r) => why[r][locale]).join('; ');
    notes.push(vi ? `Không có đường nối giữa hai số không so sánh được: ${list}.` : `No line joins two figures that cannot be compared: ${list}.`);
  }
  return notes;
}

export function tooltipPoints(seriesList: readonly Series[], locale: Locale): TooltipPoint[] {
  return drawnFigures(seriesList).map(({ series, point, figure }) => tooltipPoint(series.indicator, point, locale, figure));
}

/** A point's position in calendar time: its day, or the middle of its month for a month-precision date. */
export function asOfTime(asOf: string): Date {
  const [year, month, day] = asOf.split('-').map(Number) as [number, number, number | undefined];
  return new Date(Date.UTC(year, month - 1, day ?? 15));
}

/** The element ids a chart's figure gives its title and summary; the SVG is named by them. */
export function chartElementIds(chartId: string): { figure: string; title: string; summary: string } {
  const figure = `chart-${chartId}`;
  return { figure, title: `${figure}-title`, summary: `${figure}-summary` };
}

/** A label's width in SVG units, estimated (there is no layout at build time): at most ~0.6 em a character at 13 px. */
export function labelWidth(text: string): number {
  return text.length * 0.6 * 13;
}


export function dateTick(locale: Locale) {
  return (date: Date) => {
    if (date.getUTCMonth() === 0) return String(date.getUTCFullYear());
    return formatMonthShort(date.toISOString().slice(0, 7), locale);
  };
}

/** True when every drawn figure is "x out of y", so a share of the total is meaningful. */
export function hasTotals(seriesList: readonly Series[]): boolean {
  const figures = drawnFigures(seriesList);
  return figures.length > 1 && figures.every((d) => d.figure.total !== undefined && d.figure.total > 0);
}

export function targetLabel(indicator: Indicator, locale: Locale): string {
  const target = indicator.target!;
  return locale === 'vi' ? `Mục tiêu: ${displayQuantity(indicator, target.value, undefined, locale)} (${formatAsOf(target.deadline, locale)})` : `Target: ${displayQuantity(indicator, target.value, undefined, locale)} (${formatAsOf(target.deadline, locale)})`;
}
/** Every figure of every point of the series, in series order: a chart's data table (superseded figures flagged). */
export function chartRows(seriesList: readonly Series[]): ChartRow[] {
  return seriesList.flatMap((series) =>
    series.points.flatMap((point) => point.figures.map((figure) => ({ indicator: series.indicator, figure, current: point.current.includes(figure) }))),
  );
}

/** The sources of the figures a chart draws, each once. */
export function chartSources(rows: readonly ChartRow[]): Source[] {
  return uniqueSources(rows.filter((r) => r.current).map((r) => r.figure.source));
}

/** A chart without its picture: what the build and the browser both show around it, and what the downloads hold. */
export type ChartView = Omit<RenderedChart, 'svg' | 'shareSvg' | 'bigNumber'>;

/** The text, rows, legend, notes and tooltip points of a time series: the same for the build and the browser. */
export function timeSeriesView(spec: TimeSeriesSpec, seriesList: readonly Series[], locale: Locale, dataVersion: string): ChartView {
  const rows = chartRows(seriesList);
  const title = spec.title?.[locale] ?? (seriesList.length === 1 ? seriesList[0]!.indicator.name[locale] : '');
  return {
    spec,
    locale,
    rows,
    sources: chartSources(rows),
    dataVersion,
    title,
    takeaway: seriesList.length === 1 ? takeawayFor(seriesList[0]!, locale) : seriesList.map((s) => seriesSentence(s, locale)).join(' '),
    summary: seriesList.map((s) => seriesSentence(s, locale)).join(' '),
    legend: seriesList.length > 1 ? seriesList.map((s, i) => ({ name: s.indicator.name[locale], seriesIndex: i })) : [],
    points: tooltipPoints(seriesList, locale),
    notes: timeSeriesNotes(seriesList, locale),
  };
}

/** A figure placed on a time series: its dot's position and group (hollow for a qualified figure). */
export interface PlacedFigure {
  /** Index into the chart's tooltip points (`data-i`). */
  i: number;
  seriesIndex: number;
  series: Series;
  point: SeriesPoint;
  figure: Figure;
  date: Date;
  value: number;
  /** "points-<k>" or "hollow-points-<k>": the figure's qualifier ("hơn", "gần", "khoảng") makes a hollow dot. */
  group: string;
}

/** What a time series picture is made of, independent of the drawing library. */
export interface TimeSeriesLayout {
  drawn: PlacedFigure[];
  /** Per series, the points a line joins, tagged by run (a line never crosses from one run to the next). */
  lines: Array<Array<{ run: number; date: Date; value: number }>>;
  xDomain: [Date, Date];
  /** Before `nice` (the y axis is niced unless it is a rate). */
  yDomain: [number, number];
  yNice: boolean;
  isRate: boolean;
  xTicks: number;
  yTicks: number;
  targets: Array<{ value: number; label: string }>;
  breaks: Array<{ date: Date; nearEnd: boolean }>;
  breakLabel: string;
  xTickFormat: (date: Date) => string;
  yTickFormat: (value: number) => string;
}

/** The layout of a time series at a size; `measure` "share" draws "x out of y" figures as a share of their total. */
export function timeSeriesLayout(spec: TimeSeriesSpec, seriesList: readonly Series[], locale: Locale, size: { width: number; height: number }, measure: 'value' | 'share' = 'value'): TimeSeriesLayout {
  const measured = (figure: Figure) => (measure === 'share' ? (figure.value / figure.total!) * 100 : figure.value);
  const drawn = drawnFigures(seriesList).map((d, i) => ({
    ...d,
    i,
    date: asOfTime(d.point.asOf),
    value: measured(d.figure),
    // A figure the source qualifies ("hơn", "gần", "khoảng") is drawn as a hollow dot.
    group: `${d.figure.qualifier ? 'hollow-points' : 'points'}-${d.seriesIndex}`,
  }));
  const times = drawn.map((d) => d.date.getTime());
  const min = Math.min(...times);
  const max = Math.max(...times);
  const pad = Math.max((max - min) * 0.04, 1000 * 60 * 60 * 24 * 20);
  const targets = spec.showTarget === false || measure === 'share' ? [] : seriesList.flatMap((s) => (s.indicator.target ? [{ value: s.indicator.target.value, label: targetLabel(s.indicator, locale) }] : []));
  const isRate = measure === 'share' || seriesList.every((s) => s.indicator.kind === 'rate');
  const yMax = Math.max(...drawn.map((d) => d.value), ...targets.map((t) => t.value), isRate ? 0 : 1);
  // A break: a thin dashed rule at the date of the first figure of the new definition, labelled in the top margin.
  const breakTimes = [...new Set(seriesList.flatMap((s) => breaksOf(s).map((p) => asOfTime(p.asOf).getTime())))].sort((a, b) => a - b);
  const breaks = breakTimes.map((time) => ({ date: new Date(time), nearEnd: (time - (min - pad)) / (max - min + 2 * pad) > 0.6 }));
  // Lines only within runs of comparable figures (the primary figure of each point).
  const lines = seriesList.map((series) => joinedRuns(series).flatMap((run, k) => run.map((point) => ({ run: k, date: asOfTime(point.asOf), value: measured(point.primary) }))));
  return {
    drawn,
    lines,
    xDomain: [new Date(min - pad), new Date(max + pad)],
    yDomain: [0, isRate ? 100 : yMax * 1.08],
    yNice: !isRate,
    isRate,
    xTicks: Math.max(2, Math.floor(size.width / 110)),
    yTicks: Math.max(3, Math.floor(size.height / 60)),
    targets,
    breaks,
    breakLabel: locale === 'vi' ? 'Đổi cách tính' : 'New definition',
    xTickFormat: dateTick(locale),
    yTickFormat: (v: number) => (isRate ? `${formatTick(v, locale)}%` : formatTick(v, locale)),
  };
}

/** The default margins of a time series, and the margins that fit its tick labels (estimated widths: no layout at build time). */
export const TIME_SERIES_MARGINS = { left: 52, right: 16, top: 20, bottom: 30 } as const;

export function fittedMargins(yLabels: readonly string[], xLabels: ReadonlyArray<{ text: string; x: number }>, width: number): { left: number; right: number } {
  const left = Math.max(TIME_SERIES_MARGINS.left, Math.ceil(Math.max(0, ...yLabels.map((l) => labelWidth(l))) + 9 + 4));
  const rightOverflow = Math.max(0, ...xLabels.map((l) => l.x + labelWidth(l.text) / 2 - (width - 2)));
  return { left, right: TIME_SERIES_MARGINS.right + Math.ceil(rightOverflow) };
}

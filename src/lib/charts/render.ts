import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { Figure, Indicator, Locale, Source } from '../data/types.ts';
import { QUALIFIERS } from '../data/types.ts';
import type { NotComparable, Series, SeriesPoint } from '../data/series.ts';
import { comparability } from '../data/series.ts';
import { findValueInQuote } from '../data/quote.ts';
import { formatAsOf, formatMonthShort, formatTick } from '../format/index.ts';
import { publisherLabel, displayCompact, displayExact, displayQuantity, displayValue, qualifierWord } from '../site/display.ts';
import type { ChartSpec, ComparisonSpec, ProgressSpec, TimeSeriesSpec } from './spec.ts';
import { indicatorsOf } from './spec.ts';
import { changeSentence, comparisonSentence, progressSentence, seriesSentence, takeawayFor } from './summary.ts';

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

/** Renders a chart spec to SVG and text. Pure: same spec, data and locale → byte-identical output. */
export function renderChart(spec: ChartSpec, data: ChartData, locale: Locale): RenderedChart {
  const seriesList = indicatorsOf(spec).map((id) => {
    const series = data.series.get(id);
    if (!series) throw new Error(`Chart "${spec.id}": unknown indicator "${id}"`);
    return series;
  });
  const rows = seriesList.flatMap((series) =>
    series.points.flatMap((point) => point.figures.map((figure) => ({ indicator: series.indicator, figure, current: point.current.includes(figure) }))),
  );
  const sources = uniqueSources(rows.filter((r) => r.current).map((r) => r.figure.source));
  const base = { spec, locale, rows, sources, notes: [] as string[], dataVersion: data.dataVersion };
  const defaultTitle = seriesList.length === 1 ? seriesList[0]!.indicator.name[locale] : '';
  const title = spec.title?.[locale] ?? defaultTitle;

  switch (spec.kind) {
    case 'time-series': {
      const points = tooltipPoints(seriesList, locale);
      return {
        ...base,
        title,
        takeaway: seriesList.length === 1 ? takeawayFor(seriesList[0]!, locale) : seriesList.map((s) => seriesSentence(s, locale)).join(' '),
        summary: seriesList.map((s) => seriesSentence(s, locale)).join(' '),
        svg: bothSizes(spec.id, (size) => timeSeriesSvg(spec, seriesList, locale, size)),
        ...(hasTotals(seriesList) ? { shareSvg: bothSizes(spec.id, (size) => timeSeriesSvg(spec, seriesList, locale, size, 'share')) } : {}),
        legend: seriesList.length > 1 ? seriesList.map((s, i) => ({ name: s.indicator.name[locale], seriesIndex: i })) : [],
        points,
        notes: timeSeriesNotes(seriesList, locale),
      };
    }
    case 'progress': {
      const series = seriesList[0]!;
      const sentence = progressSentence(series, locale);
      return {
        ...base,
        title,
        takeaway: sentence,
        summary: sentence,
        svg: bothSizes(spec.id, (size) => progressSvg(spec, series, locale, size)),
        legend: [],
        points: tooltipPoints([{ ...series, points: series.points.slice(-1) }], locale),
      };
    }
    case 'comparison': {
      const entries = seriesList.flatMap((series) => (series.points.length > 0 ? [{ series, point: series.points.at(-1)! }] : []));
      const sentence = comparisonSentence(entries, locale);
      const sorted = [...entries].sort((a, b) => b.point.value - a.point.value);
      return {
        ...base,
        title: spec.title?.[locale] ?? '',
        takeaway: sentence,
        summary: sentence,
        svg: bothSizes(spec.id, (size) => comparisonSvg(spec, sorted, locale, size)),
        legend: [],
        points: sorted.map(({ series, point }) => tooltipPoint(series.indicator, point, locale)),
      };
    }
    case 'big-number': {
      const series = seriesList[0]!;
      const last = series.points.at(-1);
      const sentence = seriesSentence(series, locale);
      const change = changeSentence(series, locale);
      return {
        ...base,
        title,
        takeaway: change ? `${takeawayFor(series, locale)}` : sentence,
        summary: sentence,
        bigNumber: last
          ? {
              ...bigValue(series.indicator, last, locale),
              asOf: formatAsOf(last.asOf, locale),
              ...(last.primary.asOfInferred ? { asOfInferred: true } : {}),
              ...(change ? { change } : {}),
              ...(series.points.length > 1 ? { sparkline: sparklineSvg(series, locale) } : {}),
            }
          : undefined,
        legend: [],
        points: tooltipPoints([series], locale),
      };
    }
  }
}

function bigValue(indicator: Indicator, point: SeriesPoint, locale: Locale): { value: string; unit: string } {
  return displayCompact(indicator, point, locale);
}

function uniqueSources(sources: Source[]): Source[] {
  const seen = new Map<string, Source>();
  for (const source of sources) seen.set(`${source.url ?? ''}|${source.title}`, source);
  return [...seen.values()];
}

function tooltipPoint(indicator: Indicator, point: SeriesPoint, locale: Locale, figure: Figure = point.primary): TooltipPoint {
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
function drawnFigures(seriesList: readonly Series[]): Array<{ seriesIndex: number; series: Series; point: SeriesPoint; figure: Figure }> {
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
function unjoinedReasons(series: Series): NotComparable[] {
  const reasons = new Set<NotComparable>();
  series.points.forEach((point, k) => {
    const before = series.points[k - 1];
    const reason = before ? comparability(series, before, point) : undefined;
    if (reason) reasons.add(reason);
  });
  return [...reasons];
}

/** Points that start a new definition of their series (never the first point: nothing comes before it). */
function breaksOf(series: Series): SeriesPoint[] {
  return series.points.filter((point, k) => k > 0 && point.breakBefore);
}

/** The notes under a time series: hollow dots, breaks and their reasons, dots left unjoined. */
function timeSeriesNotes(seriesList: readonly Series[], locale: Locale): string[] {
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

function tooltipPoints(seriesList: readonly Series[], locale: Locale): TooltipPoint[] {
  return drawnFigures(seriesList).map(({ series, point, figure }) => tooltipPoint(series.indicator, point, locale, figure));
}

/** A point's position in calendar time: its day, or the middle of its month for a month-precision date. */
export function asOfTime(asOf: string): Date {
  const [year, month, day] = asOf.split('-').map(Number) as [number, number, number | undefined];
  return new Date(Date.UTC(year, month - 1, day ?? 15));
}

function createDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

/** The element ids a chart's figure gives its title and summary; the SVG is named by them. */
export function chartElementIds(chartId: string): { figure: string; title: string; summary: string } {
  const figure = `chart-${chartId}`;
  return { figure, title: `${figure}-title`, summary: `${figure}-summary` };
}

function bothSizes(chartId: string, draw: (size: { width: number; height: number }) => string): { narrow: string; wide: string } {
  const ids = chartElementIds(chartId);
  const named = (svg: string) => svg.replace(/^<svg /, `<svg role="img" aria-labelledby="${ids.title}" aria-describedby="${ids.summary}" `);
  return { narrow: named(draw(CHART_SIZES.narrow)), wide: named(draw(CHART_SIZES.wide)) };
}

/**
 * The size of chart text, in SVG units (13 px on a page). Plot writes `font-size="10"` and a system font on its root;
 * its `style` option would add a `style=""` attribute, which a strict Content-Security-Policy (style-src 'self')
 * blocks. So `finishSvg` writes the size as the root's presentation attribute instead — the same 13 px on a page and
 * in a standalone SVG or PNG, which have no stylesheet — and drops the font family, so the chart takes the page's
 * font. global.css gives `.chart-svg` the rest (overflow: visible, tabular figures) by class.
 */
export const CHART_FONT_SIZE = 13;

/** A label's width in SVG units, estimated (there is no layout at build time): at most ~0.6 em a character at 13 px. */
function labelWidth(text: string): number {
  return text.length * 0.6 * CHART_FONT_SIZE;
}

/** The tick labels Plot drew on an axis, with their x position (before cleanMarkup strips the aria-labels). */
function tickLabels(plotted: Element | SVGSVGElement | HTMLElement, axis: 'x' | 'y'): Array<{ text: string; x: number }> {
  const svg = plotted as unknown as SVGSVGElement;
  return [...svg.querySelectorAll(`g[aria-label="${axis}-axis tick label"] text`)].map((text) => ({
    text: text.textContent ?? '',
    x: Number(/translate\(([-\d.]+)/.exec(text.getAttribute('transform') ?? '')?.[1] ?? 0),
  }));
}

function dateTick(locale: Locale) {
  return (date: Date) => {
    if (date.getUTCMonth() === 0) return String(date.getUTCFullYear());
    return formatMonthShort(date.toISOString().slice(0, 7), locale);
  };
}

/** True when every drawn figure is "x out of y", so a share of the total is meaningful. */
function hasTotals(seriesList: readonly Series[]): boolean {
  const figures = drawnFigures(seriesList);
  return figures.length > 1 && figures.every((d) => d.figure.total !== undefined && d.figure.total > 0);
}

function timeSeriesSvg(spec: TimeSeriesSpec, seriesList: readonly Series[], locale: Locale, size: { width: number; height: number }, measure: 'value' | 'share' = 'value'): string {
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
  const marks: Plot.Markish[] = [];
  for (const target of targets) {
    marks.push(Plot.ruleY([target.value], { className: 'target', stroke: 'currentColor', strokeDasharray: '4 3' }));
    marks.push(Plot.text([target], { y: 'value', text: 'label', frameAnchor: 'left', dy: -7, textAnchor: 'start', className: 'target' }));
  }
  // A break: a thin dashed rule at the date of the first figure of the new definition, labelled in the top margin.
  const breakTimes = [...new Set(seriesList.flatMap((s) => breaksOf(s).map((p) => asOfTime(p.asOf).getTime())))].sort((a, b) => a - b);
  if (breakTimes.length > 0) {
    const rules = breakTimes.map((time) => ({ date: new Date(time), nearEnd: (time - (min - pad)) / (max - min + 2 * pad) > 0.6 }));
    const label = locale === 'vi' ? 'Đổi cách tính' : 'New definition';
    marks.push(Plot.ruleX(rules, { x: 'date', stroke: 'currentColor', strokeWidth: 1, strokeDasharray: '3 3', className: 'series-break' }));
    for (const nearEnd of [false, true]) {
      const placed = rules.filter((r) => r.nearEnd === nearEnd);
      if (placed.length > 0) marks.push(Plot.text(placed, { x: 'date', text: () => label, frameAnchor: 'top', dy: -9, dx: nearEnd ? -4 : 4, textAnchor: nearEnd ? 'end' : 'start', fontSize: 11, className: 'series-break' }));
    }
  }
  seriesList.forEach((series, seriesIndex) => {
    // Lines only within runs of comparable figures (the primary figure of each point).
    const lines = joinedRuns(series).flatMap((run, k) => run.map((point) => ({ run: k, date: asOfTime(point.asOf), value: measured(point.primary) })));
    if (lines.length > 0) marks.push(Plot.line(lines, { x: 'date', y: 'value', z: 'run', stroke: 'currentColor', strokeWidth: 2, className: `series series-${seriesIndex}` }));
    const filled = drawn.filter((d) => d.group === `points-${seriesIndex}`);
    const hollow = drawn.filter((d) => d.group === `hollow-points-${seriesIndex}`);
    if (filled.length > 0) marks.push(Plot.dot(filled, { x: 'date', y: 'value', r: 4.5, fill: 'currentColor', stroke: 'var(--chart-bg, #fff)', strokeWidth: 1.5, className: `series series-${seriesIndex} points points-${seriesIndex}` }));
    if (hollow.length > 0) marks.push(Plot.dot(hollow, { x: 'date', y: 'value', r: 4, fill: 'var(--chart-bg, #fff)', stroke: 'currentColor', strokeWidth: 2, className: `series series-${seriesIndex} points hollow-points-${seriesIndex}` }));
  });
  const draw = (marginLeft: number, marginRight: number) => Plot.plot({
    document: createDocument(),
    width: size.width,
    height: size.height,
    marginLeft,
    marginRight,
    marginTop: 20,
    className: 'chart-svg',
    x: { type: 'utc', domain: [new Date(min - pad), new Date(max + pad)], ticks: Math.max(2, Math.floor(size.width / 110)), tickFormat: dateTick(locale), label: null },
    y: { domain: [0, isRate ? 100 : yMax * 1.08], grid: true, nice: !isRate, ticks: Math.max(3, Math.floor(size.height / 60)), tickFormat: (v: number) => (isRate ? `${formatTick(v, locale)}%` : formatTick(v, locale)), label: null },
    marks,
  });
  // Widen the margins when tick labels would not fit (e.g. "10 nghìn tỷ" on the y axis, a date tick at the right edge).
  const first = draw(52, 16);
  const yLabels = tickLabels(first, 'y');
  const marginLeft = Math.max(52, Math.ceil(Math.max(0, ...yLabels.map((l) => labelWidth(l.text))) + 9 + 4));
  const rightOverflow = Math.max(0, ...tickLabels(first, 'x').map((l) => l.x + labelWidth(l.text) / 2 - (size.width - 2)));
  const marginRight = 16 + Math.ceil(rightOverflow);
  const svg = marginLeft === 52 && marginRight === 16 ? first : draw(marginLeft, marginRight);
  return finishSvg(svg, drawn, (d) => d.group);
}

function targetLabel(indicator: Indicator, locale: Locale): string {
  const target = indicator.target!;
  return locale === 'vi' ? `Mục tiêu: ${displayQuantity(indicator, target.value, undefined, locale)} (${formatAsOf(target.deadline, locale)})` : `Target: ${displayQuantity(indicator, target.value, undefined, locale)} (${formatAsOf(target.deadline, locale)})`;
}

function progressSvg(_spec: ProgressSpec, series: Series, locale: Locale, size: { width: number; height: number }): string {
  const last = series.points.at(-1)!;
  const total = last.total ?? series.indicator.target?.value ?? last.value;
  const datum = { value: last.value, total, i: 0 };
  const label = `${displayExact(series.indicator, { value: last.value, total, ...(last.qualifier ? { qualifier: last.qualifier } : {}) }, locale)} · ${Math.round((last.value / total) * 100)}%`;
  // The total's tick sits at the right edge, centred on it: leave room for half of it.
  const marginRight = Math.max(8, Math.ceil(labelWidth(formatTick(total, locale)) / 2));
  const svg = Plot.plot({
    document: createDocument(),
    width: size.width,
    height: 96,
    marginLeft: 8,
    marginRight,
    marginTop: 28,
    marginBottom: 28,
    className: 'chart-svg',
    x: { domain: [0, total], ticks: [0, total], tickFormat: (v: number) => formatTick(v, locale), label: null },
    y: { axis: null },
    marks: [
      Plot.barX([datum], { x: 'total', className: 'track', fill: 'currentColor' }),
      Plot.barX([datum], { x: 'value', className: 'series series-0 points points-0', fill: 'currentColor' }),
      Plot.text([datum], { x: 0, text: () => label, frameAnchor: 'top-left', dy: -20, textAnchor: 'start', fontWeight: 'bold' }),
    ],
  });
  return finishSvg(svg, [datum], () => 'points-0', 'rect');
}

function comparisonSvg(_spec: ComparisonSpec, sorted: Array<{ series: Series; point: SeriesPoint }>, locale: Locale, size: { width: number; height: number }): string {
  const units = new Set(sorted.map((e) => e.series.indicator.unit.vi));
  if (units.size > 1) throw new Error(`Chart "${_spec.id}": a comparison needs indicators of one unit, found ${[...units].join(', ')}`);
  const fontSize = CHART_FONT_SIZE;
  // Labels sit above their bars and wrap; Plot measures lineWidth in ems.
  const lineWidth = (size.width - 16) / fontSize;
  const data = sorted.map((e, i) => {
    const text = `${e.series.indicator.name[locale]}: ${displayValue(e.series.indicator, e.point, locale)} (${formatMonthShort(e.point.asOf, locale)})`;
    const lines = Math.ceil((text.length * 0.55) / lineWidth);
    return { i, key: e.series.indicator.id, value: e.point.value, text, lines };
  });
  const lineHeight = fontSize * 1.25;
  const barHeight = 14;
  const bands = data.map((d) => d.lines * lineHeight + barHeight + 14);
  const offsets = bands.map((_, k) => bands.slice(0, k).reduce((a, b) => a + b, 0));
  const height = bands.reduce((a, b) => a + b, 0) + 30;
  const rows = data.map((d, k) => ({ ...d, top: offsets[k]!, labelY: offsets[k]! + 4, barTop: offsets[k]! + d.lines * lineHeight + 6 }));
  const svg = Plot.plot({
    document: createDocument(),
    width: size.width,
    height,
    marginLeft: 8,
    marginRight: 8,
    marginTop: 0,
    marginBottom: 26,
    className: 'chart-svg',
    x: { domain: [0, Math.max(...data.map((d) => d.value)) * 1.02], ticks: Math.max(2, Math.floor(size.width / 120)), tickFormat: (v: number) => formatTick(v, locale), grid: true, label: null },
    y: { type: 'identity', axis: null },
    marks: [
      Plot.rectX(rows, { x1: 0, x2: 'value', y1: 'barTop', y2: (d: { barTop: number }) => d.barTop + barHeight, fill: 'currentColor', className: 'series series-0 points points-0' }),
      Plot.text(rows, { x: 0, y: 'labelY', text: 'text', textAnchor: 'start', lineAnchor: 'top', lineWidth, lineHeight: 1.25 }),
    ],
  });
  return finishSvg(svg, data, () => 'points-0', 'rect');
}

function sparklineSvg(series: Series, locale: Locale): string {
  const data = series.points.map((point, i) => ({ i, date: asOfTime(point.asOf), value: point.value }));
  // Like the full chart: no line across a break, a period or a disagreement.
  const lines = joinedRuns(series).flatMap((run, k) => run.map((point) => ({ run: k, date: asOfTime(point.asOf), value: point.value })));
  const svg = Plot.plot({
    document: createDocument(),
    width: 120,
    height: 36,
    margin: 4,
    className: 'sparkline-svg',
    x: { type: 'utc', axis: null },
    y: { axis: null, domain: [0, Math.max(...data.map((d) => d.value))] },
    marks: [
      Plot.line(lines, { x: 'date', y: 'value', z: 'run', stroke: 'currentColor', strokeWidth: 1.5 }),
      Plot.dot(data, { x: 'date', y: 'value', r: 2, fill: 'currentColor' }),
    ],
  });
  const element = svg as unknown as SVGSVGElement;
  element.setAttribute('aria-hidden', 'true');
  element.setAttribute('focusable', 'false');
  element.removeAttribute('aria-label');
  return cleanMarkup(element, locale);
}

/**
 * Makes Plot's output ours: ids on the drawn points for the tooltip (each
 * group's shapes are in the order of its data, `groupOf` names the group), no
 * inline <style> (global.css styles .chart-svg), rounded coordinates.
 */
function finishSvg<T extends { i: number }>(
  plotted: Element | SVGSVGElement | HTMLElement,
  data: readonly T[],
  groupOf: (d: T) => string,
  shape: 'circle' | 'rect' = 'circle',
): string {
  const svg = plotted as unknown as SVGSVGElement;
  const byGroup = new Map<string, T[]>();
  for (const d of data) {
    const group = groupOf(d);
    byGroup.set(group, [...(byGroup.get(group) ?? []), d]);
  }
  for (const [group, members] of byGroup) {
    const shapes = [...svg.querySelectorAll(`g.${group} ${shape}`)];
    shapes.forEach((element, k) => {
      const d = members[k];
      if (d) element.setAttribute('data-i', String(d.i));
    });
  }
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('font-size', String(CHART_FONT_SIZE));
  return cleanMarkup(svg);
}

/**
 * No inline style of any kind, so the chart works under a strict Content-Security-Policy: no <style> (global.css
 * styles .chart-svg), no style="" and no font family on the root (the chart takes the page's font), and no
 * font-variant attribute on the axes (not an SVG attribute; `.chart-svg` sets tabular figures in global.css).
 */
function cleanMarkup(svg: SVGSVGElement, _locale?: Locale): string {
  svg.querySelectorAll('style').forEach((style) => style.remove());
  svg.removeAttribute('style');
  svg.removeAttribute('font-family');
  svg.querySelectorAll('[font-variant]').forEach((element) => element.removeAttribute('font-variant'));
  // Plot labels groups with aria-label; the picture as a whole is described by the figure.
  svg.querySelectorAll('[aria-label]').forEach((element) => element.removeAttribute('aria-label'));
  return svg.outerHTML.replace(/="([^"]*)"/g, (_, value: string) => `="${value.replace(/-?\d+\.\d{2,}/g, (n) => String(Math.round(Number(n) * 10) / 10))}"`);
}

import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { Indicator, Locale } from '../data/types.ts';
import type { Series, SeriesPoint } from '../data/series.ts';
import { formatAsOf, formatMonthShort, formatTick } from '../format/index.ts';
import { displayCompact, displayExact, displayValue } from '../site/display.ts';
import type { ChartSpec, ComparisonSpec, ProgressSpec, TimeSeriesSpec } from './spec.ts';
import { indicatorsOf } from './spec.ts';
import { changeSentence, comparisonSentence, progressSentence, seriesSentence, takeawayFor } from './summary.ts';
import type { ChartData, ChartSvgs, RenderedChart } from './view.ts';
import { thinToColumns } from './thin.ts';
import {
  CHART_SIZES, TIME_SERIES_MARGINS, asOfTime, chartElementIds, chartRelease, chartRows, chartSources, fittedMargins, hasTotals, joinedRuns, labelWidth,
  shareViewText, timeSeriesLayout, timeSeriesView, tooltipPoint, tooltipPoints,
} from './view.ts';

// The pure half of a chart lives in view.ts (the browser shares it); these names stay importable from here.
export type { ChartData, ChartRow, ChartSizeName, ChartSvgs, ChartView, RenderedChart, ShareViewText, TooltipPoint } from './view.ts';
export { CHART_MAX_SCALE, CHART_MIN_SCALE, CHART_SIZES, QUOTE_EXCERPT_LENGTH, asOfTime, chartElementIds, joinedRuns, quoteExcerpt, tooltipJson } from './view.ts';

/**
 * Charts already drawn in this process. The live data (`drawOnce`) is drawn once per chart and language and shared by
 * the indicator page, the embed, the embed builder, the oEmbed answer and the downloads; a pinned release's chart is
 * drawn for one embed page, so only the last drawing is kept (the embed page asks for its title, then its chart).
 * renderChart is pure, so reusing its result changes nothing but the time.
 */
const shared = new WeakMap<ReadonlyMap<string, Series>, Map<string, RenderedChart>>();
let last: { series: ReadonlyMap<string, Series>; key: string; rendered: RenderedChart } | undefined;

/** Keep every chart drawn from these series for the rest of the process (the site's live data). */
export function drawOnce(series: ReadonlyMap<string, Series>): void {
  if (!shared.has(series)) shared.set(series, new Map());
}

/**
 * Where drawn pictures are kept between builds (the build's cache, src/lib/site/chart-store.ts), so a chart whose
 * spec, language and series did not change is not drawn again. `identity` is everything the picture is made from;
 * the store adds the version of the drawing code and names the entry by their hash. None by default (tests, dev).
 */
export interface DrawingStore {
  /** The pictures drawn from `identity`, each named by its part ('svg', 'share-svg', 'sparkline'). */
  entry(identity: string): { get(part: string): string | undefined; set(part: string, picture: string): void };
}
let drawings: DrawingStore | undefined;

/** Keeps drawn pictures in `store` from now on (undefined: nowhere). */
export function keepDrawingsIn(store: DrawingStore | undefined): void {
  drawings = store;
}

/** Renders a chart spec to SVG and text. Pure: same spec, data and locale → byte-identical output (reused, see drawOnce). */
export function renderChart(spec: ChartSpec, data: ChartData, locale: Locale): RenderedChart {
  const key = `${locale}|${data.dataVersion}|${JSON.stringify(spec)}`;
  const kept = shared.get(data.series);
  const known = kept ? kept.get(key) : last?.series === data.series && last.key === key ? last.rendered : undefined;
  if (known) return known;
  const rendered = drawChart(spec, data, locale);
  if (kept) kept.set(key, rendered);
  else last = { series: data.series, key, rendered };
  return rendered;
}

function drawChart(spec: ChartSpec, data: ChartData, locale: Locale): RenderedChart {
  const seriesList = indicatorsOf(spec).map((id) => {
    const series = data.series.get(id);
    if (!series) throw new Error(`Chart "${spec.id}": unknown indicator "${id}"`);
    return series;
  });
  // The pictures are the slow part: drawn once for these inputs, then taken from the store (when there is one).
  const entry = drawings?.entry(JSON.stringify({ spec, locale, seriesList }));
  function kept<T>(part: string, draw: () => T): T {
    if (!entry) return draw();
    const known = entry.get(part);
    if (known !== undefined) return JSON.parse(known) as T;
    const drawn = draw();
    entry.set(part, JSON.stringify(drawn));
    return drawn;
  }
  const rows = chartRows(seriesList);
  const sources = chartSources(rows);
  const base = { spec, locale, rows, sources, notes: [] as string[], dataVersion: data.dataVersion, release: chartRelease(rows, data.dataVersion) };
  const defaultTitle = seriesList.length === 1 ? seriesList[0]!.indicator.name[locale] : '';
  const title = spec.title?.[locale] ?? defaultTitle;

  switch (spec.kind) {
    case 'time-series': {
      return {
        ...timeSeriesView(spec, seriesList, locale, data.dataVersion),
        svg: kept('svg', () => allSizes(spec.id, (size) => timeSeriesSvg(spec, seriesList, locale, size))),
        ...(hasTotals(seriesList) ? { shareSvg: kept('share-svg', () => allSizes(spec.id, (size) => timeSeriesSvg(spec, seriesList, locale, size, 'share'))), shareView: shareViewText(seriesList, locale) } : {}),
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
        svg: kept('svg', () => allSizes(spec.id, (size) => progressSvg(spec, series, locale, size))),
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
        svg: kept('svg', () => allSizes(spec.id, (size) => comparisonSvg(spec, sorted, locale, size))),
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
              ...(series.points.length > 1 ? { sparkline: kept('sparkline', () => sparklineSvg(series, locale)) } : {}),
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


function createDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}


/** The chart drawn at every one of CHART_SIZES (the page shows the one that fits), each named by the figure's title and summary. */
function allSizes(chartId: string, draw: (size: { width: number; height: number }) => string): ChartSvgs {
  const ids = chartElementIds(chartId);
  const named = (svg: string) => svg.replace(/^<svg /, `<svg role="img" aria-labelledby="${ids.title}" aria-describedby="${ids.summary}" `);
  return Object.fromEntries(Object.entries(CHART_SIZES).map(([name, size]) => [name, named(draw(size))])) as ChartSvgs;
}

/**
 * The size of chart text, in SVG units (13 px on a page). Plot writes `font-size="10"` and a system font on its root;
 * its `style` option would add a `style=""` attribute, which a strict Content-Security-Policy (style-src 'self')
 * blocks. So `finishSvg` writes the size as the root's presentation attribute instead — the same 13 px on a page and
 * in a standalone SVG or PNG, which have no stylesheet — and drops the font family, so the chart takes the page's
 * font. global.css gives `.chart-svg` the rest (overflow: visible, tabular figures) by class.
 */
export const CHART_FONT_SIZE = 13;

/** The tick labels Plot drew on an axis, with their x position (before cleanMarkup strips the aria-labels). */
function tickLabels(plotted: Element | SVGSVGElement | HTMLElement, axis: 'x' | 'y'): Array<{ text: string; x: number }> {
  const svg = plotted as unknown as SVGSVGElement;
  return [...svg.querySelectorAll(`g[aria-label="${axis}-axis tick label"] text`)].map((text) => ({
    text: text.textContent ?? '',
    x: Number(/translate\(([-\d.]+)/.exec(text.getAttribute('transform') ?? '')?.[1] ?? 0),
  }));
}


function timeSeriesSvg(spec: TimeSeriesSpec, seriesList: readonly Series[], locale: Locale, size: { width: number; height: number }, measure: 'value' | 'share' = 'value'): string {
  const layout = timeSeriesLayout(spec, seriesList, locale, size, measure);
  const { drawn } = layout;
  const marks: Plot.Markish[] = [];
  for (const target of layout.targets) {
    marks.push(Plot.ruleY([target.value], { className: 'target', stroke: 'currentColor', strokeDasharray: '4 3' }));
    marks.push(Plot.text([target], { y: 'value', text: 'label', frameAnchor: 'left', dy: -7, textAnchor: 'start', className: 'target' }));
  }
  if (layout.breaks.length > 0) {
    const rules = layout.breaks;
    const label = layout.breakLabel;
    marks.push(Plot.ruleX(rules, { x: 'date', stroke: 'currentColor', strokeWidth: 1, strokeDasharray: '3 3', className: 'series-break' }));
    for (const nearEnd of [false, true]) {
      const placed = rules.filter((r) => r.nearEnd === nearEnd);
      if (placed.length > 0) marks.push(Plot.text(placed, { x: 'date', text: () => label, frameAnchor: 'top', dy: -9, dx: nearEnd ? -4 : 4, textAnchor: nearEnd ? 'end' : 'start', fontSize: 11, className: 'series-break' }));
    }
  }
  seriesList.forEach((_series, seriesIndex) => {
    const lines = layout.lines[seriesIndex]!;
    if (lines.length > 0) marks.push(Plot.line(lines, { x: 'date', y: 'value', z: 'run', stroke: 'currentColor', strokeWidth: 2, className: `series series-${seriesIndex}` }));
    // Over a long gap, a thin dashed connector: the two figures belong together, nothing was reported in between.
    const gaps = layout.gapLines[seriesIndex]!;
    if (gaps.length > 0) marks.push(Plot.line(gaps, { x: 'date', y: 'value', z: 'gap', stroke: 'currentColor', strokeWidth: 1.5, strokeDasharray: '2 5', strokeLinecap: 'round', className: `series series-${seriesIndex} long-gap` }));
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
    marginTop: TIME_SERIES_MARGINS.top,
    className: 'chart-svg',
    x: { type: 'utc', domain: layout.xDomain, ticks: layout.xTicks, tickFormat: layout.xTickFormat, label: null },
    y: { domain: layout.yDomain, grid: true, nice: layout.yNice, ticks: layout.yTicks, tickFormat: layout.yTickFormat, label: null },
    marks,
  });
  // Widen the margins when tick labels would not fit (e.g. "10 nghìn tỷ" on the y axis, a date tick at the right edge).
  const first = draw(TIME_SERIES_MARGINS.left, TIME_SERIES_MARGINS.right);
  const { left, right } = fittedMargins(tickLabels(first, 'y').map((l) => l.text), tickLabels(first, 'x'), size.width);
  const svg = left === TIME_SERIES_MARGINS.left && right === TIME_SERIES_MARGINS.right ? first : draw(left, right);
  return finishSvg(svg, drawn, (d) => d.group);
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
  // A tick near the right edge is centred on it: leave room for half of the longest label ("45 triệu").
  const xMax = Math.max(...data.map((d) => d.value)) * 1.02;
  const marginRight = Math.max(8, Math.ceil(labelWidth(formatTick(xMax, locale)) / 2));
  const svg = Plot.plot({
    document: createDocument(),
    width: size.width,
    height,
    marginLeft: 8,
    marginRight,
    marginTop: 0,
    marginBottom: 26,
    className: 'chart-svg',
    x: { domain: [0, xMax], ticks: Math.max(2, Math.floor(size.width / 120)), tickFormat: (v: number) => formatTick(v, locale), grid: true, label: null },
    y: { type: 'identity', axis: null },
    marks: [
      Plot.rectX(rows, { x1: 0, x2: 'value', y1: 'barTop', y2: (d: { barTop: number }) => d.barTop + barHeight, fill: 'currentColor', className: 'series series-0 points points-0' }),
      Plot.text(rows, { x: 0, y: 'labelY', text: 'text', textAnchor: 'start', lineAnchor: 'top', lineWidth, lineHeight: 1.25 }),
    ],
  });
  return finishSvg(svg, data, () => 'points-0', 'rect');
}

const SPARKLINE_WIDTH = 120;
/** Dots of 2 px radius on a 112-px line: past this many figures they merge into a band. */
const SPARKLINE_DOTS = 40;

function sparklineSvg(series: Series, locale: Locale): string {
  const all = series.points.map((point, i) => ({ i, date: asOfTime(point.asOf), value: point.value }));
  // Bounded by the picture, not by the data: a dot for each figure while they stay apart (up to SPARKLINE_DOTS),
  // beyond that the newest only; the line drawn at the picture's resolution (thin.ts keeps real points only).
  const data = all.length <= SPARKLINE_DOTS ? all : all.slice(-1);
  // Like the full chart: no line across a break, a period or a disagreement.
  const lines = joinedRuns(series).flatMap((run, k) => thinToColumns(run.map((point) => ({ run: k, date: asOfTime(point.asOf), value: point.value })), SPARKLINE_WIDTH, (p) => +p.date, (p) => p.value));
  const svg = Plot.plot({
    document: createDocument(),
    width: SPARKLINE_WIDTH,
    height: 36,
    margin: 4,
    className: 'sparkline-svg',
    x: { type: 'utc', axis: null },
    y: { axis: null, domain: [0, Math.max(...all.map((d) => d.value))] },
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

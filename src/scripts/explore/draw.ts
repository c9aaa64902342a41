/**
 * Draws a time series in the browser with d3 (d3-array's ticks and nice for the value axis, d3-time for the date
 * ticks, d3-shape for the lines; the data join is done by hand: the marks are drawn anew on each change), from the
 * same layout the build gives Plot (charts/view.ts
 * `timeSeriesLayout`): the same domains, ticks, tick labels, margins, classes and marks — a line only within a run of
 * comparable figures, a hollow dot for a qualified figure, a dashed rule at a break, the target as a dashed rule —
 * so a redrawn chart looks like the one the page arrived with. No style attribute: presentation attributes and
 * classes only (the page's CSS colours `.series-<k>`), so it draws under a strict Content-Security-Policy.
 */
import { nice, ticks } from 'd3-array';
import { line } from 'd3-shape';
import { utcTicks } from 'd3-time';
import type { PlacedFigure, TimeSeriesLayout } from '../../lib/charts/view.ts';
import { TIME_SERIES_MARGINS, fittedMargins } from '../../lib/charts/view.ts';

const SVG = 'http://www.w3.org/2000/svg';

type Attributes = Record<string, string | number>;

/** An SVG element with attributes (never a style attribute). */
function node<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes): SVGElementTagNameMap[K];
function node(tag: string, attributes: Attributes): SVGElement;
function node(tag: string, attributes: Attributes): SVGElement {
  const element = document.createElementNS(SVG, tag) as SVGElement;
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'xmlns') element.setAttributeNS('http://www.w3.org/2000/xmlns/', name, String(value));
    else element.setAttribute(name, String(value));
  }
  return element;
}
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A linear map of a numeric domain onto a range, with its ticks: what d3-scale's scaleLinear computes for numbers
 * (its ticks are d3-array's `ticks`), without the colour interpolation and number formatting scaleLinear carries
 * and this chart never uses (about 20 KB of d3-interpolate, d3-color and d3-format; tick labels come from the
 * shared formatters).
 */
function linear([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]) {
  const map = (value: number) => (d1 === d0 ? (r0 + r1) / 2 : r0 + ((value - d0) / (d1 - d0)) * (r1 - r0));
  return Object.assign(map, { ticks: (count: number) => ticks(d0, d1, count) });
}

/**
 * The scales of a layout inside margins. Time is linear over milliseconds, ticked by d3-time's `utcTicks`: exactly
 * what d3's scaleUtc (and so Plot) computes, without the date formatting code scaleUtc carries.
 */
function scales(layout: TimeSeriesLayout, size: { width: number; height: number }, left: number, right: number) {
  const time = linear([layout.xDomain[0].getTime(), layout.xDomain[1].getTime()], [left, size.width - right]);
  const x = Object.assign((date: Date) => time(date.getTime()), { ticks: (count: number) => utcTicks(layout.xDomain[0], layout.xDomain[1], count) });
  // As Plot does with nice: true: niced to d3's default count (10, as scaleLinear's nice()), then ticked with the layout's.
  const [y0, y1] = layout.yNice ? nice(layout.yDomain[0], layout.yDomain[1], 10) : layout.yDomain;
  const y = linear([y0, y1], [size.height - TIME_SERIES_MARGINS.bottom, TIME_SERIES_MARGINS.top]);
  return { x, y };
}

/** An SVG of the layout at one size, named by the chart's title and summary. */
export function drawTimeSeries(layout: TimeSeriesLayout, size: { width: number; height: number }, ids: { title: string; summary: string }): SVGSVGElement {
  // First with the default margins, then widened where tick labels would not fit: the build's rule (fittedMargins).
  const first = scales(layout, size, TIME_SERIES_MARGINS.left, TIME_SERIES_MARGINS.right);
  const { left, right } = fittedMargins(
    first.y.ticks(layout.yTicks).map(layout.yTickFormat),
    layout.xTicks.map((d) => ({ text: layout.xTickFormat(d), x: first.x(d) })),
    size.width,
  );
  const { x, y } = left === TIME_SERIES_MARGINS.left && right === TIME_SERIES_MARGINS.right ? first : scales(layout, size, left, right);
  const top = TIME_SERIES_MARGINS.top;
  const bottom = size.height - TIME_SERIES_MARGINS.bottom;
  const xTicks = layout.xTicks;
  const yTicks = y.ticks(layout.yTicks);

  const svg = node('svg', {
    xmlns: SVG, class: 'chart-svg', role: 'img', 'aria-labelledby': ids.title, 'aria-describedby': ids.summary, focusable: 'false',
    viewBox: `0 0 ${size.width} ${size.height}`, width: size.width, height: size.height,
    'text-anchor': 'middle', 'font-size': 13, fill: 'currentColor',
  });
  const group = (attributes: Attributes) => svg.appendChild(node('g', attributes));
  /** One shape per datum in a group: the data join, by hand (the marks are drawn anew on every change). */
  const join = <T>(parent: SVGElement, tag: string, data: readonly T[], attributes: (d: T) => Attributes, text?: (d: T) => string) => {
    for (const d of data) {
      const shape = parent.appendChild(node(tag, attributes(d)));
      if (text) shape.textContent = text(d);
    }
  };

  // Grid, y ticks and labels.
  join(group({ 'stroke-opacity': 0.1, stroke: 'currentColor', 'aria-hidden': 'true' }), 'line', yTicks, (d) => ({ x1: left, x2: size.width - right, y1: round(y(d)), y2: round(y(d)) }));
  join(group({ stroke: 'currentColor', fill: 'none', 'aria-hidden': 'true' }), 'path', yTicks, (d) => ({ d: 'M0,0L-6,0', transform: `translate(${left},${round(y(d))})` }));
  join(group({ transform: 'translate(-9,0)', 'font-variant': 'tabular-nums', 'text-anchor': 'end' }), 'text', yTicks, (d) => ({ transform: `translate(${left},${round(y(d))})`, y: '0.3em' }), layout.yTickFormat);
  // x ticks and labels.
  join(group({ stroke: 'currentColor', fill: 'none', 'aria-hidden': 'true' }), 'path', xTicks, (d) => ({ d: 'M0,0L0,6', transform: `translate(${round(x(d))},${bottom})` }));
  join(group({ transform: 'translate(0,9)', 'font-variant': 'tabular-nums' }), 'text', xTicks, (d) => ({ transform: `translate(${round(x(d))},${bottom})`, y: '0.7em' }), layout.xTickFormat);

  // Targets: a dashed rule, labelled at the left.
  for (const target of layout.targets) {
    const at = round(y(target.value));
    join(group({ class: 'target', stroke: 'currentColor', 'stroke-dasharray': '4 3' }), 'line', [target], () => ({ x1: left, x2: size.width - right, y1: at, y2: at }));
    join(group({ class: 'target', 'text-anchor': 'start' }), 'text', [target], () => ({ x: left, y: at, dy: -7 }), (d) => d.label);
  }
  // Breaks: a dashed rule at the first figure of a new definition, labelled in the top margin.
  if (layout.breaks.length > 0) {
    join(group({ class: 'series-break', stroke: 'currentColor', 'stroke-dasharray': '3 3' }), 'line', layout.breaks, (d) => ({ x1: round(x(d.date)), x2: round(x(d.date)), y1: top, y2: bottom }));
    join(group({ class: 'series-break', 'font-size': 11 }), 'text', layout.breaks, (d) => ({ x: round(x(d.date)), y: top, dx: d.nearEnd ? -4 : 4, dy: -9, 'text-anchor': d.nearEnd ? 'end' : 'start' }), () => layout.breakLabel);
  }
  // Lines within runs (d3-shape), then dots: filled for an exact figure, hollow for a qualified one.
  const path = line<{ date: Date; value: number }>().x((d) => round(x(d.date))).y((d) => round(y(d.value)));
  layout.lines.forEach((points, k) => {
    const runs: Array<typeof points> = [];
    for (const p of points) (runs[p.run] ??= []).push(p);
    if (points.length === 0) return;
    join(group({ class: `series series-${k}`, stroke: 'currentColor', 'stroke-width': 2, fill: 'none', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }), 'path', runs.filter(Boolean), (run) => ({ d: path(run) ?? '' }));
  });
  // Dashed connectors over long gaps (view.ts lineSegments), as the build draws them.
  layout.gapLines.forEach((points, k) => {
    const gaps: Array<typeof points> = [];
    for (const p of points) (gaps[p.gap] ??= []).push(p);
    if (points.length === 0) return;
    join(group({ class: `series series-${k} long-gap`, stroke: 'currentColor', 'stroke-width': 1.5, 'stroke-dasharray': '2 5', fill: 'none', 'stroke-linecap': 'round' }), 'path', gaps.filter(Boolean), (pair) => ({ d: path(pair) ?? '' }));
  });
  const dots = (kind: string, filled: boolean, k: number, data: PlacedFigure[]) => {
    if (data.length === 0) return;
    const g = group({ class: `series series-${k} points ${kind}`, 'stroke-width': filled ? 1.5 : 2, stroke: filled ? 'var(--chart-bg, #fff)' : 'currentColor', fill: filled ? 'currentColor' : 'var(--chart-bg, #fff)' });
    join(g, 'circle', data, (d) => ({ 'data-i': d.i, r: filled ? 4.5 : 4, cx: round(x(d.date)), cy: round(y(d.value)) }));
  };
  layout.lines.forEach((_, k) => {
    dots(`points-${k}`, true, k, layout.drawn.filter((d) => d.group === `points-${k}`));
    dots(`hollow-points-${k}`, false, k, layout.drawn.filter((d) => d.group === `hollow-points-${k}`));
  });
  return svg;
}

/**
 * Draws a time series in the browser with d3, from the same layout the build gives Plot (charts/view.ts
 * `timeSeriesLayout`): the same domains, ticks, tick labels, margins, classes and marks — a line only within a run of
 * comparable figures, a hollow dot for a qualified figure, a dashed rule at a break, the target as a dashed rule —
 * so a redrawn chart looks like the one the page arrived with. No style attribute: presentation attributes and
 * classes only (the page's CSS colours `.series-<k>`), so it draws under a strict Content-Security-Policy.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import { select } from 'd3-selection';
import type { PlacedFigure, TimeSeriesLayout } from '../../lib/charts/view.ts';
import { TIME_SERIES_MARGINS, fittedMargins } from '../../lib/charts/view.ts';

const SVG = 'http://www.w3.org/2000/svg';
const round = (n: number) => Math.round(n * 10) / 10;

/** The scales of a layout inside margins. */
function scales(layout: TimeSeriesLayout, size: { width: number; height: number }, left: number, right: number) {
  const x = scaleUtc().domain(layout.xDomain).range([left, size.width - right]);
  const y = scaleLinear().domain(layout.yDomain).range([size.height - TIME_SERIES_MARGINS.bottom, TIME_SERIES_MARGINS.top]);
  // As Plot does with nice: true: niced to d3's default count, then ticked with the layout's.
  if (layout.yNice) y.nice();
  return { x, y };
}

/** An SVG of the layout at one size, named by the chart's title and summary. */
export function drawTimeSeries(layout: TimeSeriesLayout, size: { width: number; height: number }, ids: { title: string; summary: string }): SVGSVGElement {
  // First with the default margins, then widened where tick labels would not fit: the build's rule (fittedMargins).
  const first = scales(layout, size, TIME_SERIES_MARGINS.left, TIME_SERIES_MARGINS.right);
  const { left, right } = fittedMargins(
    first.y.ticks(layout.yTicks).map(layout.yTickFormat),
    first.x.ticks(layout.xTicks).map((d) => ({ text: layout.xTickFormat(d), x: first.x(d) })),
    size.width,
  );
  const { x, y } = left === TIME_SERIES_MARGINS.left && right === TIME_SERIES_MARGINS.right ? first : scales(layout, size, left, right);
  const top = TIME_SERIES_MARGINS.top;
  const bottom = size.height - TIME_SERIES_MARGINS.bottom;
  const xTicks = x.ticks(layout.xTicks);
  const yTicks = y.ticks(layout.yTicks);

  const svg = select(document.createElementNS(SVG, 'svg'))
    .attr('xmlns', SVG)
    .attr('class', 'chart-svg')
    .attr('role', 'img')
    .attr('aria-labelledby', ids.title)
    .attr('aria-describedby', ids.summary)
    .attr('focusable', 'false')
    .attr('viewBox', `0 0 ${size.width} ${size.height}`)
    .attr('width', size.width)
    .attr('height', size.height)
    .attr('text-anchor', 'middle')
    .attr('font-size', 13)
    .attr('font-family', 'inherit')
    .attr('fill', 'currentColor');

  // Grid, y ticks and labels.
  svg.append('g').attr('stroke-opacity', 0.1).attr('stroke', 'currentColor').attr('aria-hidden', 'true')
    .selectAll('line').data(yTicks).join('line')
    .attr('x1', left).attr('x2', size.width - right).attr('y1', (d) => round(y(d))).attr('y2', (d) => round(y(d)));
  svg.append('g').attr('stroke', 'currentColor').attr('fill', 'none').attr('aria-hidden', 'true')
    .selectAll('path').data(yTicks).join('path')
    .attr('d', 'M0,0L-6,0').attr('transform', (d) => `translate(${left},${round(y(d))})`);
  svg.append('g').attr('transform', 'translate(-9,0)').attr('font-variant', 'tabular-nums').attr('text-anchor', 'end')
    .selectAll('text').data(yTicks).join('text')
    .attr('transform', (d) => `translate(${left},${round(y(d))})`).attr('y', '0.3em').text(layout.yTickFormat);
  // x ticks and labels.
  svg.append('g').attr('stroke', 'currentColor').attr('fill', 'none').attr('aria-hidden', 'true')
    .selectAll('path').data(xTicks).join('path')
    .attr('d', 'M0,0L0,6').attr('transform', (d) => `translate(${round(x(d))},${bottom})`);
  svg.append('g').attr('transform', 'translate(0,9)').attr('font-variant', 'tabular-nums')
    .selectAll('text').data(xTicks).join('text')
    .attr('transform', (d) => `translate(${round(x(d))},${bottom})`).attr('y', '0.7em').text(layout.xTickFormat);

  // Targets: a dashed rule, labelled at the left.
  for (const target of layout.targets) {
    const at = round(y(target.value));
    svg.append('g').attr('class', 'target').attr('stroke', 'currentColor').attr('stroke-dasharray', '4 3')
      .append('line').attr('x1', left).attr('x2', size.width - right).attr('y1', at).attr('y2', at);
    svg.append('g').attr('class', 'target').attr('text-anchor', 'start')
      .append('text').attr('x', left).attr('y', at).attr('dy', -7).text(target.label);
  }
  // Breaks: a dashed rule at the first figure of a new definition, labelled in the top margin.
  if (layout.breaks.length > 0) {
    svg.append('g').attr('class', 'series-break').attr('stroke', 'currentColor').attr('stroke-dasharray', '3 3')
      .selectAll('line').data(layout.breaks).join('line')
      .attr('x1', (d) => round(x(d.date))).attr('x2', (d) => round(x(d.date))).attr('y1', top).attr('y2', bottom);
    svg.append('g').attr('class', 'series-break').attr('font-size', 11)
      .selectAll('text').data(layout.breaks).join('text')
      .attr('x', (d) => round(x(d.date))).attr('y', top).attr('dx', (d) => (d.nearEnd ? -4 : 4)).attr('dy', -9)
      .attr('text-anchor', (d) => (d.nearEnd ? 'end' : 'start')).text(layout.breakLabel);
  }
  // Lines within runs, then dots: filled for an exact figure, hollow for a qualified one.
  const path = line<{ date: Date; value: number }>().x((d) => round(x(d.date))).y((d) => round(y(d.value)));
  layout.lines.forEach((points, k) => {
    const runs: Array<typeof points> = [];
    for (const p of points) (runs[p.run] ??= []).push(p);
    if (runs.length === 0) return;
    svg.append('g').attr('class', `series series-${k}`).attr('stroke', 'currentColor').attr('stroke-width', 2).attr('fill', 'none')
      .attr('stroke-linecap', 'round').attr('stroke-linejoin', 'round')
      .selectAll('path').data(runs.filter(Boolean)).join('path').attr('d', (run) => path(run) ?? '');
  });
  const dots = (group: string, filled: boolean, k: number, data: PlacedFigure[]) => {
    if (data.length === 0) return;
    svg.append('g').attr('class', `series series-${k} points ${group}`)
      .attr('stroke-width', filled ? 1.5 : 2).attr('stroke', filled ? 'var(--chart-bg, #fff)' : 'currentColor').attr('fill', filled ? 'currentColor' : 'var(--chart-bg, #fff)')
      .selectAll('circle').data(data).join('circle')
      .attr('data-i', (d) => d.i).attr('r', filled ? 4.5 : 4).attr('cx', (d) => round(x(d.date))).attr('cy', (d) => round(y(d.value)));
  };
  layout.lines.forEach((_, k) => {
    dots(`points-${k}`, true, k, layout.drawn.filter((d) => d.group === `points-${k}`));
    dots(`hollow-points-${k}`, false, k, layout.drawn.filter((d) => d.group === `hollow-points-${k}`));
  });
  return svg.node()!;
}

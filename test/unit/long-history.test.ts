/**
 * A long history is drawn at the picture's resolution: its page holds a bounded number of dots, tooltip points and
 * line points however many figures it has, every one a real figure; a short history is drawn as before.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { CHART_SIZES, renderChart } from '../../src/lib/charts/render.ts';
import { DOT_COLUMNS, dottedFigures, drawnFigures, lineAtResolution } from '../../src/lib/charts/view.ts';
import { buildSeries } from '../../src/lib/data/series.ts';
import { fixtureFigure, TRUTH_DATA } from '../snapshots/truth-fixtures.ts';

const indicator = TRUTH_DATA.series.get('fixture-records')!.indicator;
const DAY = 86_400_000;
/** `count` daily figures from 2021-01-01, a saw-tooth with one spike: the spike must stay drawn. */
function dailySeries(count: number) {
  const figures = Array.from({ length: count }, (_, i) => {
    const asOf = new Date(Date.UTC(2021, 0, 1) + i * DAY).toISOString().slice(0, 10);
    return fixtureFigure(indicator.id, 1_000_000 + (i % 17) * 1_000 + (i === 613 ? 5_000_000 : 0), asOf);
  });
  return buildSeries({ ...indicator, kind: 'level' }, figures);
}

describe('a history of 1,000 daily figures', () => {
  const series = dailySeries(1_000);
  const data = { series: new Map([[indicator.id, series]]), dataVersion: '2023-09' };
  const chart = renderChart({ id: 'long', kind: 'time-series', indicators: [indicator.id] }, data, 'en');

  it('marks at most 4 × DOT_COLUMNS figures with a dot and a tooltip, the first, the newest and the spike among them', () => {
    const dotted = dottedFigures([series]);
    expect(dotted.length).toBeLessThanOrEqual(4 * DOT_COLUMNS);
    expect(dotted[0]!.figure).toBe(series.points[0]!.primary);
    expect(dotted.at(-1)!.figure).toBe(series.points.at(-1)!.primary);
    expect(dotted.map((d) => d.figure.value)).toContain(6_000_000 + (613 % 17) * 1_000);
    expect(chart.points).toHaveLength(dotted.length);
    for (const svg of Object.values(chart.svg!)) {
      const dots = [...parseHTML(`<div>${svg}</div>`).document.querySelectorAll('circle[data-i]')];
      expect(dots.map((dot) => Number(dot.getAttribute('data-i')))).toEqual(dotted.map((_, i) => i));
    }
  });

  it('draws the line through at most four real figures a pixel column, at every size', () => {
    for (const [name, svg] of Object.entries(chart.svg!)) {
      const path = parseHTML(`<div>${svg}</div>`).document.querySelector('g.series path')!.getAttribute('d')!;
      const points = path.split(/[ML]/).filter(Boolean);
      const width = CHART_SIZES[name as keyof typeof CHART_SIZES].width;
      expect(points.length, name).toBeLessThanOrEqual(4 * width);
      // The narrow plot is under 250 pixels wide: fewer than 1,000 points fit.
      if (name === 'narrow') expect(points.length, name).toBeLessThan(1_000);
    }
  });

  it('keeps every figure in the table rows the downloads are made of', () => {
    expect(chart.rows).toHaveLength(1_000);
  });
});

describe('a short history', () => {
  it('keeps a dot and a tooltip on every figure', () => {
    const series = dailySeries(4 * DOT_COLUMNS);
    expect(dottedFigures([series])).toEqual(drawnFigures([series]));
  });
});

describe('lineAtResolution', () => {
  const run = Array.from({ length: 5_000 }, (_, i) => ({ x: i, y: (i * 7919) % 101 }));
  it('keeps at most four points per pixel column of the part of the plot the run spans', () => {
    expect(lineAtResolution(run, 400, 1, (p) => p.x, (p) => p.y).length).toBeLessThanOrEqual(1_600);
    expect(lineAtResolution(run, 400, 0.25, (p) => p.x, (p) => p.y).length).toBeLessThanOrEqual(400);
    expect(lineAtResolution(run.slice(0, 300), 400, 0.25, (p) => p.x, (p) => p.y)).toEqual(run.slice(0, 300));
  });
});

/**
 * Chart honesty at every size (issue 11): date ticks that are never ambiguous and always show where a sparse series
 * starts and ends, and the long-gap rule (a line over months nobody reported is dashed, and the notes say so).
 */
import { describe, expect, it } from 'vitest';
import { renderChart } from '../../src/lib/charts/render.ts';
import {
  CHART_SIZES, LONG_GAP_DAYS, dateTick, isLongGap, lineSegments, longGapNote, medianSpacingDays, timeSeriesLayout, timeSeriesNotes, timeTicks,
} from '../../src/lib/charts/view.ts';
import { buildSeries } from '../../src/lib/data/series.ts';
import type { Indicator } from '../../src/lib/data/types.ts';
import { FIXTURE_INDICATORS } from '../fixtures/fixture-data.ts';
import { BREAK_REASON, fixtureFigure } from '../snapshots/truth-fixtures.ts';

const base = FIXTURE_INDICATORS[0]!;
const indicator: Indicator = { ...base, id: 'sparse', kind: 'cumulative' };
const seriesOf = (dates: string[], values = dates.map((_, k) => 10 + k * 5), options: Array<Parameters<typeof fixtureFigure>[3]> = []) =>
  buildSeries(indicator, dates.map((date, k) => fixtureFigure('sparse', values[k]!, date, options[k] ?? {})));
const spec = { id: 'sparse', kind: 'time-series', indicators: ['sparse'] } as const;
const data = (series: ReturnType<typeof seriesOf>) => ({ series: new Map([['sparse', series]]), dataVersion: '2025-10' });

describe('date ticks', () => {
  it('label January with its month like every other month ("1/2025", "Jan 2025"), never the year alone', () => {
    const january = new Date(Date.UTC(2025, 0, 1));
    expect(dateTick('vi')(january)).toBe('1/2025');
    expect(dateTick('en')(january)).toBe('Jan 2025');
    expect(dateTick('vi')(new Date(Date.UTC(2025, 1, 1)))).toBe('2/2025');
  });

  it('always label the first and the last month of a sparse series, at every size and in both languages', () => {
    // The review's case: three figures over 15 months, one x tick on a phone.
    const series = seriesOf(['2024-07', '2025-08-15', '2025-09-22']);
    for (const locale of ['vi', 'en'] as const) {
      for (const [name, size] of Object.entries(CHART_SIZES)) {
        const layout = timeSeriesLayout(spec, [series], locale, size);
        const labels = layout.xTicks.map(layout.xTickFormat);
        expect(labels[0], `${locale} ${name}`).toBe(locale === 'vi' ? '7/2024' : 'Jul 2024');
        expect(labels.at(-1), `${locale} ${name}`).toBe(locale === 'vi' ? '9/2025' : 'Sep 2025');
        expect(labels.length, `${locale} ${name}`).toBeGreaterThanOrEqual(2);
        // Every label has a month: none is a bare year.
        for (const label of labels) expect(label).not.toMatch(/^\d{4}$/);
        // Every tick is inside the x domain (drawn, not clipped).
        for (const tick of layout.xTicks) {
          expect(tick.getTime()).toBeGreaterThanOrEqual(layout.xDomain[0].getTime());
          expect(tick.getTime()).toBeLessThanOrEqual(layout.xDomain[1].getTime());
        }
      }
    }
  });

  it('keep labels clear of each other on a phone', () => {
    const series = seriesOf(['2021-09', '2022-03', '2023-01', '2024-01', '2025-06'], [1e6, 3e6, 9e6, 2e7, 5e7]);
    const layout = timeSeriesLayout(spec, [series], 'vi', CHART_SIZES.narrow);
    const [start, end] = layout.xDomain.map(Number) as [number, number];
    const x = (d: Date) => ((d.getTime() - start) / (end - start)) * (CHART_SIZES.narrow.width - 80);
    layout.xTicks.slice(1).forEach((tick, k) => {
      const before = layout.xTicks[k]!;
      const room = (layout.xTickFormat(tick).length + layout.xTickFormat(before).length) / 2 * 0.55 * 13;
      expect(x(tick) - x(before), `${layout.xTickFormat(before)} → ${layout.xTickFormat(tick)}`).toBeGreaterThan(room);
    });
  });

  it('give a series of one month one tick', () => {
    const domain = [new Date(Date.UTC(2025, 2, 20)), new Date(Date.UTC(2025, 4, 10))] as const;
    const ticks = timeTicks(domain, new Date(Date.UTC(2025, 3, 5)), new Date(Date.UTC(2025, 3, 25)), 200, dateTick('vi'));
    expect(ticks.map(dateTick('vi'))).toEqual(['4/2025']);
  });
});

describe('long gaps', () => {
  it('are more than six months between consecutive figures', () => {
    const series = seriesOf(['2024-07', '2025-08-15', '2025-09-22']);
    const [a, b, c] = series.points as [typeof series.points[0], typeof series.points[0], typeof series.points[0]];
    expect(LONG_GAP_DAYS).toBe(183);
    expect(isLongGap(series, a, b)).toBe(true);
    expect(isLongGap(series, b, c)).toBe(false);
  });

  it('or more than three times the usual spacing (and at least two months)', () => {
    // Every two weeks, then ten weeks without a figure: long for this series, though under six months.
    const dates = ['2025-01-05', '2025-01-19', '2025-02-02', '2025-02-16', '2025-03-02', '2025-05-11', '2025-05-25'];
    const series = seriesOf(dates);
    expect(medianSpacingDays(series)).toBe(14);
    const long = series.points.slice(1).filter((point, k) => isLongGap(series, series.points[k]!, point)).map((p) => p.asOf);
    expect(long).toEqual(['2025-05-11']);
    // Monthly figures with one two-month gap: not long (under the two-month floor of the relative rule).
    const monthly = seriesOf(['2025-01', '2025-02', '2025-03', '2025-05', '2025-06']);
    expect(monthly.points.slice(1).some((point, k) => isLongGap(monthly, monthly.points[k]!, point))).toBe(false);
  });

  it('are drawn dashed, never solid, and never across a break', () => {
    const series = seriesOf(['2024-07', '2025-08-15', '2025-09-22']);
    const { solid, dashed } = lineSegments(series);
    expect(solid.map((piece) => piece.map((p) => p.asOf))).toEqual([['2025-08-15', '2025-09-22']]);
    expect(dashed.map((pair) => pair.map((p) => p.asOf))).toEqual([['2024-07', '2025-08-15']]);
    // A break over the long gap: no connector of either kind.
    const broken = seriesOf(['2024-07', '2025-08-15', '2025-09-22'], undefined, [{}, { seriesBreak: BREAK_REASON }]);
    expect(lineSegments(broken).dashed).toEqual([]);
  });

  it('are named in the notes, in words, in both languages', () => {
    const series = seriesOf(['2024-07', '2025-08-15', '2025-09-22']);
    expect(longGapNote([series], 'vi')).toBe('Nét đứt: không có số liệu công bố giữa hai số (7/2024–8/2025, 13 tháng); đoạn nối không cho biết con số thay đổi thế nào trong khoảng đó.');
    expect(longGapNote([series], 'en')).toMatch(/^Dashed line: no figure was published between the two \(Jul 2024–Aug 2025, 13 months\)/);
    expect(timeSeriesNotes([series], 'vi').some((note) => note.startsWith('Nét đứt'))).toBe(true);
    expect(longGapNote([seriesOf(['2025-01', '2025-02', '2025-03'])], 'vi')).toBeUndefined();
  });

  it('reach the SVG as a dashed path and no solid path over the gap', () => {
    const series = seriesOf(['2024-07', '2025-08-15', '2025-09-22']);
    const chart = renderChart(spec, data(series), 'vi');
    for (const svg of Object.values(chart.svg!)) {
      const gap = /<g([^>]*class="series series-0 long-gap"[^>]*)>([\s\S]*?)<\/g>/.exec(svg)!;
      expect(gap[1]).toContain('stroke-dasharray="2 5"');
      expect(gap[2]!.match(/<path/g)).toHaveLength(1);
      // The solid line has one piece: two vertices (8/2025 → 9/2025).
      const solid = /<g[^>]*class="series series-0"[^>]*>([\s\S]*?)<\/g>/.exec(svg)![1]!;
      expect(solid.match(/<path/g)).toHaveLength(1);
      expect(/d="M[\d.]+,[\d.]+L[\d.]+,[\d.]+"/.test(solid)).toBe(true);
    }
    expect(chart.notes.some((note) => note.startsWith('Nét đứt'))).toBe(true);
  });
});

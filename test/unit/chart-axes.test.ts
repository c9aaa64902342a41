/**
 * Chart honesty at every size (issue 11): date ticks that are never ambiguous and always show where a sparse series
 * starts and ends, and the long-gap rule (a line over months nobody reported is dashed, and the notes say so).
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderChart, tooltipJson } from '../../src/lib/charts/render.ts';
import { enhance } from '../../src/scripts/chart-tooltip.ts';
import {
  CHART_SIZES, LONG_GAP_DAYS, dateTick, shareViewText, isLongGap, lineSegments, longGapNote, medianSpacingDays, timeSeriesLayout, timeSeriesNotes, timeTicks,
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

describe('the share view', () => {
  // The review's case: 21/25, 35/53, 44/76, 54/76 — the count rises, the share falls 84% → 66% → 58%, then 71%.
  const services: Indicator = { ...base, id: 'services', kind: 'count-of-total', unit: { vi: 'dịch vụ', en: 'services' } };
  const figures = [[21, 25, '2022-11'], [35, 53, '2023-07-12'], [44, 76, '2024-11-06'], [54, 76, '2025-02-13']] as const;
  const list = buildSeries(services, figures.map(([value, total, date], k) => ({
    ...fixtureFigure('services', value, date, k === 1 || k === 2 ? { seriesBreak: { vi: 'Danh mục đổi', en: 'The list changed' } } : {}),
    total,
  })));
  const chartData = { series: new Map([['services', list]]), dataVersion: '2025-02' };
  const servicesSpec = { id: 'services', kind: 'time-series', indicators: ['services'] } as const;

  it('states the latest share, never a rise or a fall, and names the changes of total', () => {
    const vi = shareViewText([list], 'vi');
    expect(vi.titleSuffix).toBe(' — tỷ lệ trên tổng số');
    expect(vi.takeaway).toBe('Tỷ lệ mới nhất: 71% (54/76 dịch vụ, 13/2/2025).');
    expect(vi.takeaway).not.toMatch(/tăng|giảm/i);
    expect(vi.note).toMatch(/^Tổng số đã thay đổi: 25 → 53 → 76 dịch vụ\. Tỷ lệ trên các tổng số khác nhau không so sánh được/);
    const en = shareViewText([list], 'en');
    expect(en.takeaway).toBe('Latest share: 71% (54/76 services, 13 February 2025).');
    expect(en.takeaway).not.toMatch(/\b(up|down|rose|fell)\b/i);
    expect(en.note).toMatch(/^The total changed: 25 → 53 → 76 services\./);
    // One total throughout: nothing to note.
    const same = buildSeries(services, [{ ...fixtureFigure('services', 40, '2025-01'), total: 76 }, { ...fixtureFigure('services', 54, '2025-02'), total: 76 }]);
    expect(shareViewText([same], 'vi').note).toBeUndefined();
  });

  it('rides with the chart, and the toggle swaps the title, the takeaway and the note (and back)', () => {
    const chart = renderChart(servicesSpec, chartData, 'vi');
    expect(chart.shareSvg).toBeDefined();
    expect(chart.shareView?.takeaway).toBe('Tỷ lệ mới nhất: 71% (54/76 dịch vụ, 13/2/2025).');
    expect(chart.points.map((p) => p.share)).toEqual(['84%', '66%', '58%', '71%']);
    const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    const { document } = parseHTML(`<!doctype html><html lang="vi"><body><figure class="chart">
      <h3 class="chart-title">Dịch vụ</h3><p class="chart-takeaway">${chart.takeaway}</p>
      <div class="chart-plot" data-label="Biểu đồ: Dịch vụ" data-measure="value"><div class="chart-size chart-narrow">${chart.svg!.narrow}</div></div>
      <template class="chart-share" data-toggle-value="Số lượng" data-toggle-share="Tỷ lệ trên tổng số" data-share-title="${attr(chart.shareView!.titleSuffix)}" data-share-takeaway="${attr(chart.shareView!.takeaway)}" data-share-note="${attr(chart.shareView!.note!)}"><div class="chart-size chart-narrow">${chart.shareSvg!.narrow}</div></template>
      <ul class="chart-notes"><li>…</li></ul>
      <script type="application/json" class="chart-points">${tooltipJson(chart.points)}</script></figure></body></html>`);
    const globals = globalThis as unknown as { document?: Document; Node?: unknown };
    const saved = { document: globals.document, Node: globals.Node };
    globals.document = document as unknown as Document;
    globals.Node = (document.defaultView as unknown as { Node: unknown }).Node;
    // linkedom does no layout: every shape counts as shown.
    const element = (document.defaultView as unknown as { Element: { prototype: { getClientRects?: () => unknown[] } } }).Element.prototype;
    element.getClientRects = () => [{}];
    try {
      const figure = document.querySelector('figure') as unknown as HTMLElement;
      enhance(figure);
      const [count, share] = [...figure.querySelectorAll('.chart-toggle button')] as HTMLButtonElement[];
      const takeaway = () => figure.querySelector('.chart-takeaway')!.textContent;
      const before = takeaway();
      expect(before).toMatch(/tăng/);
      share!.click();
      expect(figure.querySelector('.chart-title')!.textContent).toBe('Dịch vụ — tỷ lệ trên tổng số');
      expect(takeaway()).toBe(chart.shareView!.takeaway);
      expect(figure.querySelector('.chart-notes li')!.textContent).toBe(chart.shareView!.note);
      count!.click();
      expect(figure.querySelector('.chart-title')!.textContent).toBe('Dịch vụ');
      expect(takeaway()).toBe(before);
      expect(figure.querySelector('.chart-share-note')).toBeNull();
    } finally {
      delete element.getClientRects;
      globals.document = saved.document;
      globals.Node = saved.Node;
    }
  });
});

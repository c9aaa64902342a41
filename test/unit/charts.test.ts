import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/data/load.ts';
import { seriesAt } from '../../src/lib/data/releases.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { defaultChartFor } from '../../src/lib/charts/spec.ts';
import { buildSeries } from '../../src/lib/data/series.ts';
import { AUGUST_2024_JSON, FIXTURE_INDICATORS, JULY_2024_CSV } from '../fixtures/fixture-data.ts';

const encoder = new TextEncoder();
const dataset = loadDataset({
  catalogue: { file: 'indicators.json', text: JSON.stringify({ indicators: FIXTURE_INDICATORS }) },
  months: Object.entries({ '2024-07.csv': JULY_2024_CSV, '2024-08.json': AUGUST_2024_JSON }).map(([name, text]) => ({ file: `months/${name}`, name, bytes: encoder.encode(text) })),
});
const series = seriesAt(dataset);
const data = { series, dataVersion: '2024-08' };
const nb = (text: string) => text.replace(/\u00a0|&#160;/g, ' ');

/** Every number written in a sentence, as the plain numbers they stand for (vi or en spelling). */
function numbersIn(text: string, locale: 'vi' | 'en'): number[] {
  const scale: Record<string, number> = { 'triệu': 1e6, 'tỷ': 1e9, 'million': 1e6, 'billion': 1e9 };
  const pattern = locale === 'vi' ? /(\d+(?:\.\d{3})*(?:,\d+)?)(?:\s(triệu|tỷ))?(?![\d/])/g : /(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s(million|billion))?(?![\d/])/g;
  return [...nb(text).replace(/\d+\/\d+\/\d+|\d+\/\d{4}|tháng \d+\/\d{4}|\d+ \w+ \d{4}|\w+ \d{4}/g, '').matchAll(pattern)].map((m) => {
    const plain = locale === 'vi' ? m[1]!.replace(/\./g, '').replace(',', '.') : m[1]!.replace(/,/g, '');
    return Math.round(Number(plain) * (m[2] ? scale[m[2]]! : 1));
  });
}

describe('chart summaries', () => {
  it('states the first and latest figures of a time series, grammatically, in both languages', () => {
    const spec = { id: 'eid-accounts-activated', kind: 'time-series', indicators: ['eid-accounts-activated'] } as const;
    const vi = renderChart(spec, data, 'vi');
    const en = renderChart(spec, data, 'en');
    expect(nb(vi.summary)).toBe('Tài khoản định danh điện tử đã kích hoạt tăng từ 40 triệu tài khoản (30/6/2024) lên 45,2 triệu tài khoản (20/8/2024), qua 3 lần công bố.');
    expect(nb(en.summary)).toBe('Electronic ID accounts activated rose from 40 million accounts (30 June 2024) to 45.2 million accounts (20 August 2024), across 3 published figures.');
    expect(nb(vi.takeaway)).toBe('Tăng từ 40 triệu tài khoản (30/6/2024) lên 45,2 triệu tài khoản (20/8/2024).');
  });

  it('numbers in every summary equal the data', () => {
    const eid = series.get('eid-accounts-activated')!;
    const first = eid.points[0]!.value;
    const last = eid.points.at(-1)!.value;
    for (const locale of ['vi', 'en'] as const) {
      const summary = renderChart({ id: 'x', kind: 'time-series', indicators: ['eid-accounts-activated'] }, data, locale).summary;
      expect(numbersIn(summary, locale)).toEqual([first, last, eid.points.length]);
    }
  });

  it('progress states x of the total and the share', () => {
    const spec = { id: 'p', kind: 'progress', indicator: 'essential-services-online' } as const;
    expect(nb(renderChart(spec, data, 'vi').summary)).toBe('Dịch vụ công thiết yếu trực tuyến: 54/76 dịch vụ (71%), tính đến 10/8/2024.');
    expect(nb(renderChart(spec, data, 'en').summary)).toBe('Essential public services online: 54 of 76 services (71%) as of 10 August 2024.');
  });

  it('comparison names the largest and the smallest', () => {
    const spec = { id: 'c', kind: 'comparison', indicators: ['eid-accounts-level2', 'eid-accounts-activated'] } as const;
    expect(nb(renderChart(spec, data, 'vi').summary)).toBe('Lớn nhất: Tài khoản định danh điện tử đã kích hoạt (45,2 triệu tài khoản, 20/8/2024); nhỏ nhất: Tài khoản định danh điện tử mức 2 (30,1 triệu tài khoản, 20/8/2024).');
    expect(nb(renderChart(spec, data, 'en').summary)).toBe('Largest: Electronic ID accounts activated (45.2 million accounts, 20 August 2024); smallest: Level-2 electronic ID accounts (30.1 million accounts, 20 August 2024).');
  });

  it('a single figure is a big number, not a one-point line', () => {
    expect(defaultChartFor(series.get('eid-accounts-level2')!).kind).toBe('big-number');
    expect(defaultChartFor(series.get('eid-accounts-activated')!).kind).toBe('time-series');
    const big = renderChart({ id: 'b', kind: 'big-number', indicator: 'eid-accounts-level2' }, data, 'vi');
    expect([nb(big.bigNumber!.value), big.bigNumber!.unit]).toEqual(['30,1 triệu', 'tài khoản']);
    expect(big.bigNumber!.sparkline).toBeUndefined();
    expect(nb(big.summary)).toBe('Tài khoản định danh điện tử mức 2 là 30,1 triệu tài khoản (20/8/2024).');
  });

  it('a big number with history has its change since the previous report and a sparkline', () => {
    const big = renderChart({ id: 'b', kind: 'big-number', indicator: 'eid-accounts-activated' }, data, 'en');
    expect(nb(big.bigNumber!.change!)).toBe('+3.7 million since the previous figure (15 July 2024)');
    expect(big.bigNumber!.sparkline).toContain('<svg');
  });

  it('draws a point per reported figure and tooltips say value, date and source', () => {
    const chart = renderChart({ id: 't', kind: 'time-series', indicators: ['eid-accounts-activated'] }, data, 'vi');
    const circles = chart.svg!.narrow.match(/<circle[^>]*data-i="\d+"/g) ?? [];
    expect(circles).toHaveLength(3);
    expect(chart.points.map((p) => nb(p.value))).toEqual(['40 triệu tài khoản', '41,5 triệu tài khoản', '45,2 triệu tài khoản']);
    expect(chart.points[2]).toMatchObject({ asOf: '20/8/2024', url: 'https://example.org/august' });
    expect(chart.svg!.narrow).toMatch(/^<svg role="img" aria-labelledby="chart-t-title" aria-describedby="chart-t-summary"/);
    // The data table keeps the superseded July figure, marked as not current.
    expect(chart.rows.map((r) => [r.figure.value, r.current])).toEqual([[40000000, true], [41000000, false], [41500000, true], [45200000, true]]);
  });

  it('axis ticks follow the locale', () => {
    const spec = { id: 't', kind: 'time-series', indicators: ['eid-accounts-activated'] } as const;
    expect(nb(renderChart(spec, data, 'vi').svg!.wide)).toMatch(/>40 tr</);
    expect(renderChart(spec, data, 'en').svg!.wide).toMatch(/>40M</);
    expect(nb(renderChart(spec, data, 'vi').svg!.wide)).toMatch(/>8\/2024</);
    expect(renderChart(spec, data, 'en').svg!.wide).toMatch(/>Aug 2024</);
  });
});

describe('chart margins', () => {
  it('widen so long tick labels (trillions of đồng) stay inside the picture', () => {
    const money = { ...FIXTURE_INDICATORS[0]!, id: 'money', kind: 'cumulative' as const, unit: { vi: 'đồng', en: 'VND' } };
    const figure = (value: number, asOf: string, release: string) => ({ indicator: 'money', value, asOf, asOfInferred: false, source: { title: 'T', publisher: 'P', url: 'https://example.org/m' }, release, location: { file: 'x' } });
    const series = new Map([['money', buildSeries(money, [figure(120e12, '2024-01', '2024-01'), figure(239e12, '2024-07', '2024-07')])]]);
    for (const locale of ['vi', 'en'] as const) {
      const svg = renderChart({ id: 'money', kind: 'time-series', indicators: ['money'] }, { series, dataVersion: '2024-07' }, locale).svg!.narrow;
      const group = /<g transform="translate\(-9,0\)"[^>]*>([\s\S]*?)<\/g>/.exec(svg)![1]!;
      const labels = [...group.matchAll(/<text transform="translate\(([\d.]+),[\d.]+\)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]) - 9, text: m[2]!.replace(/&#160;/g, ' ') }));
      expect(labels.length).toBeGreaterThan(2);
      // Right-aligned at x: the label's left edge, at ~0.55 em a character of 13 px text, must be inside the picture.
      for (const label of labels) expect(label.x - label.text.length * 0.55 * 13, `${locale} "${label.text}"`).toBeGreaterThanOrEqual(0);
    }
  });
});

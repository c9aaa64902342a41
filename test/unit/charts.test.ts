import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/data/load.ts';
import { seriesAt } from '../../src/lib/data/releases.ts';
import type { ChartData, TooltipPoint } from '../../src/lib/charts/render.ts';
import { joinedRuns, quoteExcerpt, renderChart, tooltipJson } from '../../src/lib/charts/render.ts';
import type { ChartSpec } from '../../src/lib/charts/spec.ts';
import { defaultChartFor } from '../../src/lib/charts/spec.ts';
import { buildSeries, comparability } from '../../src/lib/data/series.ts';
import type { Indicator } from '../../src/lib/data/types.ts';
import { enhance } from '../../src/scripts/chart-tooltip.ts';
import { AUGUST_2024_JSON, FIXTURE_INDICATORS, JULY_2024_CSV } from '../fixtures/fixture-data.ts';
import { BREAK_REASON, fixtureFigure, TRUTH_DATA, TRUTH_SPECS } from '../snapshots/truth-fixtures.ts';

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
  it('describe the whole time series, with the qualifier of the latest figure, in both languages', () => {
    const spec = { id: 'eid-accounts-activated', kind: 'time-series', indicators: ['eid-accounts-activated'] } as const;
    expect(nb(renderChart(spec, data, 'vi').summary)).toBe('Tài khoản định danh điện tử đã kích hoạt: 3 thời điểm có số liệu, từ 30/6/2024 đến 20/8/2024; mới nhất là hơn 45,2 triệu tài khoản (20/8/2024). Mỗi số so sánh được đều cao hơn số liệu trước đó.');
    expect(nb(renderChart(spec, data, 'en').summary)).toMatch(/^Electronic ID accounts activated: figures for 3 dates from 30 June 2024 to 20 August 2024; the latest is more than 45\.2 million accounts \(20 August 2024\)\./);
  });

  it('numbers in every summary equal the data', () => {
    const eid = series.get('eid-accounts-activated')!;
    for (const locale of ['vi', 'en'] as const) {
      const summary = renderChart({ id: 'x', kind: 'time-series', indicators: ['eid-accounts-activated'] }, data, locale).summary;
      expect(numbersIn(summary, locale)).toEqual([eid.points.length, eid.points.at(-1)!.value]);
    }
  });

  it('progress states x of the total and the share', () => {
    const spec = { id: 'p', kind: 'progress', indicator: 'essential-services-online' } as const;
    expect(nb(renderChart(spec, data, 'vi').summary)).toBe('Dịch vụ công thiết yếu trực tuyến: 54/76 dịch vụ (71%), tính đến 10/8/2024.');
    expect(nb(renderChart(spec, data, 'en').summary)).toMatch(/^Essential public services online: 54(\/| of )76 services \(71%\) as of 10 August 2024\.$/);
  });

  it('comparison lists the latest figures with their qualifiers, no ranking words', () => {
    const spec = { id: 'c', kind: 'comparison', indicators: ['eid-accounts-level2', 'eid-accounts-activated'] } as const;
    const vi = nb(renderChart(spec, data, 'vi').summary);
    expect(vi).toContain('Tài khoản định danh điện tử đã kích hoạt: hơn 45,2 triệu tài khoản (20/8/2024)');
    expect(vi).not.toMatch(/lớn nhất|nhỏ nhất/i);
    expect(nb(renderChart(spec, data, 'en').summary)).toContain('Electronic ID accounts activated: more than 45.2 million accounts (20 August 2024)');
  });

  it('a single figure is a big number, not a one-point line', () => {
    expect(defaultChartFor(series.get('eid-accounts-level2')!).kind).toBe('big-number');
    expect(defaultChartFor(series.get('eid-accounts-activated')!).kind).toBe('time-series');
    const big = renderChart({ id: 'b', kind: 'big-number', indicator: 'eid-accounts-level2' }, data, 'vi');
    expect([nb(big.bigNumber!.value), big.bigNumber!.unit]).toEqual(['30,1 triệu', 'tài khoản']);
    expect(big.bigNumber!.sparkline).toBeUndefined();
    expect(nb(big.summary)).toBe('Tài khoản định danh điện tử mức 2: 30,1 triệu tài khoản (20/8/2024).');
  });

  it('a big number with history has its qualifier, its change since the previous report and a sparkline', () => {
    const big = renderChart({ id: 'b', kind: 'big-number', indicator: 'eid-accounts-activated' }, data, 'en');
    expect(nb(big.bigNumber!.value)).toBe('more than 45.2 million');
    expect(nb(big.bigNumber!.change!)).toContain('the previous figure (15 July 2024)');
    expect(big.bigNumber!.sparkline).toContain('<svg');
  });

  it('draws a point per reported figure and tooltips say value, date and source', () => {
    const chart = renderChart({ id: 't', kind: 'time-series', indicators: ['eid-accounts-activated'] }, data, 'vi');
    const circles = chart.svg!.narrow.match(/<circle[^>]*data-i="\d+"/g) ?? [];
    expect(circles).toHaveLength(3);
    expect(chart.points.map((p) => nb(p.value))).toEqual(['40 triệu tài khoản', '41,5 triệu tài khoản', 'hơn 45,2 triệu tài khoản']);
    expect(chart.points[2]).toMatchObject({ asOf: '20/8/2024', url: 'https://example.org/august' });
    expect(chart.svg!.narrow).toMatch(/^<svg role="img" aria-labelledby="chart-t-title" aria-describedby="chart-t-summary"/);
    // The data table keeps the superseded July figure, marked as not current.
    expect(chart.rows.map((r) => [r.figure.value, r.current])).toEqual([[40000000, true], [41000000, false], [41500000, true], [45200000, true]]);
  });

  it('axis ticks follow the locale', () => {
    const spec = { id: 't', kind: 'time-series', indicators: ['eid-accounts-activated'] } as const;
    expect(nb(renderChart(spec, data, 'vi').svg!.wide)).toMatch(/>40 triệu</);
    expect(renderChart(spec, data, 'en').svg!.wide).toMatch(/>40M</);
    expect(nb(renderChart(spec, data, 'vi').svg!.wide)).toMatch(/>8\/2024</);
    expect(renderChart(spec, data, 'en').svg!.wide).toMatch(/>Aug 2024</);
  });
});

describe('chart margins', () => {
  it('widen so long tick labels (trillions of đồng) stay inside the picture', () => {
    const money = { ...FIXTURE_INDICATORS[0]!, id: 'money', kind: 'cumulative' as const, unit: { vi: 'đồng', en: 'VND' } };
    const series = new Map([['money', buildSeries(money, [fixtureFigure('money', 120e12, '2024-01'), fixtureFigure('money', 239e12, '2024-07')])]]);
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

/** The drawn picture, parsed: line runs (x of each vertex), dots (data-i, centre, how filled), break rules. */
function parseChart(svg: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const groups = [...document.querySelectorAll('g')];
  const lines = groups
    .filter((g) => /\bseries-\d\b/.test(g.getAttribute('class') ?? '') && !/\bpoints\b/.test(g.getAttribute('class') ?? ''))
    .flatMap((g) => [...g.querySelectorAll('path')])
    .map((path) => [...(path.getAttribute('d') ?? '').matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((m) => Number(m[1])));
  const dots = [...document.querySelectorAll('circle[data-i]')].map((circle) => {
    const group = circle.parentElement!;
    return { i: Number(circle.getAttribute('data-i')), cx: Number(circle.getAttribute('cx')), hollow: /\bhollow-points-\d\b/.test(group.getAttribute('class') ?? ''), fill: group.getAttribute('fill') };
  });
  const rules = [...document.querySelectorAll('g.series-break line')].map((line) => Number(line.getAttribute('x1')));
  const breakLabels = [...document.querySelectorAll('g.series-break text')].map((text) => text.textContent);
  return { lines, dots, rules, breakLabels };
}

/** True when a drawn line spans from left of x to x or beyond: it crosses (or reaches across) that date. */
const crosses = (line: number[], x: number) => Math.min(...line) < x - 0.5 && Math.max(...line) >= x - 0.5;

describe('charts say what the sources say', () => {
  const every = Object.values(TRUTH_SPECS).flatMap((spec) => (['vi', 'en'] as const).map((locale) => ({ spec, locale, chart: renderChart(spec, TRUTH_DATA, locale) })));

  it('joins only comparable neighbours: no line across a break, a period or a disagreement', () => {
    for (const { spec, locale, chart } of every) {
      const one = TRUTH_DATA.series.get(spec.indicators[0])!;
      for (const svg of [chart.svg!.narrow, chart.svg!.wide]) {
        const { lines, dots } = parseChart(svg);
        // The x of each point: the dots of its figures (data-i follows the points' current figures in order).
        let i = 0;
        const xs = one.points.map((point) => {
          const x = dots.find((d) => d.i === i)!.cx;
          i += point.current.length;
          return x;
        });
        expect(lines, `${spec.id} ${locale}: one path per run`).toHaveLength(joinedRuns(one).length);
        one.points.forEach((after, k) => {
          const before = one.points[k - 1];
          if (!before || comparability(one, before, after) === undefined) return;
          for (const line of lines) {
            expect(line.includes(xs[k - 1]!) && line.includes(xs[k]!), `${spec.id} ${locale}: line joins ${before.asOf} and ${after.asOf}`).toBe(false);
          }
        });
      }
    }
  });

  it('draws no path across the break date, and marks the break with a labelled rule', () => {
    const records = TRUTH_DATA.series.get(TRUTH_SPECS.break.indicators[0])!;
    const breakIndex = records.points.findIndex((p) => p.breakBefore);
    for (const locale of ['vi', 'en'] as const) {
      const chart = renderChart(TRUTH_SPECS.break, TRUTH_DATA, locale);
      for (const svg of [chart.svg!.narrow, chart.svg!.wide]) {
        const { lines, dots, rules, breakLabels } = parseChart(svg);
        const breakX = dots.find((d) => d.i === breakIndex)!.cx;
        expect(lines).toHaveLength(2);
        for (const line of lines) expect(crosses(line, breakX), `path ${line.join(' ')} crosses the break at ${breakX}`).toBe(false);
        expect(rules).toEqual([breakX]);
        expect(breakLabels).toEqual([locale === 'vi' ? 'Đổi cách tính' : 'New definition']);
      }
      // The reason is in the summary the SVG is described by, and in a note under the picture.
      expect(chart.summary).toContain(BREAK_REASON[locale]);
      expect(chart.notes.some((note) => note.includes(BREAK_REASON[locale]))).toBe(true);
      // The sparkline of a big number follows the same rule.
      const sparkline = renderChart({ id: 'b', kind: 'big-number', indicator: records.indicator.id }, TRUTH_DATA, locale).bigNumber!.sparkline!;
      expect(sparkline.match(/<path/g)).toHaveLength(2);
    }
  });

  it('never joins a figure whose period is unknown', () => {
    const uses: Indicator = { ...FIXTURE_INDICATORS.find((i) => i.id === 'vneid-monthly-uses')! };
    const figures = [fixtureFigure(uses.id, 1_000_000, '2024-03'), fixtureFigure(uses.id, 1_200_000, '2024-06'), { ...fixtureFigure(uses.id, 9_000_000, '2024-09'), period: 'unknown' as const }];
    const flows: ChartData = { series: new Map([[uses.id, buildSeries(uses, figures)]]), dataVersion: '2024-09' };
    const chart = renderChart({ id: 'u', kind: 'time-series', indicators: [uses.id] }, flows, 'en');
    const { lines, dots } = parseChart(chart.svg!.wide);
    expect(lines).toHaveLength(1);
    expect(crosses(lines[0]!, dots.find((d) => d.i === 2)!.cx + 1)).toBe(false);
    expect(chart.notes).toContain('No line joins two figures that cannot be compared: they do not cover the same known period.');
  });

  it('shows both figures of a disagreement as dots at one date, joined to nothing', () => {
    for (const locale of ['vi', 'en'] as const) {
      const chart = renderChart(TRUTH_SPECS.disagreement, TRUTH_DATA, locale);
      const { lines, dots } = parseChart(chart.svg!.wide);
      const june = chart.points.flatMap((p, i) => (p.asOf === (locale === 'vi' ? 'tháng 6/2024' : 'June 2024') ? [i] : []));
      expect(june).toHaveLength(2);
      const [a, b] = june.map((i) => dots.find((d) => d.i === i)!);
      expect(a!.cx).toBe(b!.cx);
      for (const line of lines) expect(line).not.toContain(a!.cx);
      expect(chart.points.filter((p, i) => june.includes(i)).map((p) => p.source)).toEqual([expect.stringContaining('Fixture Gazette'), expect.stringContaining('Other Fixture Daily')]);
    }
  });

  it('draws a figure with a qualifier as a hollow dot, and explains it only when there is one', () => {
    const charts: Array<[ChartSpec, ChartData]> = [
      [TRUTH_SPECS.qualified, TRUTH_DATA],
      [TRUTH_SPECS.break, TRUTH_DATA],
      [{ id: 't', kind: 'time-series', indicators: ['eid-accounts-activated', 'eid-accounts-level2'], title: { vi: 'T', en: 'T' } }, data],
    ];
    for (const [spec, chartData] of charts) {
      for (const locale of ['vi', 'en'] as const) {
        const chart = renderChart(spec, chartData, locale);
        const word = locale === 'vi' ? /^(hơn|ít nhất|gần|khoảng|dưới)[ \u00a0]/ : /^(more than|at least|nearly|about|less than)[ \u00a0]/;
        // data-i indexes the tooltip points; a point's value starts with its qualifier exactly when its dot is hollow.
        for (const dot of parseChart(chart.svg!.wide).dots) {
          const point = chart.points[dot.i]!;
          expect(dot.hollow, `${spec.id} ${locale} ${point.value}`).toBe(word.test(point.value));
          // Hollow: filled with the background; a filled dot takes the series colour (Plot leaves fill="currentColor" to the root).
          expect(dot.fill).toBe(dot.hollow ? 'var(--chart-bg, #fff)' : null);
        }
        const hollowNote = chart.notes.some((n) => /^(Chấm rỗng|Hollow dot)/.test(n));
        expect(hollowNote, `${spec.id} ${locale}`).toBe(chart.points.some((p) => word.test(p.value)));
      }
    }
    expect(renderChart(TRUTH_SPECS.qualified, TRUTH_DATA, 'vi').notes[0]).toBe('Chấm rỗng: nguồn nêu con số kèm “hơn” hoặc “gần”, không phải số chính xác.');
    expect(renderChart(TRUTH_SPECS.qualified, TRUTH_DATA, 'en').notes[0]).toBe('Hollow dot: the source gives the figure with “more than” or “nearly”, not as an exact number.');
    expect(renderChart(TRUTH_SPECS.break, TRUTH_DATA, 'en').notes.some((n) => n.startsWith('Hollow dot'))).toBe(false);
  });

  it('writes the qualifier with every value: tooltips, comparison bars, progress label, big number', () => {
    const vi = renderChart(TRUTH_SPECS.qualified, TRUTH_DATA, 'vi').points.map((p) => nb(p.value));
    expect(vi).toEqual(['hơn 2,1 triệu tài khoản', '5 triệu tài khoản', 'gần 8 triệu tài khoản']);
    const en = renderChart(TRUTH_SPECS.qualified, TRUTH_DATA, 'en').points.map((p) => nb(p.value));
    expect(en).toEqual(['more than 2.1 million accounts', '5 million accounts', 'nearly 8 million accounts']);
    const compare = { id: 'c', kind: 'comparison', indicators: ['eid-accounts-activated', 'eid-accounts-level2'] } as const;
    expect(nb(renderChart(compare, data, 'vi').svg!.wide)).toContain('Tài khoản định danh điện tử đã kích hoạt: hơn 45,2 triệu tài khoản (8/2024)');
    expect(nb(renderChart(compare, data, 'en').svg!.wide)).toContain('Electronic ID accounts activated: more than 45.2 million accounts (Aug 2024)');
    const provinces: Indicator = { ...FIXTURE_INDICATORS.find((i) => i.kind === 'count-of-total')!, id: 'provinces', unit: { vi: 'tỉnh', en: 'provinces' } };
    const progress: ChartData = { series: new Map([['provinces', buildSeries(provinces, [{ ...fixtureFigure('provinces', 60, '2024-05', { qualifier: 'nearly', quote: 'Gần 60/63 tỉnh (dữ liệu thử nghiệm).' }), total: 63 }])]]), dataVersion: '2024-05' };
    const spec = { id: 'p', kind: 'progress', indicator: 'provinces' } as const;
    expect(nb(renderChart(spec, progress, 'vi').svg!.wide)).toContain('>gần 60/63 · 95%<');
    expect(nb(renderChart(spec, progress, 'en').svg!.wide)).toContain('>nearly 60/63 · 95%<');
    expect(nb(renderChart(spec, progress, 'en').points[0]!.value)).toBe('nearly 60/63 provinces');
    const big = renderChart({ id: 'b', kind: 'big-number', indicator: 'fixture-accounts' }, TRUTH_DATA, 'vi');
    expect(nb(big.bigNumber!.value)).toBe('gần 8 triệu');
  });

  it('tooltip points carry the quote, its language when it is not the page’s, and whether it is a translation', () => {
    const vi = renderChart(TRUTH_SPECS.qualified, TRUTH_DATA, 'vi').points;
    expect(vi[0]).toMatchObject({ quote: 'Hơn 2,1 triệu tài khoản đã đăng ký (dữ liệu thử nghiệm).' });
    expect(vi[0]).not.toHaveProperty('lang');
    expect(vi[0]).not.toHaveProperty('translated');
    expect(vi[2]).toMatchObject({ quote: 'Nearly 8 million accounts have been registered (test data).', lang: 'en', translated: true });
    const en = renderChart(TRUTH_SPECS.qualified, TRUTH_DATA, 'en').points;
    expect(en[0]).toMatchObject({ lang: 'vi' });
    expect(en[2]).not.toHaveProperty('lang');
    const eid = renderChart({ id: 't', kind: 'time-series', indicators: ['eid-accounts-activated'] }, data, 'vi').points;
    expect(eid[2]).toMatchObject({ value: expect.stringMatching(/^hơn\u00a045,2/), quote: 'Hơn 45,2 triệu tài khoản đã được kích hoạt (dữ liệu thử nghiệm).' });
  });

  it('shortens a long quote around its number, between words, with ellipses', () => {
    const before = 'Theo báo cáo của Tổ công tác, trong thời gian qua các bộ, ngành và địa phương đã phối hợp chặt chẽ để triển khai nhiều nhiệm vụ quan trọng của Đề án, ';
    const after = ' trong tổng số các hồ sơ được tiếp nhận, qua đó góp phần nâng cao chất lượng phục vụ người dân và doanh nghiệp trên cả nước trong năm tới.';
    const quote = `${before}đến nay đã có hơn 132,4 triệu hồ sơ khách hàng được đối chiếu${after}`;
    expect(quote.length).toBeGreaterThan(300);
    const excerpt = quoteExcerpt(quote, 132_400_000);
    expect(excerpt.length).toBeLessThanOrEqual(202);
    expect(excerpt).toContain('hơn 132,4 triệu hồ sơ');
    expect(excerpt).toMatch(/^…\S/);
    expect(excerpt).toMatch(/\S…$/);
    // Cut between words: each end of the excerpt is a whole word of the quote.
    const words = quote.split(' ');
    expect(words).toContain(excerpt.slice(1).split(' ')[0]);
    expect(words.map((w) => w.replace(/[,.]$/, ''))).toContain(excerpt.slice(0, -1).split(' ').at(-1));
    expect(quoteExcerpt('Ngắn thôi: 45 tài khoản.', 45)).toBe('Ngắn thôi: 45 tài khoản.');
    // No readable number (a maintainer's exception): the start of the quote.
    expect(quoteExcerpt(`${before}${after}${after}`, 7)).toMatch(/^Theo báo cáo.*…$/);
  });

  const HOSTILE = '</script><script>alert(1)</script><!-- <img src=x onerror=alert(2)> & \u2028';

  it('serialises tooltip points so a quote cannot end the JSON island or start markup', () => {
    const figures = [fixtureFigure('fixture-records', 5, '2024-01', { quote: `5 ${HOSTILE}` })];
    const hostile: ChartData = { series: new Map([['fixture-records', buildSeries(TRUTH_DATA.series.get('fixture-records')!.indicator, figures)]]), dataVersion: '2024-01' };
    const points = renderChart({ id: 'h', kind: 'big-number', indicator: 'fixture-records' }, hostile, 'vi').points;
    expect(points[0]!.quote).toBe(`5 ${HOSTILE.replace(/\s+/g, ' ').trim()}`);
    const json = tooltipJson(points);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(points);
    // Inside the page: the island holds exactly one script's worth of text.
    const { document } = parseHTML(`<!doctype html><html><body><script type="application/json" class="chart-points">${json}</script><p>after</p></body></html>`);
    expect(document.querySelectorAll('script')).toHaveLength(1);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect(JSON.parse(document.querySelector('script')!.textContent!)).toEqual(points);
  });

  it('the browser tooltip sets text only: a hostile quote stays text, with its lang and the translation mark', () => {
    const points: TooltipPoint[] = [
      { name: 'A', value: 'hơn 5 hồ sơ', asOf: '1/2024', source: 'Fixture Gazette', quote: 'Hơn 5 hồ sơ.' },
      { name: 'A', value: 'gần 8 hồ sơ', asOf: '2/2024', source: `Fixture ${HOSTILE}`, quote: `Nearly 8 ${HOSTILE}`, lang: 'en', translated: true },
    ];
    const { document } = parseHTML(`<!doctype html><html lang="vi"><body><figure class="chart"><div class="chart-plot" data-label="Biểu đồ: A"><svg><circle data-i="0"></circle><circle data-i="1"></circle></svg></div><script type="application/json" class="chart-points">${tooltipJson(points)}</script></figure></body></html>`);
    const globals = globalThis as unknown as { document?: Document };
    const saved = globals.document;
    globals.document = document as unknown as Document;
    try {
      for (const shape of document.querySelectorAll('[data-i]')) (shape as unknown as { getClientRects: () => unknown[] }).getClientRects = () => [{}];
      const figure = document.querySelector('figure') as unknown as HTMLElement;
      enhance(figure);
      figure.querySelector('.chart-plot')!.dispatchEvent(new (document.defaultView as unknown as typeof globalThis).Event('focus'));
      const tip = figure.querySelector('.chart-tooltip')!;
      expect(tip.hasAttribute('hidden')).toBe(false);
      expect([...tip.querySelectorAll('*')].map((e) => e.tagName.toLowerCase())).toEqual(['span', 'span', 'span', 'span', 'q']);
      expect(tip.querySelector('.tip-value')!.textContent).toBe('gần 8 hồ sơ');
      expect(tip.querySelector('.tip-source')!.textContent).toBe(`Fixture ${HOSTILE}`);
      const quote = tip.querySelector('q')!;
      expect(quote.textContent).toBe(`Nearly 8 ${HOSTILE}`);
      expect(quote.getAttribute('lang')).toBe('en');
      expect(tip.querySelector('.tip-quote')!.textContent).toBe(`Nguồn viết: Nearly 8 ${HOSTILE} (bản dịch)`);
      expect(document.querySelectorAll('img')).toHaveLength(0);
      expect(document.querySelectorAll('script')).toHaveLength(1);
    } finally {
      globals.document = saved;
    }
  });
});

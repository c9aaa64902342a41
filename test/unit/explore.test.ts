import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { joinedRuns } from '../../src/lib/charts/view.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { timeSeriesLayout, timeSeriesView } from '../../src/lib/charts/view.ts';
import { figuresOf } from '../../src/lib/data/series.ts';
import type { Indicator } from '../../src/lib/data/types.ts';
import { loadDataset } from '../../src/lib/data/load.ts';
import { readDataDirectory } from '../../src/lib/data/read-directory.ts';
import { CHART_CSV_COLUMNS, CSV_OPTIONS, chartCsv, chartRecords, csvCell } from '../../src/lib/downloads/chart-files.ts';
import {
  MAX_INDICATORS, axisKey, canShareAxis, exploreQuery, exploreSpec, hasExploreState, monthsBetween, withExploreQuery, parseExploreState, rangePresets, seriesInRange, monthsSpanned,
} from '../../src/lib/explore/state.ts';
import type { ExploreState } from '../../src/lib/explore/state.ts';
import { seriesFromData } from '../../src/lib/explore/data.ts';
import { rangeChoices } from '../../src/lib/explore/text.ts';
import { chartDataAt } from '../../src/lib/site/charts.ts';
import { explorerCandidates, presetComparisons } from '../../src/lib/site/explore.ts';
import { buildSiteModel } from '../../src/lib/site/model.ts';
import { TRUTH_DATA, TRUTH_SPECS } from '../snapshots/truth-fixtures.ts';

const model = buildSiteModel(loadDataset(readDataDirectory(join(import.meta.dirname, '..', '..', 'data'))));

const unit = (vi: string, en: string) => ({ vi, en });
const accounts = { kind: 'cumulative', unit: unit('tài khoản', 'accounts') } as const;
const KNOWN: Record<string, Pick<Indicator, 'kind' | 'unit' | 'period'>> = {
  a: accounts,
  b: accounts,
  c: accounts,
  d: accounts,
  e: accounts,
  level: { kind: 'level', unit: unit('tài khoản', 'accounts') },
  cards: { kind: 'cumulative', unit: unit('thẻ', 'cards') },
  rate: { kind: 'rate', unit: unit('%', '%') },
};
const lookup = (id: string) => KNOWN[id];

describe('canShareAxis: one axis, one measure', () => {
  it('same kind and unit share; another kind, unit or period does not', () => {
    expect(canShareAxis(accounts, { kind: 'cumulative', unit: unit('tài khoản', 'accounts') })).toBe(true);
    expect(canShareAxis(accounts, KNOWN.level!)).toBe(false);
    expect(canShareAxis(accounts, KNOWN.cards!)).toBe(false);
    expect(canShareAxis(accounts, { kind: 'cumulative', unit: unit('tài khoản', 'bank accounts') })).toBe(false);
    const monthly = { kind: 'flow', unit: unit('lượt', 'uses'), period: unit('mỗi tháng', 'per month') } as const;
    expect(canShareAxis(monthly, { ...monthly })).toBe(true);
    expect(canShareAxis(monthly, { ...monthly, period: unit('trong năm', 'in the year') })).toBe(false);
    expect(canShareAxis(KNOWN.rate!, { kind: 'rate', unit: unit('%', '%') })).toBe(true);
  });

  it('on the real catalogue: every ready-made comparison shares one axis and never mixes a running total with a level or a flow', () => {
    const presets = presetComparisons(model);
    expect(presets.length).toBeGreaterThan(0);
    for (const preset of presets) {
      const indicators = preset.indicators.map((id) => model.indicatorsById.get(id)!);
      expect(new Set(indicators.map(axisKey)).size, preset.indicators.join(', ')).toBe(1);
      expect(new Set(indicators.map((i) => i.kind)).size).toBe(1);
      expect(indicators.length).toBeLessThanOrEqual(MAX_INDICATORS);
    }
    // ID cards and e-ID accounts count different things: never on one axis.
    const cards = model.indicatorsById.get('cccd-cards-issued');
    const eid = model.indicatorsById.get('eid-accounts-activated');
    if (cards && eid) expect(canShareAxis(cards, eid)).toBe(false);
  });

  it('the explorer offers an indicator page only indicators that share its axis and have a history', () => {
    for (const indicator of explorerCandidates(model)) {
      const offered = explorerCandidates(model, indicator.id);
      expect(offered.map((i) => i.id)).toContain(indicator.id);
      for (const other of offered) {
        expect(canShareAxis(indicator, other)).toBe(true);
        expect(model.series.get(other.id)!.points.length).toBeGreaterThan(1);
      }
    }
  });
});

describe('the view in the address', () => {
  it('parses the documented form and writes it back unchanged', () => {
    const query = '?indicators=a,b&from=2024-01&to=2025-10&view=table';
    const state = parseExploreState(query, lookup, ['a']);
    expect(state).toEqual({ indicators: ['a', 'b'], from: '2024-01', to: '2025-10', view: 'table' });
    expect(exploreQuery(state)).toBe(query);
  });

  it('round-trips every state: parse(query(state)) is the state', () => {
    const states: ExploreState[] = [
      { indicators: ['a'], view: 'chart' },
      { indicators: ['a', 'b', 'c'], view: 'table' },
      { indicators: ['cards'], from: '2024-12', view: 'chart' },
      { indicators: ['rate'], to: '2025-01', view: 'table' },
      { indicators: ['b', 'a'], from: '2024-01', to: '2024-01', view: 'chart' },
      { indicators: ['a'], from: '2024-03', view: 'table', measure: 'share' },
    ];
    for (const state of states) expect(parseExploreState(exploreQuery(state), lookup, ['a'])).toEqual(state);
  });

  it('normalises loose input: unknown, repeated and unlike ids dropped, at most four, bad months ignored, from and to in order', () => {
    expect(parseExploreState('?indicators=nope,a,a,level,cards,b', lookup, ['c']).indicators).toEqual(['a', 'b']);
    expect(parseExploreState('?indicators=a,b,c,d,e', lookup, ['a']).indicators).toHaveLength(MAX_INDICATORS);
    expect(parseExploreState('?indicators=nope', lookup, ['c']).indicators).toEqual(['c']);
    expect(parseExploreState('', lookup, ['c'])).toEqual({ indicators: ['c'], view: 'chart' });
    expect(parseExploreState('?from=2024-13&to=24-01&view=pie', lookup, ['a'])).toEqual({ indicators: ['a'], view: 'chart' });
    expect(parseExploreState('?from=2025-06&to=2024-02', lookup, ['a'])).toMatchObject({ from: '2024-02', to: '2025-06' });
    expect(parseExploreState(new URLSearchParams('indicators=a%2Cb'), lookup, ['c']).indicators).toEqual(['a', 'b']);
  });

  it('keeps the count/share choice: ?measure=share, anything else is the counts', () => {
    expect(parseExploreState('?indicators=a&measure=share', lookup, ['a'])).toEqual({ indicators: ['a'], view: 'chart', measure: 'share' });
    expect(parseExploreState('?indicators=a&measure=pie', lookup, ['a'])).toEqual({ indicators: ['a'], view: 'chart' });
    expect(exploreQuery({ indicators: ['a', 'b'], from: '2024-01', view: 'table', measure: 'share' })).toBe('?indicators=a,b&from=2024-01&view=table&measure=share');
  });

  it('replaces the view in an address and keeps its other parameters', () => {
    expect(withExploreQuery('?theme=dark&from=2020-01&measure=share', { indicators: ['a'], to: '2024-02', view: 'chart' })).toBe('?indicators=a&to=2024-02&theme=dark');
    expect(withExploreQuery('', { indicators: ['a'], view: 'table' })).toBe('?indicators=a&view=table');
  });

  it('tells a view link from a bare page', () => {
    expect(hasExploreState('?measure=share')).toBe(true);
    expect(hasExploreState('?view=table')).toBe(true);
    expect(hasExploreState('?utm_source=x')).toBe(false);
    expect(hasExploreState('')).toBe(false);
  });
});

describe('time ranges', () => {
  it('lists the months between two months, across years', () => {
    expect(monthsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsBetween('2024-05', '2024-05')).toEqual(['2024-05']);
  });

  it('offers all, the last 12 months and each calendar year, newest first', () => {
    expect(rangePresets('2024-06', '2025-08')).toEqual([
      { id: 'all' },
      { id: 'last-12', from: '2024-09', to: '2025-08' },
      { id: '2025', from: '2025-01', to: '2025-12' },
      { id: '2024', from: '2024-01', to: '2024-12' },
    ]);
    expect(rangePresets('2024-06', '2024-08')).toEqual([{ id: 'all' }]);
  });

  it('a range keeps the truth rules: no line across a break, a dot alone stays a dot, nothing filled in', () => {
    const records = TRUTH_DATA.series.get('fixture-records')!;
    // Both sides of the 15/7/2024 break in range: two runs, none across it.
    const both = seriesInRange(records, '2024-01', '2024-12');
    expect(joinedRuns(both).map((run) => run.map((p) => p.asOf))).toEqual([['2024-01-15', '2024-04-15'], ['2024-07-15', '2024-10-15']]);
    // April and July only: one point each side of the break, so no line at all, and the break is still drawn and told.
    const across = seriesInRange(records, '2024-04', '2024-07');
    expect(across.points.map((p) => p.asOf)).toEqual(['2024-04-15', '2024-07-15']);
    expect(joinedRuns(across)).toEqual([]);
    const spec = TRUTH_SPECS.break;
    expect(timeSeriesLayout(spec, [across], 'vi', { width: 680, height: 320 }).breaks).toHaveLength(1);
    expect(timeSeriesView(spec, [across], 'en', '2024-12').notes.join(' ')).toContain('New definition');
    // Qualified figures stay hollow in any range.
    const qualified = seriesInRange(TRUTH_DATA.series.get('fixture-accounts')!, '2024-06');
    expect(timeSeriesLayout(TRUTH_SPECS.qualified, [qualified], 'vi', { width: 300, height: 230 }).drawn.map((d) => d.group)).toEqual(['points-0', 'hollow-points-0']);
  });

  it('the whole range is the series itself: the view equals the build’s chart text', () => {
    for (const [key, spec] of Object.entries(TRUTH_SPECS)) {
      const series = TRUTH_DATA.series.get(spec.indicators[0])!;
      const { svg: _svg, shareSvg: _share, ...built } = renderChart(spec, TRUTH_DATA, 'vi');
      expect(timeSeriesView(spec, [seriesInRange(series)], 'vi', TRUTH_DATA.dataVersion), key).toEqual(built);
    }
  });
});

describe('one code path for build and browser', () => {
  it('the series the browser builds from /explore-data/<id>.json equal the build’s, for every published indicator', () => {
    const figures = figuresOf(model.dataset.releases);
    for (const indicator of model.publishedIndicators) {
      const file = JSON.parse(JSON.stringify({ indicator, figures: figures.filter((f) => f.indicator === indicator.id), dataVersion: '' }));
      expect(seriesFromData(file), indicator.id).toEqual(JSON.parse(JSON.stringify(model.series.get(indicator.id))));
    }
  });

  it('csvCell writes what csv-stringify writes with CSV_OPTIONS', () => {
    const cells = ['plain', 'a, b', 'say "hi"', 'two\nlines', 'cr\rhere', '=SUM(A1)', '+1', '-x', '@who', '\tTab', '＝wide', 'hơn 45,2 triệu', 'tính đến ngày 15/8/2025', 12_345, -300, 0.5, 94.08, ''];
    const expected = stringify([cells], CSV_OPTIONS).replace(/\n$/, '');
    expect(cells.map(csvCell).join(',')).toBe(expected);
  });

  it('the CSV of every indicator chart equals csv-stringify’s over the same records (the build’s bytes before the split)', () => {
    const data = chartDataAt(model);
    for (const indicator of explorerCandidates(model)) {
      const chart = renderChart(exploreSpec({ indicators: [indicator.id], view: 'chart' }, (id) => model.indicatorsById.get(id)!.name), data, 'vi');
      const rows = chartRecords(chart, 'vi').map((record) => CHART_CSV_COLUMNS.map((column) => {
        const value = record[column];
        return value === null ? '' : typeof value === 'boolean' ? String(value) : value;
      }));
      expect(chartCsv(chart, 'vi'), indicator.id).toBe(stringify([[...CHART_CSV_COLUMNS], ...rows], CSV_OPTIONS));
    }
  });
});

describe('monthsSpanned and rangeChoices', () => {
  const series = (...asOf: string[]) => ({ points: asOf.map((date) => ({ asOf: date })) }) as unknown as Parameters<typeof monthsSpanned>[0][number];

  it('spans every month from the first figure to the last of the series given, gaps included', () => {
    expect(monthsSpanned([series('2024-08-20', '2024-09-18')])).toEqual(['2024-08', '2024-09']);
    expect(monthsSpanned([series('2024-08-20'), series('2024-06-30', '2024-07')])).toEqual(['2024-06', '2024-07', '2024-08']);
    expect(monthsSpanned([series('2024-11-02', '2025-02')])).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsSpanned([])).toEqual([]);
  });

  it('labels the months and the quick ranges in the reader\'s language', () => {
    const months = monthsBetween('2023-11', '2025-02');
    const vi = rangeChoices(months, 'vi');
    expect(vi.months[0]).toEqual({ value: '2023-11', label: '11/2023' });
    expect(vi.presets.map((p) => p.label)).toEqual(['Toàn bộ', '12 tháng gần nhất', '2025', '2024', '2023']);
    expect(rangeChoices(months, 'en').presets.slice(0, 2).map((p) => p.label)).toEqual(['All', 'Last 12 months']);
    expect(rangeChoices([], 'vi')).toEqual({ months: [], presets: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { buildSiteModel } from '../../src/lib/site/model.ts';
import { homeCharts } from '../../src/lib/site/charts.ts';
import type { Dataset, Figure, Indicator } from '../../src/lib/data/types.ts';

/** Synthetic catalogue and figures (test data): what an editor may mark as featured. */
const indicator = (id: string, unit: string, kind: Indicator['kind'] = 'cumulative'): Indicator => ({
  id, topic: 'identity', kind, featured: true,
  name: { vi: `Chỉ số ${id}`, en: `Indicator ${id}` }, unit: { vi: unit, en: unit }, definition: { vi: 'Thử nghiệm.', en: 'Test.' },
});
const figure = (id: string, value: number): Figure => ({
  indicator: id, value, asOf: '2024-07-01', asOfInferred: false,
  source: { title: 'T', publisher: 'P', url: 'https://example.org/t' }, quote: { text: String(value), language: 'vi', translated: false },
  release: '2024-07', location: { file: 'test.csv' },
});

describe('home charts', () => {
  it('chart ids are unique by construction, whatever an editor marks as featured', () => {
    const indicators = [indicator('a', 'thẻ'), indicator('b', 'thẻ'), indicator('c', 'tài khoản'), indicator('d', 'tài khoản'), indicator('e', 'tài khoản', 'level'), indicator('f', 'tài khoản', 'level')];
    const dataset: Dataset = { indicators, releases: [{ id: '2024-07', file: 'test.csv', figures: indicators.map((i, n) => figure(i.id, n + 1)) }] };
    const { bigNumbers, comparisons } = homeCharts(buildSiteModel(dataset));
    const ids = [...bigNumbers, ...comparisons].map((spec) => spec.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(comparisons.map((c) => [c.id, 'indicators' in c ? c.indicators : []])).toEqual([
      ['identity-headline-compare', ['a', 'b']],
      ['identity-headline-compare-2', ['c', 'd']],
      ['identity-headline-compare-3', ['e', 'f']],
    ]);
  });
});

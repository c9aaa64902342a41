import { describe, expect, it } from 'vitest';
import { buildSiteModel } from '../../src/lib/site/model.ts';
import { chooseHeadlines, monthsBetween, newestAsOf, staleNote } from '../../src/lib/site/headline.ts';
import type { Dataset, Figure, Indicator } from '../../src/lib/data/types.ts';

/** Synthetic catalogue and figures (test data, not real figures). */
const indicator = (id: string, featured = false): Indicator => ({
  id, topic: 'identity', kind: 'cumulative', ...(featured ? { featured } : {}),
  name: { vi: `Chỉ số ${id}`, en: `Indicator ${id}` }, unit: { vi: 'tài khoản', en: 'accounts' }, definition: { vi: 'Thử nghiệm.', en: 'Test.' },
});
const figure = (id: string, value: number, asOf: string, release: string): Figure => ({
  indicator: id, value, asOf, asOfInferred: false,
  source: { title: 'T', publisher: 'P', url: 'https://example.org/t' }, quote: { text: String(value), language: 'vi', translated: false },
  release, location: { file: `${release}.csv` },
});

/**
 * a: featured, updated in the newest release (fresh)      → relevance 3
 * b: featured, last figure 8 months before the newest date → relevance 2, fresh
 * c: not featured, updated in the newest release           → relevance 1
 * d: featured, last figure 2 years old                     → stale
 * e: not featured, not updated                             → never a candidate
 * f: not featured, updated in the newest release, but the figure published late is 3 years old → stale
 */
function dataset(): Dataset {
  const indicators = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => indicator(id, ['a', 'b', 'd'].includes(id)));
  return {
    indicators,
    releases: [
      { id: '2024-06', file: '2024-06.csv', figures: [figure('a', 10, '2024-06-01', '2024-06'), figure('d', 5, '2024-06-15', '2024-06'), figure('e', 1, '2024-06-01', '2024-06'), figure('c', 2, '2024-06-01', '2024-06')] },
      { id: '2025-10', file: '2025-10.csv', figures: [figure('b', 7, '2025-10-01', '2025-10')] },
      { id: '2026-06', file: '2026-06.csv', figures: [figure('a', 12, '2026-06-10', '2026-06'), figure('c', 3, '2026-05-20', '2026-06'), figure('f', 9, '2023-04-01', '2026-06')] },
    ],
  };
}

describe('monthsBetween and newestAsOf', () => {
  it('counts whole months, a day short is one month less', () => {
    expect(monthsBetween('2025-02-13', '2026-02-25')).toBe(12);
    expect(monthsBetween('2025-02-26', '2026-02-25')).toBe(11);
    expect(monthsBetween('2023-06', '2026-02-25')).toBe(32);
  });
  it('takes the newest date among all series', () => {
    const model = buildSiteModel(dataset());
    expect(newestAsOf(model.series.values())).toBe('2026-06-10');
  });
});

describe('chooseHeadlines', () => {
  it('ranks relevance (featured, then updated in the newest release) among fresh figures; stale ones never lead', () => {
    const { lead, others } = chooseHeadlines(buildSiteModel(dataset()), { count: 3, minimum: 2 });
    expect(lead.map((h) => h.indicator.id)).toEqual(['a', 'b', 'c']);
    expect(lead.map((h) => [h.featured, h.inLatestUpdate, h.stale])).toEqual([[true, true, false], [true, false, false], [false, true, false]]);
    // The editors' stale headline figure is listed once below, marked stale; f (late, old, not featured) and e are not shown.
    expect(others.map((h) => [h.indicator.id, h.stale])).toEqual([['d', true]]);
  });

  it('shows each indicator once: no lead figure again among the others', () => {
    const { lead, others } = chooseHeadlines(buildSiteModel(dataset()), { count: 1, minimum: 1 });
    expect(lead.map((h) => h.indicator.id)).toEqual(['a']);
    const ids = [...lead, ...others].map((h) => h.indicator.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(others.map((h) => h.indicator.id)).toEqual(['b', 'd']);
  });

  it('fills slots below the minimum with stale figures, which carry their age', () => {
    const { lead } = chooseHeadlines(buildSiteModel(dataset()), { count: 6, minimum: 5, staleAfterMonths: 12 });
    expect(lead.map((h) => h.indicator.id)).toEqual(['a', 'b', 'c', 'd', 'f']);
    const stale = lead.filter((h) => h.stale);
    expect(stale.map((h) => staleNote(h.point, 'vi'))).toEqual(['số liệu từ tháng 6/2024', 'số liệu từ tháng 4/2023']);
    expect(staleNote(stale[0]!.point, 'en')).toBe('figure from June 2024');
  });
});

import { describe, expect, it } from 'vitest';
import { monthTablePath, newestRows, newestRowsBy, pageCount, pageRange, pageRows, pagerPages, withinBudget } from '../../src/lib/site/pagination.ts';

describe('bounded pages', () => {
  const rows = Array.from({ length: 450 }, (_, i) => i + 1);

  it('cuts rows into pages that hold every row once, in order', () => {
    expect(pageCount(450, 200)).toBe(3);
    expect(pageCount(400, 200)).toBe(2);
    expect(pageCount(0, 200)).toBe(1);
    const pages = Array.from({ length: pageCount(rows.length, 200) }, (_, i) => pageRows(rows, i + 1, 200));
    expect(pages.map((p) => p.length)).toEqual([200, 200, 50]);
    expect(pages.flat()).toEqual(rows);
    expect(pageRange(450, 3, 200)).toEqual({ first: 401, last: 450 });
    expect(pageRange(450, 1, 200)).toEqual({ first: 1, last: 200 });
  });

  it('links to a bounded number of pages, always the first, the last and the neighbours', () => {
    expect(pagerPages(1, 1)).toEqual([1]);
    expect(pagerPages(1, 3)).toEqual([1, 2, 3]);
    expect(pagerPages(1, 500)).toEqual([1, 2, 3, undefined, 500]);
    expect(pagerPages(250, 500)).toEqual([1, undefined, 248, 249, 250, 251, 252, undefined, 500]);
    expect(pagerPages(5, 500)).toEqual([1, 2, 3, 4, 5, 6, 7, undefined, 500]);
    for (const current of [1, 2, 100, 499, 500]) expect(pagerPages(current, 500).length).toBeLessThanOrEqual(9);
    // From any page, the next one is linked: every page is reachable by following links.
    for (let current = 1; current < 500; current++) expect(pagerPages(current, 500)).toContain(current + 1);
  });

  it('names page 1 after the bulletin and the others after their number', () => {
    expect(monthTablePath('2024-06', 1)).toBe('months/2024-06');
    expect(monthTablePath('2024-06', 2)).toBe('months/2024-06/figures/2');
  });

  it('keeps the newest rows of a history and counts the others', () => {
    expect(newestRows(rows, 200)).toEqual({ rows: rows.slice(250), omitted: 250 });
    expect(newestRows([1, 2], 200)).toEqual({ rows: [1, 2], omitted: 0 });
  });
});

describe('pages of many charts', () => {
  it('keeps the newest rows of each history of a table of several, in their order', () => {
    // Two histories one after the other: a (days 1–10), then b (days 6–8).
    const rows = [...Array.from({ length: 10 }, (_, i) => ({ id: 'a', day: i + 1 })), ...[6, 7, 8].map((day) => ({ id: 'b', day }))];
    const { rows: kept, omitted } = newestRowsBy(rows, 6, (r) => r.day);
    expect(omitted).toBe(7);
    expect(kept).toEqual([{ id: 'a', day: 7 }, { id: 'a', day: 8 }, { id: 'a', day: 9 }, { id: 'a', day: 10 }, { id: 'b', day: 7 }, { id: 'b', day: 8 }]);
    // One history: the same rows as newestRows.
    const one = Array.from({ length: 30 }, (_, i) => i);
    expect(newestRowsBy(one, 10, (r) => r)).toEqual(newestRows(one, 10));
    expect(newestRowsBy(one, 40, (r) => r)).toEqual({ rows: one, omitted: 0 });
  });

  it('takes charts in order while their figures stay within the budget', () => {
    expect(withinBudget([400, 400, 400, 10], (n) => n, 1_000)).toEqual([400, 400]);
    expect(withinBudget([1_000, 1], (n) => n, 1_000)).toEqual([1_000]);
    expect(withinBudget([4_000, 1], (n) => n, 1_000)).toEqual([]);
    expect(withinBudget([], (n: number) => n, 1_000)).toEqual([]);
    // A bulletin draws its first chart whatever its figures: each chart is bounded on its own.
    expect(withinBudget([4_000, 1], (n) => n, 1_000, 1)).toEqual([4_000]);
    expect(withinBudget([400, 400, 400], (n) => n, 1_000, 1)).toEqual([400, 400]);
  });
});

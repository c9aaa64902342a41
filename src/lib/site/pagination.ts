/**
 * Bounded pages: a page never grows without limit with the data. A long list (a month's figures, an indicator's
 * history, a chart's table) is cut into pages of a fixed number of rows, or shows its first rows with a link to the
 * full data; the pager itself shows a fixed number of links, however many pages there are.
 */

/** Rows of a month's figures table per page: the bulletin shows the first page, `figures/2/`… the others. */
export const MONTH_TABLE_ROWS = 200;
/** Rows of an indicator's table on its page: the newest ones (see MANY_CHARTS_TABLE_ROWS, EMBED_TABLE_ROWS). */
export const SERIES_TABLE_ROWS = 200;
/** Charts on a month's bulletin: the first indicators with a new figure; the others' charts are on their pages. */
export const MONTH_CHARTS = 12;
/** Sentences in each list of a bulletin (revisions, corrections, disagreements) before "and N more". */
export const BULLETIN_LIST_ITEMS = 50;

/** How many pages `count` rows take, `size` a page (at least one page, which may be empty). */
export function pageCount(count: number, size: number): number {
  return Math.max(1, Math.ceil(count / size));
}

/** The rows of page `page` (1-based). */
export function pageRows<T>(rows: readonly T[], page: number, size: number): T[] {
  return rows.slice((page - 1) * size, page * size);
}

/** The first and last row numbers (1-based) on a page, for "figures 201–400 of 100,000". */
export function pageRange(count: number, page: number, size: number): { first: number; last: number } {
  return { first: Math.min(count, (page - 1) * size + 1), last: Math.min(count, page * size) };
}

/**
 * The page numbers a pager links to: the first, the last, and `around` pages each side of the current one, with
 * `undefined` where pages are left out ("…"). At most 2 × around + 5 entries, however many pages there are.
 */
export function pagerPages(current: number, total: number, around = 2): Array<number | undefined> {
  const shown = new Set<number>([1, total]);
  for (let page = current - around; page <= current + around; page++) if (page >= 1 && page <= total) shown.add(page);
  const sorted = [...shown].sort((a, b) => a - b);
  const pages: Array<number | undefined> = [];
  for (const [i, page] of sorted.entries()) {
    const previous = sorted[i - 1];
    if (previous !== undefined && page - previous === 2) pages.push(previous + 1);
    else if (previous !== undefined && page - previous > 2) pages.push(undefined);
    pages.push(page);
  }
  return pages;
}

/** The path (without locale) of page `page` of a month's figures: page 1 is the bulletin itself. */
export function monthTablePath(month: string, page: number): string {
  return page <= 1 ? `months/${month}` : `months/${month}/figures/${page}`;
}

/** The newest `size` rows of a history (rows in date order, oldest first), and how many were left out. */
export function newestRows<T>(rows: readonly T[], size: number): { rows: T[]; omitted: number } {
  return rows.length <= size ? { rows: [...rows], omitted: 0 } : { rows: rows.slice(rows.length - size), omitted: rows.length - size };
}

/**
 * The newest `size` rows of a table of one or more histories (each in date order, one after the other), in their
 * own order, and how many were left out: the rows with the latest `time`, ties going to the later row. For one
 * history this is `newestRows`; for several, each keeps its newest rows instead of the last history taking all.
 */
export function newestRowsBy<T>(rows: readonly T[], size: number, time: (row: T) => number): { rows: T[]; omitted: number } {
  if (rows.length <= size) return { rows: [...rows], omitted: 0 };
  const times = rows.map(time);
  const kept = rows.map((_, i) => i).sort((a, b) => times[b]! - times[a]! || b - a).slice(0, size).sort((a, b) => a - b);
  return { rows: kept.map((i) => rows[i]!), omitted: rows.length - size };
}

/**
 * Rows of a chart's table on a page that holds more than that chart (a bulletin, the explore page, an indicator page,
 * whose own table of the indicator's history keeps SERIES_TABLE_ROWS): the newest ones.
 */
export const MANY_CHARTS_TABLE_ROWS = 25;

/**
 * Rows of a chart's table in an embed (live or pinned): the newest ones, the rest in the embed's data link. An embed
 * is a small frame in another site's article, read on phones, and a pinned embed is published for every release of
 * every chart: with its history in full, each release's embeds would grow with every month before it (bytes ∝
 * releases² across the years); bounded, they grow by a constant a release.
 */
export const EMBED_TABLE_ROWS = 25;

/**
 * Figures the charts of a page of many charts may hold in all: a bulletin draws its charts, the explore page its
 * comparisons, in order while their figures together stay within this; the others are on their own pages (or open
 * in the explorer). Each chart is bounded already (dots, lines and table); this bounds how many there are.
 */
export const MANY_CHARTS_FIGURES = 1_000;

/**
 * The first items whose costs together stay within `budget` (in order; stops at the first that would pass it), and
 * at least the first `minimum` whatever they cost (a bulletin always draws its first chart, each chart being bounded).
 */
export function withinBudget<T>(items: readonly T[], cost: (item: T) => number, budget: number, minimum = 0): T[] {
  const kept: T[] = [];
  let spent = 0;
  for (const item of items) {
    spent += cost(item);
    if (spent > budget && kept.length >= minimum) break;
    kept.push(item);
  }
  return kept;
}

/**
 * Figures tables on phones (issue 11, item 2), in a real browser on the fixture site: every kind of table — the
 * figures table of an indicator page and of a month page, the home's latest-release table, a story's DataTable and
 * the chart data tables (on pages and inside an embed) — at 320 and 360 px becomes one card per row, and at 1280 px
 * stays a table. For each table: no cell's content is clipped, the page does not scroll sideways, no number breaks
 * across lines, and every row stays under a height bound (ROW_BOUND, justified below). Measured heights are printed.
 * The table keeps its semantics: Chromium's accessibility tree still has a table, rows, column headers and cells,
 * and axe finds nothing in the stacked layout, light and dark.
 *
 * Needs Chromium (see harness.ts).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildFixtureSite, root, useFixtureSite } from './harness.ts';

const axePath = join(root, 'node_modules/axe-core/axe.min.js');

/** Every kind of table, with the page that shows it. */
const PAGES = [
  { kind: 'indicator figures', path: '/indicators/eid-accounts-activated/' },
  { kind: 'indicator figures (en)', path: '/en/indicators/essential-services-online/' },
  { kind: 'month figures', path: '/months/2024-08/' },
  { kind: 'story DataTable and chart tables', path: '/articles/cau-chuyen-thu-nghiem/' },
  { kind: 'embed chart table', path: '/embed/eid-accounts-activated/' },
  { kind: 'embed chart table (en, compare)', path: '/en/embed/eid-accounts-activated/' },
] as const;

/**
 * Row heights on a phone, as a budget of text lines (about 20 px each at line-height 1.45, 23 px for the value):
 * - the worst case, at 320 px on a bulletin: the indicator's name (2 lines), the value with its badge (1), the date
 *   (1), a 130-character source title with its publisher and date (6), the folded quote (1) and a note (3): 14 lines,
 *   ≈ 290 px, plus padding and gaps (≈ 45 px);
 * - a long source title on an indicator page at 360 px (no indicator column, a release line, no note): 10 lines.
 * The real site's worst row before this layout was 2,410 px (home, 360 px); the review measured 300–577 px.
 */
const ROW_BOUND = 340;
const ROW_BOUND_LONG_TITLE = 260;
/** The width of the table box below which rows stack (48rem in src/styles/global.css). */
const STACK_BELOW = 768;
/** The same row with the fixture's short titles: value, date, source, quote, release and at most one note. */
const ROW_BOUND_FIXTURE = 240;

/** A long title of the kind real sources have (the review's example), for a stress row. */
const LONG_TITLE = 'Hơn 132 triệu hồ sơ được xác thực qua căn cước công dân gắn chip và VNeID: ngân hàng chặn hàng nghìn tỷ đồng chảy vào tài khoản lừa đảo';
const LONG_NOTE = 'Ghi chú: số liệu lấy từ bản tin tiếng Anh của cùng cơ quan; bản tiếng Việt làm tròn thành “hơn 132 triệu”.';

const site = useFixtureSite(() => buildFixtureSite('de-an-06-tables-'));

async function open(path: string, width: number, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await site.browser.newContext({ viewport: { width, height: 800 }, colorScheme });
  const page = await context.newPage();
  const response = await page.goto(site.origin + path, { waitUntil: 'load' });
  expect(response?.status(), `${path} status`).toBe(200);
  // Chart data tables are folded: open them so they are measured too.
  await page.evaluate(() => { for (const d of document.querySelectorAll<HTMLDetailsElement>('details.chart-data')) d.open = true; });
  return { page, close: () => context.close() };
}

interface TableMeasure {
  caption: string;
  layout: string;
  wrapper: { width: number; scrollWidth: number; clientWidth: number };
  rows: number[];
  /** The narrowest source cell (px): the review found the column squeezed to 59 px. */
  sourceWidth: number;
  clipped: string[];
  brokenNumbers: string[];
}

/** Measures every visible figures table on the page. */
function measure(page: Page): Promise<{ pageOverflow: number; tables: TableMeasure[] }> {
  return page.evaluate(() => {
    const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    const tables = [...document.querySelectorAll<HTMLTableElement>('table.figures')].filter((t) => t.checkVisibility()).map((table) => {
      const wrapper = table.closest<HTMLElement>('.table-scroll')!;
      const clipped: string[] = [];
      const cells = [...table.querySelectorAll<HTMLElement>('tbody th, tbody td')].filter((c) => c.checkVisibility());
      for (const cell of cells) {
        if (cell.scrollWidth > cell.clientWidth + 1) clipped.push(`${text(cell)} (${cell.scrollWidth} > ${cell.clientWidth})`);
        // Nothing inside a cell reaches past the wrapper's edge.
        const box = wrapper.getBoundingClientRect();
        const r = cell.getBoundingClientRect();
        if (r.right > box.right + 1 || r.left < box.left - 1) clipped.push(`${text(cell)} (outside its table box)`);
      }
      if (wrapper.scrollWidth > wrapper.clientWidth + 1) clipped.push(`the table box scrolls (${wrapper.scrollWidth} > ${wrapper.clientWidth})`);
      // An inline element broken across lines has one client rect per line.
      const brokenNumbers = [...table.querySelectorAll('tbody .fig-value data')].filter((d) => d.getClientRects().length !== 1).map(text);
      return {
        caption: text(table.caption!),
        layout: getComputedStyle(table.querySelector('tbody tr')!).display,
        wrapper: { width: Math.round(wrapper.getBoundingClientRect().width), scrollWidth: wrapper.scrollWidth, clientWidth: wrapper.clientWidth },
        rows: [...table.querySelectorAll('tbody tr')].map((r) => Math.round(r.getBoundingClientRect().height)),
        sourceWidth: Math.min(...[...table.querySelectorAll('tbody .fig-source')].map((c) => Math.round(c.getBoundingClientRect().width))),
        clipped,
        brokenNumbers,
      };
    });
    return { pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth, tables };
  });
}

function report(label: string, tables: TableMeasure[]): void {
  for (const t of tables) {
    console.log(`${label} · ${t.caption} · ${t.layout} · box ${t.wrapper.width} px · source column ${t.sourceWidth} px · rows ${t.rows.join(', ')} px (max ${Math.max(...t.rows)})`);
  }
}

describe('figures tables on phones: one card per row, nothing clipped', () => {
  for (const width of [320, 360]) {
    for (const { kind, path } of PAGES) {
      it(`${kind} (${path}) at ${width} px`, async () => {
        const { page, close } = await open(path, width);
        try {
          const { pageOverflow, tables } = await measure(page);
          report(`${width} px ${path}`, tables);
          expect(tables.length, 'visible figures tables').toBeGreaterThan(0);
          expect(pageOverflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
          for (const t of tables) {
            expect(t.layout, `${t.caption}: rows stack`).toBe('flex');
            expect(t.wrapper.width, `${t.caption}: the table box has the column's width`).toBeGreaterThan(width - 80);
            expect(t.clipped, `${t.caption}: clipped cells`).toEqual([]);
            expect(t.brokenNumbers, `${t.caption}: numbers broken across lines`).toEqual([]);
            expect(Math.max(...t.rows), `${t.caption}: tallest row`).toBeLessThanOrEqual(ROW_BOUND_FIXTURE);
          }
        } finally {
          await close();
        }
      });
    }
  }

  for (const { path, width, note, bound } of [
    { path: '/indicators/eid-accounts-activated/', width: 360, note: false, bound: ROW_BOUND_LONG_TITLE },
    { path: '/months/2024-08/', width: 320, note: true, bound: ROW_BOUND },
  ]) {
    it(`a row with a long source title${note ? ', a note and the indicator\'s name' : ''} stays under ${bound} px at ${width} px (${path})`, async () => {
      const { page, close } = await open(path, width);
      try {
        await withLongTitle(page, note);
        const { pageOverflow, tables } = await measure(page);
        const table = tables.at(-1)!;
        report(`${width} px ${path}, long source title${note ? ' and note' : ''}`, [table]);
        expect(pageOverflow).toBeLessThanOrEqual(0);
        expect(table.clipped).toEqual([]);
        expect(table.rows[0], 'the row with the long title').toBeLessThanOrEqual(bound);
      } finally {
        await close();
      }
    });
  }
});

describe('the explorer\'s table view on phones: the same stacked rows as every figures table', () => {
  for (const width of [320, 360]) {
    it(`a view of two indicators in the table, drawn in the browser, at ${width} px`, async () => {
      const { page, close } = await open('/indicators/eid-accounts-activated/?indicators=eid-accounts-activated,eid-accounts-level2&from=2024-06&view=table', width);
      try {
        await page.locator('[data-explorer][data-ready]').waitFor({ timeout: 10_000 });
        const table = page.locator('[data-explorer] details.chart-data table.figures');
        // The explorer's own table (its indicator column exists only in a view of several indicators).
        await expect(table.locator('tbody th.fig-indicator').count()).resolves.toBeGreaterThan(1);
        // Each row: the indicator, the value, the date and the source each on a line of its own, top to bottom,
        // the date and source labelled from their column (CSS ::before from data-label).
        const rows = await table.evaluate((element) => [...element.querySelectorAll('tbody tr')].map((row) => {
          const box = (selector: string) => {
            const r = row.querySelector(selector)!.getBoundingClientRect();
            return { top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left) };
          };
          return {
            boxes: ['.fig-indicator', '.fig-value', '.fig-date', '.fig-source'].map(box),
            labels: ['.fig-date', '.fig-source'].map((selector) => getComputedStyle(row.querySelector(selector)!, '::before').content),
          };
        }));
        expect(rows.length).toBeGreaterThan(1);
        for (const { boxes, labels } of rows) {
          for (let k = 1; k < boxes.length; k++) expect(boxes[k]!.top, `line ${k} starts below line ${k - 1}`).toBeGreaterThanOrEqual(boxes[k - 1]!.bottom - 1);
          expect(new Set(boxes.map((b) => b.left)).size, 'every line starts at the row\'s left edge').toBe(1);
          expect(labels[0]).toContain('Số liệu đến');
          expect(labels[1]).toContain('Nguồn');
        }
        const { pageOverflow, tables } = await measure(page);
        const shown = tables.find((t) => t.caption.includes(' · '))!;
        report(`${width} px explorer table view`, [shown]);
        expect(pageOverflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
        expect(shown.layout).toBe('flex');
        expect(shown.clipped).toEqual([]);
        expect(shown.brokenNumbers).toEqual([]);
        expect(Math.max(...shown.rows)).toBeLessThanOrEqual(ROW_BOUND);
      } finally {
        await close();
      }
    });
  }
});

async function withLongTitle(page: Page, note: boolean): Promise<void> {
  await page.evaluate(([title, text]) => {
    // The page's own table (the last), whose rows are the longest: on a bulletin they also carry the indicator's name.
    const row = [...document.querySelectorAll('main table.figures')].at(-1)!.querySelector('tbody tr')!;
    row.querySelector('.fig-source cite a')!.textContent = title!;
    if (!text) return;
    const p = document.createElement('p');
    p.className = 'note';
    p.textContent = text;
    row.querySelector('.fig-source')!.append(p);
  }, [LONG_TITLE, note ? LONG_NOTE : '']);
}

describe('figures tables on a desktop stay tables', () => {
  for (const { kind, path } of PAGES) {
    it(`${kind} (${path}) at 1280 px`, async () => {
      const { page, close } = await open(path, 1280);
      try {
        const { pageOverflow, tables } = await measure(page);
        report(`1280 px ${path}`, tables);
        expect(pageOverflow).toBeLessThanOrEqual(0);
        // The page's own tables are wide enough for columns; a chart's table in a narrow story column or embed may stack.
        const wide = tables.filter((t) => t.wrapper.width > STACK_BELOW);
        if (!path.includes('/embed/') && !path.includes('/articles/')) expect(wide.length, 'tables in a wide box').toBeGreaterThan(0);
        for (const t of tables) {
          expect(t.layout, `${t.caption} (box ${t.wrapper.width} px)`).toBe(t.wrapper.width > STACK_BELOW ? 'table-row' : 'flex');
          expect(t.clipped, `${t.caption}: clipped cells`).toEqual([]);
          expect(t.brokenNumbers, `${t.caption}: numbers broken across lines`).toEqual([]);
          expect(t.sourceWidth, `${t.caption}: the source column`).toBeGreaterThanOrEqual(190);
        }
      } finally {
        await close();
      }
    });
  }
});

interface AxNode { role?: { value?: string }; name?: { value?: string }; ignored?: boolean }

describe('stacked tables are still tables to assistive technology', () => {
  it('Chromium\'s accessibility tree has the table, its column headers, rows and cells (360 px)', async () => {
    const { page, close } = await open('/indicators/eid-accounts-activated/', 360);
    try {
      const rowCount = await page.locator('main table.figures').first().locator('tbody tr').count();
      const session = await page.context().newCDPSession(page);
      const { nodes } = await session.send('Accessibility.getFullAXTree') as { nodes: AxNode[] };
      const roles = (role: string) => nodes.filter((n) => !n.ignored && n.role?.value === role);
      expect(roles('table').length, 'tables').toBeGreaterThan(0);
      const headers = roles('columnheader').map((n) => n.name?.value);
      expect(headers).toEqual(expect.arrayContaining(['Số liệu đến', 'Giá trị', 'Nguồn', 'Bản cập nhật']));
      expect(roles('row').length, 'rows (heading row + one per figure)').toBeGreaterThanOrEqual(rowCount + 1);
      // Cells are named by their content only: the visual label in front of them is hidden from assistive technology.
      const cells = [...roles('cell'), ...roles('gridcell')];
      expect(cells.length).toBeGreaterThanOrEqual(rowCount * 3);
      expect(cells.filter((n) => (n.name?.value ?? '').startsWith('Số liệu đến')), 'cells that repeat their heading').toEqual([]);
    } finally {
      await close();
    }
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const path of ['/indicators/eid-accounts-activated/', '/months/2024-08/']) {
      it(`axe finds nothing in the stacked tables of ${path} (${colorScheme}, 360 px)`, async () => {
        const { page, close } = await open(path, 360, colorScheme);
        try {
          await page.addScriptTag({ path: axePath });
          const result = await page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run: (context: object, options: object) => Promise<{ passes: unknown[]; violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
            return axe.run({ include: [['.table-scroll']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          });
          expect(result.passes.length).toBeGreaterThan(0);
          expect(result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
        } finally {
          await close();
        }
      });
    }
  }
});

/**
 * Static search in a real browser, offline from dist/ (a local server, no
 * network): a known phrase is found with and without Vietnamese diacritics
 * (including "đ", which Pagefind does not fold by itself) — the same pages for
 * each of more than ten query pairs, one result per page — in both languages;
 * the result leads to the page; nothing is logged to the console; the page
 * works from the keyboard and explains itself without JavaScript; and no
 * other page loads the search code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/lib/search/fold.ts';
import { FIXTURE_INDICATORS, writeFixtureSite } from '../fixtures/fixture-data.ts';
import { chromiumPath, root, useFixtureSite } from './harness.ts';

const indicator = FIXTURE_INDICATORS.find((i) => i.id === 'eid-accounts-activated')!;
if (!indicator.name.vi.includes('định danh') || !indicator.name.en.includes('Electronic ID')) {
  throw new Error('the fixture changed: update the search phrases below');
}

/**
 * The fixture site, with words written without diacritics somewhere ("Dinh",
 * "di"), as real pages have (names, URLs): Pagefind then knows the word "dinh"
 * and requires it, so searching "dinh danh" as typed would miss the pages about
 * "định danh" — the case the respelling (queryVariants) is for.
 */
function buildSearchFixture(): { outDir: string; cleanup: () => void } {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: run \`apt-get install -y chromium\` or set CHROMIUM_PATH.`);
  const work = mkdtempSync(join(tmpdir(), 'de-an-06-search-'));
  const outDir = join(work, 'dist');
  const { contentDir, env } = writeFixtureSite(work);
  writeFileSync(join(contentDir, 'pages/vi/about.mdx'), '---\ntitle: "Giới thiệu"\ndescription: "Trang giới thiệu thử nghiệm."\n---\n\nTrang thử nghiệm, đọc được trên điện thoại di động. Tên viết không dấu: Dinh, Dong.\n');
  const result = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: root, env: { ...process.env, ...env, OUT_DIR: outDir, TZ: 'UTC' }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`fixture build failed:\n${result.stdout}\n${result.stderr}`);
  return { outDir, cleanup: () => rmSync(work, { recursive: true, force: true }) };
}

const site = useFixtureSite(() => buildSearchFixture());
const requests: string[] = [];

/** Opens a page in a fresh context, collecting console errors, failed requests and any request off the local server. */
async function open(path: string, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error' || message.type() === 'warning') errors.push(`console ${message.type()}: ${message.text()}`); });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
  page.on('request', (request) => { requests.push(request.url()); if (!request.url().startsWith(site.origin)) errors.push(`off-site request: ${request.url()}`); });
  const response = await page.goto(site.origin + path);
  expect(response?.status(), `${path} status`).toBe(200);
  return { page, errors, close: () => context.close() };
}

/** Types a query and waits for the results (the status line says how many). */
async function search(page: Page, query: string): Promise<string[]> {
  await page.getByRole('searchbox').fill(query);
  // The status names the query in quotes, case and marks as typed (a regular expression matches case-sensitively).
  const quoted = new RegExp(`“${query.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”`);
  await page.locator('.search-status').filter({ hasText: quoted }).waitFor({ timeout: 10_000 });
  // Every result, not only the first ten: "more" until it hides.
  const more = page.locator('.search-more');
  while (await more.isVisible()) {
    const before = await page.locator('.search-results > li').count();
    await more.click();
    await expect.poll(() => page.locator('.search-results > li').count()).toBeGreaterThan(before);
  }
  return page.locator('.search-results h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

describe('search (Vietnamese)', () => {
  for (const [query, label] of [['định danh', 'with diacritics'], ['dinh danh', 'without diacritics'], ['DINH DANH DIEN TU', 'in capitals, without diacritics']] as const) {
    it(`finds the page ${label} and reaches it`, async () => {
      const { page, errors, close } = await open('/search/');
      try {
        const links = await search(page, query);
        expect(links.slice(0, 3), `top results for "${query}"`).toContain('/indicators/eid-accounts-activated/');
        // Every highlight matches a word of the query, once folded ("Định" for "dinh"); none comes from the added "đ" spellings.
        const marks = await page.locator('.search-results mark').allTextContents();
        expect(marks.length).toBeGreaterThan(0);
        const words = fold(query).split(' ');
        for (const mark of marks) expect(words.some((w) => fold(mark).replace(/[^\p{L}\p{N}]/gu, '').startsWith(w)), `highlight "${mark}"`).toBe(true);
        expect(marks.some((m) => /^định$/i.test(m))).toBe(true);
        await page.locator('.search-results a[href="/indicators/eid-accounts-activated/"]').click();
        await page.waitForURL('**/indicators/eid-accounts-activated/');
        expect(await page.locator('h1').textContent()).toBe(indicator.name.vi);
        expect(fold(await page.locator('main').innerText())).toContain(fold(query).split(' ').slice(0, 2).join(' '));
        // Back on the search page, the query and its results are still there.
        await page.goBack();
        await expect(page.getByRole('searchbox').inputValue()).resolves.toBe(query);
        await page.locator('.search-results a').first().waitFor();
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('"dinh" alone finds "định" (Pagefind does not fold đ by itself)', async () => {
    const { page, errors, close } = await open('/search/?q=dinh');
    try {
      await expect(page.getByRole('searchbox').inputValue()).resolves.toBe('dinh');
      await page.locator('.search-status').filter({ hasText: 'dinh' }).waitFor({ timeout: 10_000 });
      const links = await page.locator('.search-results a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links).toContain('/indicators/eid-accounts-activated/');
      expect(links.every((link) => !link.startsWith('/en/'))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('says so when nothing matches', async () => {
    const { page, errors, close } = await open('/search/');
    try {
      expect(await search(page, 'xyzzyqwv')).toEqual([]);
      expect(await page.locator('.search-status').textContent()).toBe('Không có kết quả cho “xyzzyqwv”.');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('works from the keyboard: labelled search box, Enter searches, Tab reaches the first result', async () => {
    const { page, errors, close } = await open('/search/');
    try {
      const box = page.getByRole('searchbox', { name: 'Từ khóa' });
      await expect(box.count()).resolves.toBe(1);
      await expect(page.getByRole('search', { name: 'Tìm kiếm' }).count()).resolves.toBe(1);
      await box.focus();
      await page.keyboard.type('dinh danh');
      await page.keyboard.press('Enter');
      await page.locator('.search-status').filter({ hasText: 'dinh danh' }).waitFor({ timeout: 10_000 });
      expect(await page.locator('.search-status').getAttribute('role')).toBe('status');
      await page.keyboard.press('Tab'); // the submit button
      await page.keyboard.press('Tab'); // the first result
      const focused = await page.evaluate(() => document.activeElement?.closest('.search-results') !== null && document.activeElement?.tagName);
      expect(focused).toBe('A');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

/** Ten pairs and more: a query with diacritics and the same without; each pair must find the same pages. */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['định danh', 'dinh danh'],
  ['căn cước', 'can cuoc'],
  ['sinh trắc học', 'sinh trac hoc'],
  ['ngân hàng', 'ngan hang'],
  ['bảo hiểm', 'bao hiem'],
  ['tài khoản', 'tai khoan'],
  ['dịch vụ công', 'dich vu cong'],
  ['hồ sơ', 'ho so'],
  ['thẻ', 'the'],
  ['VNeID', 'vneid'],
  ['điện tử', 'dien tu'],
  ['Định danh điện tử', 'DINH DANH DIEN TU'],
  ['đã kích hoạt', 'da kich hoat'],
];

describe('search parity: with and without diacritics, the same pages', () => {
  it(`${PAIRS.length} query pairs find identical result sets, one result per page`, async () => {
    const { page, errors, close } = await open('/search/');
    try {
      let nonEmpty = 0;
      for (const [accented, plain] of PAIRS) {
        const a = await search(page, accented);
        const b = await search(page, plain);
        expect(new Set(a).size, `"${accented}": one result per page`).toBe(a.length);
        expect(new Set(b).size, `"${plain}": one result per page`).toBe(b.length);
        expect([...b].sort(), `"${plain}" finds what "${accented}" finds`).toEqual([...a].sort());
        if (a.length > 0) nonEmpty += 1;
      }
      // The pairs are about the fixture's words: most of them must find something, or the test proves nothing.
      expect(nonEmpty).toBeGreaterThanOrEqual(10);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("an indicator's result shows its latest figure, with its qualifier, and its date", async () => {
    const { page, errors, close } = await open('/search/');
    try {
      await search(page, 'dinh danh');
      const item = page.locator('.search-results li').filter({ has: page.locator('a[href="/indicators/eid-accounts-activated/"]') });
      // The qualifier and the number keep their no-break spaces (they never part at a line end).
      await expect(item.locator('.search-figure').textContent()).resolves.toBe('hơn\u00a045,2\u00a0triệu tài khoản · Số liệu đến 20/8/2024');
      await expect(item.locator('h2').count()).resolves.toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('search (English)', () => {
  it('finds English pages only, from /en/search/, and reaches them', async () => {
    const { page, errors, close } = await open('/en/search/');
    try {
      const links = await search(page, 'electronic ID');
      expect(links.slice(0, 3)).toContain('/en/indicators/eid-accounts-activated/');
      expect(links.every((link) => link.startsWith('/en/'))).toBe(true);
      expect(await page.locator('.search-status').textContent()).toMatch(/^\d+ results for “electronic ID”\.$/);
      await page.locator('.search-results a[href="/en/indicators/eid-accounts-activated/"]').click();
      await page.waitForURL('**/en/indicators/eid-accounts-activated/');
      expect(await page.locator('h1').textContent()).toBe(indicator.name.en);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('accessibility with results shown (axe-core, WCAG 2.1 A and AA)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(colorScheme, async () => {
      const { page, errors, close } = await open('/search/?q=dinh%20danh', { colorScheme });
      try {
        await page.locator('.search-results mark').first().waitFor({ timeout: 10_000 });
        await page.addScriptTag({ path: join(root, 'node_modules/axe-core/axe.min.js') });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
        });
        expect(violations).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});

describe('search without JavaScript', () => {
  for (const [path, text, links] of [
    ['/search/', 'Tìm kiếm cần JavaScript', ['/indicators/', '/articles/']],
    ['/en/search/', 'Search needs JavaScript', ['/en/indicators/', '/en/articles/']],
  ] as const) {
    it(`${path} explains it and links to the lists`, async () => {
      const { page, close } = await open(path, { javaScriptEnabled: false });
      try {
        await expect(page.locator('.search-form').isHidden()).resolves.toBe(true);
        const noscript = page.locator('.search-noscript');
        await expect(noscript.textContent()).resolves.toContain(text);
        const hrefs = await noscript.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        expect(hrefs).toEqual(links);
      } finally {
        await close();
      }
    });
  }
});

describe('the search code loads on the search page only', () => {
  it('the home page and an indicator page fetch nothing from /pagefind/', async () => {
    for (const path of ['/', '/indicators/eid-accounts-activated/', '/en/']) {
      const before = requests.length;
      const { page, close } = await open(path);
      try {
        await page.waitForLoadState('networkidle');
        expect(requests.slice(before).filter((url) => url.includes('/pagefind/')), path).toEqual([]);
        const html = await page.content();
        expect(html).not.toMatch(/pagefind\.js|pagefind-ui/);
      } finally {
        await close();
      }
    }
  });

  it('the search page has a search link in the header, marked as the current page', async () => {
    const { page, close } = await open('/search/');
    try {
      const link = page.locator('.site-nav a[href="/search/"]');
      await expect(link.getAttribute('aria-current')).resolves.toBe('page');
    } finally {
      await close();
    }
  });
});

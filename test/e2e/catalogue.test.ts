/**
 * The indicator catalogue (/indicators/) in a real browser, on the fixture site: every row shows its latest figure
 * (with its qualifier) and date; without JavaScript the whole list by topic, no controls; with it, a filter that
 * ignores diacritics and a sort by latest update; share links and chart permalinks on an indicator page; no console
 * error; axe (WCAG 2.1 A/AA) in both themes with a filter applied; short rows on a 360 px phone.
 */
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FIXTURE_INDICATORS } from '../fixtures/fixture-data.ts';
import { buildFixtureSite, root, useFixtureSite } from './harness.ts';

const axePath = join(root, 'node_modules/axe-core/axe.min.js');
const identity = FIXTURE_INDICATORS.filter((i) => i.topic === 'identity').map((i) => i.id);
const services = FIXTURE_INDICATORS.filter((i) => i.topic === 'public-services').map((i) => i.id);

const site = useFixtureSite(() => buildFixtureSite('de-an-06-catalogue-'));

async function open(path: string, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await site.browser.newContext({ viewport: { width: 360, height: 800 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(site.origin + path);
  expect(response?.status(), `${path} status`).toBe(200);
  return { page, errors, close: () => context.close() };
}

/** The indicator ids of the visible rows, in order. */
const visibleRows = (page: Page) => page.locator('.catalogue-list li:visible a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname.split('/').filter(Boolean).at(-1)!));

describe('indicator catalogue', () => {
  it('without JavaScript: the whole list by topic, each row with its figure and date, no controls', async () => {
    const { page, close } = await open('/indicators/', { javaScriptEnabled: false });
    try {
      await expect(page.locator('.catalogue-controls').isHidden()).resolves.toBe(true);
      expect((await visibleRows(page)).sort()).toEqual(FIXTURE_INDICATORS.map((i) => i.id).sort());
      const row = page.locator('.catalogue-list li').filter({ has: page.locator('a[href="/indicators/eid-accounts-activated/"]') });
      // "tính đến" is for screen readers (visually hidden); the eye reads "hơn 45,2 triệu tài khoản · 20/8/2024".
      await expect(row.locator('.catalogue-figure').textContent()).resolves.toMatch(/^hơn\s45,2\striệu tài khoản · tính đến 20\/8\/2024$/);
      await expect(row.locator('svg.sparkline-svg').count()).resolves.toBe(1);
      // No source titles in the list: one link per row.
      await expect(page.locator('.catalogue-list a').count()).resolves.toBe(FIXTURE_INDICATORS.length);
    } finally {
      await close();
    }
  });

  it('filters without diacritics: "dinh danh" and "định danh" keep the same rows; a topic with none left hides', async () => {
    const { page, errors, close } = await open('/indicators/');
    try {
      const filter = page.getByRole('searchbox', { name: 'Lọc chỉ số' });
      await filter.fill('dinh danh');
      const plain = await visibleRows(page);
      await filter.fill('định danh');
      expect(await visibleRows(page)).toEqual(plain);
      expect(plain.length).toBeGreaterThan(0);
      expect(plain.every((id) => identity.includes(id))).toBe(true);
      await expect(page.locator('#topic-public-services').isVisible()).resolves.toBe(false);
      // A topic's name finds its indicators: "dich vu cong" → Dịch vụ công.
      await filter.fill('dich vu cong');
      expect((await visibleRows(page)).sort()).toEqual([...services].sort());
      await expect(page.locator('.catalogue-status').textContent()).resolves.toBe(`Đang hiện ${services.length} trên ${FIXTURE_INDICATORS.length} chỉ số`);
      await filter.fill('xyzzy');
      expect(await visibleRows(page)).toEqual([]);
      await expect(page.locator('.catalogue-status').textContent()).resolves.toBe('Không có chỉ số nào khớp với “xyzzy”.');
      // The filter is kept in the address.
      expect(new URL(page.url()).searchParams.get('q')).toBe('xyzzy');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('sorts by latest update, newest first, in one list', async () => {
    const { page, errors, close } = await open('/indicators/');
    try {
      await page.getByRole('radio', { name: 'Mới cập nhật trước' }).check();
      const dates = await page.locator('.catalogue-updated li:visible').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.updated!));
      expect(dates).toHaveLength(FIXTURE_INDICATORS.length);
      expect([...dates].sort().reverse()).toEqual(dates);
      await expect(page.locator('.catalogue-topic:visible').count()).resolves.toBe(0);
      // Back to topics: every row home again.
      await page.getByRole('radio', { name: 'Theo chủ đề' }).check();
      await expect(page.locator('.catalogue-updated').isHidden()).resolves.toBe(true);
      expect((await visibleRows(page)).sort()).toEqual(FIXTURE_INDICATORS.map((i) => i.id).sort());
      // A linked sort is applied on load.
      await page.goto(`${site.origin}/indicators/?sort=updated&q=tai%20khoan`);
      await expect(page.locator('.catalogue-updated').isVisible()).resolves.toBe(true);
      expect((await visibleRows(page)).every((id) => identity.includes(id))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('rows are short on a 360 px phone, and nothing overflows', async () => {
    const { page, close } = await open('/indicators/');
    try {
      const heights = await page.locator('.catalogue-list li').evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().height));
      expect(Math.max(...heights)).toBeLessThan(90);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
    } finally {
      await close();
    }
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes axe (WCAG 2.1 A/AA), filtered and sorted, ${colorScheme}`, async () => {
      const { page, close } = await open('/indicators/?q=tai%20khoan&sort=updated', { colorScheme, bypassCSP: true });
      try {
        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
        });
        expect(violations).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});

describe('sharing', () => {
  it('an indicator page has its address to copy and plain share links opening in a new tab', async () => {
    const { page, errors, close } = await open('/indicators/eid-accounts-activated/', { permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const share = page.locator('main > .share');
      const address = await share.locator('input[data-share-url]').inputValue();
      expect(address).toBe('http://localhost:4321/indicators/eid-accounts-activated/');
      const links = await share.locator('.share-links a').evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, target: a.getAttribute('target'), rel: a.getAttribute('rel') })));
      expect(links.map((l) => new URL(l.href).host)).toEqual(['www.facebook.com', 'zalo.me', 'twitter.com']);
      for (const link of links) expect(link).toMatchObject({ target: '_blank', rel: 'noopener' });
      expect(new URL(links[2]!.href).searchParams.get('text')).toBe('Tài khoản định danh điện tử đã kích hoạt: hơn\u00a045,2\u00a0triệu tài khoản (20/8/2024)');
      // Copy: the button appears with JavaScript and puts the address on the clipboard.
      await share.locator('.share-copy').click();
      await expect(share.locator('.share-copy').textContent()).resolves.toBe('Đã sao chép liên kết');
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(address);
      // No script from another site.
      const scripts = await page.locator('script[src]').evaluateAll((ss) => ss.map((s) => (s as HTMLScriptElement).src));
      expect(scripts.every((src) => src.startsWith(site.origin))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('without JavaScript the address is there to select, and no copy button shows', async () => {
    const { page, close } = await open('/indicators/eid-accounts-activated/', { javaScriptEnabled: false });
    try {
      await expect(page.locator('main > .share input[data-share-url]').isVisible()).resolves.toBe(true);
      await expect(page.locator('main > .share .share-copy').isHidden()).resolves.toBe(true);
    } finally {
      await close();
    }
  });

  it('every chart has a permalink: an id on its figure, a link to it, and share links for the page at that anchor', async () => {
    const { page, close } = await open('/indicators/eid-accounts-activated/');
    try {
      const figures = await page.locator('figure.chart[data-chart]').evaluateAll((fs) => fs.map((f) => f.id));
      expect(figures.length).toBeGreaterThan(0);
      for (const id of figures) {
        const figure = page.locator(`figure#${id}`);
        await expect(figure.locator('a.chart-permalink').getAttribute('href')).resolves.toBe(`#${id}`);
        await expect(figure.locator('.share input[data-share-url]').inputValue()).resolves.toBe(`http://localhost:4321/indicators/eid-accounts-activated/#${id}`);
      }
    } finally {
      await close();
    }
  });
});

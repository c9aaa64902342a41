/**
 * Static search in a real browser, offline from dist/: a known phrase is found
 * with and without Vietnamese diacritics, in both languages, and the result
 * leads to the page.
 */
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite, closeServer, launchChromium, serve } from './harness.ts';

let site: ReturnType<typeof buildFixtureSite> | undefined;
let server: Server | undefined;
let origin = '';
let browser: Browser | undefined;

beforeAll(async () => {
  site = buildFixtureSite('de-an-06-search-');
  ({ server, origin } = await serve(site.outDir));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await closeServer(server);
  site?.cleanup();
});

async function search(path: string, query: string, expected: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser!.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(origin + path);
  await page.locator('.pagefind-ui__search-input').fill(query);
  await page.locator(`.pagefind-ui__result-link[href*="${expected}"]`).first().waitFor({ timeout: 10_000 });
  return { page, errors, close: () => context.close() };
}

describe('search', () => {
  for (const [query, label] of [['định danh', 'with diacritics'], ['dinh danh', 'without diacritics']] as const) {
    it(`finds a Vietnamese page ${label} and reaches it`, async () => {
      const { page, errors, close } = await search('/search/', query, '/indicators/eid-accounts-activated/');
      try {
        const links = await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
        expect(links).toContain('/indicators/eid-accounts-activated/');
        await page.locator('.pagefind-ui__result-link[href*="/indicators/eid-accounts-activated/"]').first().click();
        await page.waitForURL('**/indicators/eid-accounts-activated/');
        await expect(page.locator('h1').textContent()).resolves.toBe('Tài khoản định danh điện tử đã kích hoạt');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('searches the English pages from /en/search/', async () => {
    const { page, errors, close } = await search('/en/search/', 'electronic ID', '/en/indicators/eid-accounts-activated/');
    try {
      const links = await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links).toContain('/en/indicators/eid-accounts-activated/');
      expect(links.every((link) => link.startsWith('/en/'))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

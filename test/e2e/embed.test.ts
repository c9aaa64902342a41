/**
 * Embeds as a journalist's CMS would use them: a third-party page on another
 * origin, under a strict Content-Security-Policy, pastes the snippet we offer.
 * The iframe must size itself to its content (320, 768, 1280 px), show the
 * chart, raise no console error in host or frame, honour ?theme=, and still
 * show everything at its default height when the host drops the script.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite, closeServer, freePort, launchChromium, serve } from './harness.ts';

const CHARTS = ['eid-accounts-activated', 'eid-accounts-level2-headline', 'identity-headline-compare', 'essential-services-online-progress'];
const WIDTHS = [320, 768, 1280];

let site: ReturnType<typeof buildFixtureSite> | undefined;
let publisher: { server: Server; origin: string } | undefined;
let host: { server: Server; origin: string } | undefined;
let browser: Browser | undefined;

/** The snippet exactly as the oEmbed JSON offers it (the site is built for the local publisher's address). */
function snippet(chart: string, locale = 'vi'): string {
  const json = JSON.parse(readFileSync(join(site!.outDir, 'oembed', locale, `${chart}.json`), 'utf8')) as { html: string };
  return json.html;
}

/** The host: /article?chart=…&script=0|1 is a third-party page holding our snippet, with a strict CSP. */
function hostPages(request: IncomingMessage, response: ServerResponse): boolean {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/favicon.ico') return void response.writeHead(204).end(), true;
  if (url.pathname !== '/article') return false;
  let code = snippet(url.searchParams.get('chart') ?? CHARTS[0]!, url.searchParams.get('lang') ?? 'vi');
  if (url.searchParams.get('script') === '0') code = code.replace(/<script[^>]*><\/script>/, '');
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `default-src 'none'; script-src ${publisher!.origin}; frame-src ${publisher!.origin}; style-src 'self'; img-src 'self'`,
  });
  response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>A newsroom's story</title></head>
<body><h1>A newsroom's story</h1><p>Text before the chart.</p>${code}<p>Text after the chart.</p></body></html>`);
  return true;
}

beforeAll(async () => {
  // Built for the address it is served from: embed.js trusts only that origin.
  const port = await freePort('127.0.0.1');
  site = buildFixtureSite('de-an-06-embed-', { SITE_URL: `http://127.0.0.1:${port}` });
  publisher = await serve(site.outDir, '127.0.0.1', undefined, { port });
  host = await serve(site.work, 'localhost', hostPages);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await closeServer(publisher?.server);
  await closeServer(host?.server);
  site?.cleanup();
});

async function openHost(query: string, width: number): Promise<{ page: Page; frame: Frame; errors: string[]; close: () => Promise<void> }> {
  const context = await browser!.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(`${message.location().url}: ${message.text()}`));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${host!.origin}/article?${query}`, { waitUntil: 'load' });
  const element = page.locator('iframe[data-de-an-06-embed]');
  await element.scrollIntoViewIfNeeded();
  const frame = (await (await element.elementHandle())!.contentFrame())!;
  await frame.waitForLoadState('load');
  return { page, frame, errors, close: () => context.close() };
}

const contentHeight = (frame: Frame) => frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
const frameHeight = (page: Page) => page.locator('iframe[data-de-an-06-embed]').evaluate((iframe) => iframe.getBoundingClientRect().height);

describe('embed on a third-party page with a strict CSP', () => {
  for (const width of WIDTHS) {
    it(`sizes the iframe to its content at ${width} px, draws the chart, no console errors`, async () => {
      const { page, frame, errors, close } = await openHost(`chart=${CHARTS[0]}`, width);
      try {
        await page.locator('iframe[data-de-an-06-resized="true"]').waitFor({ state: 'attached', timeout: 10_000 });
        await page.waitForTimeout(200);
        expect(Math.abs((await frameHeight(page)) - (await contentHeight(frame)))).toBeLessThanOrEqual(2);
        const drawn = await frame.locator('svg.chart-svg').filter({ visible: true }).first().boundingBox();
        expect(drawn?.width ?? 0).toBeGreaterThan(100);
        expect(drawn?.height ?? 0).toBeGreaterThan(100);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('the resizer also follows a change of content (the data table opened)', async () => {
    const { page, frame, close } = await openHost(`chart=${CHARTS[0]}`, 768);
    try {
      await page.locator('iframe[data-de-an-06-resized="true"]').waitFor({ state: 'attached', timeout: 10_000 });
      const before = await frameHeight(page);
      await frame.locator('details.chart-data > summary').click();
      await expect.poll(() => frameHeight(page), { timeout: 5_000 }).toBeGreaterThan(before + 50);
      expect(Math.abs((await frameHeight(page)) - (await contentHeight(frame)))).toBeLessThanOrEqual(2);
    } finally {
      await close();
    }
  });

  for (const chart of CHARTS) {
    it(`without the resizer script, ${chart} is fully visible at the default height`, async () => {
      for (const width of WIDTHS) {
        const { page, frame, errors, close } = await openHost(`chart=${chart}&script=0`, width);
        try {
          const height = await frameHeight(page);
          expect(await page.locator('iframe').getAttribute('data-de-an-06-resized')).toBeNull();
          expect(await contentHeight(frame), `${chart} at ${width}px in a ${height}px frame`).toBeLessThanOrEqual(height);
          expect(errors).toEqual([]);
        } finally {
          await close();
        }
      }
    });
  }
});

describe('embed pages', () => {
  for (const [theme, scheme, dark] of [['dark', 'light', true], ['light', 'dark', false], ['auto', 'dark', true]] as const) {
    it(`?theme=${theme} in a ${scheme} browser gives a ${dark ? 'dark' : 'light'} embed`, async () => {
      const context = await browser!.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      try {
        await page.goto(`${publisher!.origin}/embed/eid-accounts-activated/?theme=${theme}`);
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        const [r, g, b] = background.match(/\d+/g)!.map(Number);
        expect((r! + g! + b!) / 3 < 128, background).toBe(dark);
      } finally {
        await context.close();
      }
    });
  }

  it('a pinned embed shows its data version', async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${publisher!.origin}/en/embed/v/2024-07/eid-accounts-activated/`);
      await expect(page.locator('.chart-caption').textContent()).resolves.toContain('Data update of July 2024');
      await expect(page.locator('figure.chart').getAttribute('data-version')).resolves.toBe('2024-07');
    } finally {
      await context.close();
    }
  });
});

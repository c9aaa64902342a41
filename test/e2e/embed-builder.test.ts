/**
 * The embed builder (/embed/) as a journalist uses it: find a chart by name without diacritics, choose a theme and
 * a pinned release, copy the snippet (from the clipboard), paste it into a newsroom's page on another origin under a
 * strict CSP — and the iframe there shows that chart, in that version and theme, and is resized. Without JavaScript
 * the page still lists every chart's live URL and snippet. The site is served with its own headers: the builder
 * gets the page CSP (framed by no one), the embeds the embed CSP.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSiteAddress } from '../../src/lib/site/address.ts';
import { EMBED_CSP, PAGE_CSP, headersFor } from '../../src/lib/site/security-headers.ts';
import { buildFixtureSite, closeServer, freePort, launchChromium, serve } from './harness.ts';

const CHART = 'eid-accounts-activated';
const RELEASE = '2024-07';

let site: ReturnType<typeof buildFixtureSite> | undefined;
let publisher: { server: Server; origin: string } | undefined;
let host: { server: Server; origin: string } | undefined;
let browser: Browser | undefined;
/** What the journalist pasted into the newsroom's page. */
let pasted = '';

function oembed(chart: string, locale = 'vi'): { html: string; title: string; height: number } {
  return JSON.parse(readFileSync(join(site!.outDir, 'oembed', locale, `${chart}.json`), 'utf8')) as { html: string; title: string; height: number };
}

/** The newsroom's page on another origin: the pasted code, under a strict CSP that allows only our script and frames. */
function hostPages(request: IncomingMessage, response: ServerResponse): boolean {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/favicon.ico') return void response.writeHead(204).end(), true;
  if (url.pathname !== '/story') return false;
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `default-src 'none'; script-src ${publisher!.origin}; frame-src ${publisher!.origin}; style-src 'self'; img-src 'self'`,
  });
  response.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bài của tòa soạn</title></head>
<body><h1>Bài của tòa soạn</h1><p>Đoạn trước biểu đồ.</p>${pasted}<p>Đoạn sau biểu đồ.</p></body></html>`);
  return true;
}

beforeAll(async () => {
  const port = await freePort('127.0.0.1');
  const siteUrl = `http://127.0.0.1:${port}`;
  site = buildFixtureSite('de-an-06-builder-', { SITE_URL: siteUrl });
  const address = readSiteAddress({ SITE_URL: siteUrl });
  publisher = await serve(site.outDir, '127.0.0.1', undefined, { port, headers: (path) => headersFor(path, address) });
  host = await serve(site.work, 'localhost', hostPages);
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await closeServer(publisher?.server);
  await closeServer(host?.server);
  site?.cleanup();
});

describe('embed builder', () => {
  it('builds a pinned, dark snippet that works pasted on another origin under a strict CSP', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: publisher!.origin });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    try {
      const response = await page.goto(`${publisher!.origin}/embed/`);
      // A page of the site, not an embed: nobody else may frame it.
      expect(response?.headers()['content-security-policy']).toBe(PAGE_CSP);
      await page.locator('[data-embed-builder]').waitFor({ state: 'visible' });

      // Find it by name, typed without diacritics: the same charts as with them.
      const shown = () => page.locator('#builder-chart option:not([hidden])').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
      await page.fill('#builder-filter', 'định danh điện tử đã kích hoạt');
      const withDiacritics = await shown();
      await page.fill('#builder-filter', 'dinh danh dien tu da kich hoat');
      expect(await shown()).toEqual(withDiacritics);
      expect(withDiacritics).toContain(CHART);
      expect(withDiacritics.length).toBeLessThan(await page.locator('#builder-chart option').count());
      await page.selectOption('#builder-chart', CHART);

      // The releases offered are those in which the chart changed.
      const offered = await page.locator('#builder-release option:not([disabled])').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
      expect(offered).toEqual(['', '2024-08', RELEASE]);
      await page.selectOption('#builder-release', RELEASE);
      await page.check('input[name="builder-theme"][value="dark"]');
      await page.check('input[name="builder-width"][value="360"]');

      // The builder's own preview: the chosen page, 360 px wide, resized by embed.js.
      const preview = page.locator('#builder-frame');
      await expect.poll(() => preview.getAttribute('src')).toBe(`/embed/v/${RELEASE}/${CHART}/?theme=dark`);
      expect((await preview.boundingBox())?.width).toBeLessThanOrEqual(362);
      await page.locator('#builder-frame[data-de-an-06-resized="true"]').waitFor({ state: 'attached', timeout: 10_000 });

      // Copy: the clipboard holds the textarea's snippet, which is the oEmbed JSON's, pointing at the choice.
      await page.click('button[data-copy-target="builder-snippet"]');
      await expect.poll(() => page.locator('button[data-copy-target="builder-snippet"]').getAttribute('data-copied')).toBe('true');
      pasted = await page.evaluate(() => navigator.clipboard.readText());
      expect(pasted).toBe(await page.inputValue('#builder-snippet'));
      const json = oembed(CHART);
      const live = `${publisher!.origin}/embed/${CHART}/`;
      expect(json.html).toContain(`src="${live}"`);
      expect(pasted).toBe(json.html.replace(live, `${publisher!.origin}/embed/v/${RELEASE}/${CHART}/?theme=dark`));
      expect(await page.inputValue('#builder-oembed')).toBe(`${publisher!.origin}/oembed/vi/${CHART}.json`);
      // The choice is in the address, to share or come back to.
      expect(new URL(page.url()).search).toBe(`?chart=${CHART}&v=${RELEASE}&theme=dark`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }

    // The newsroom's page, on another origin, in a light browser: the embed is the chosen chart, version and theme.
    const newsroom = await browser!.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'light' });
    const story = await newsroom.newPage();
    const problems: string[] = [];
    story.on('console', (message) => message.type() === 'error' && problems.push(`${message.location().url}: ${message.text()}`));
    story.on('pageerror', (error) => problems.push(error.message));
    try {
      await story.goto(`${host!.origin}/story`, { waitUntil: 'load' });
      const iframe = story.locator('iframe[data-de-an-06-embed]');
      await iframe.scrollIntoViewIfNeeded();
      const frame = (await (await iframe.elementHandle())!.contentFrame())!;
      await frame.waitForLoadState('load');
      expect(new URL(frame.url()).pathname).toBe(`/embed/v/${RELEASE}/${CHART}/`);
      await expect(frame.locator('body').getAttribute('data-chart')).resolves.toBe(CHART);
      await expect(frame.locator('figure.chart').getAttribute('data-version')).resolves.toBe(RELEASE);
      await expect(frame.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
      const background = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = background.match(/\d+/g)!.map(Number);
      expect((r! + g! + b!) / 3, background).toBeLessThan(128);
      // Resized by the resizer it loaded from our origin: the frame is as tall as its content.
      await story.locator('iframe[data-de-an-06-resized="true"]').waitFor({ state: 'attached', timeout: 10_000 });
      await story.waitForTimeout(200);
      const content = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
      const height = await iframe.evaluate((element) => element.getBoundingClientRect().height);
      expect(Math.abs(height - content)).toBeLessThanOrEqual(2);
      expect(problems).toEqual([]);
    } finally {
      await newsroom.close();
    }
  }, 60_000);

  it('without JavaScript: the builder in its first state (the lead chart\'s snippet, oEmbed URL, preview), and every chart\'s code, in both languages', async () => {
    const context = await browser!.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      for (const locale of ['vi', 'en'] as const) {
        const prefix = locale === 'en' ? '/en' : '';
        const response = await page.goto(`${publisher!.origin}${prefix}/embed/`);
        expect(response?.headers()['content-security-policy']).toBe(PAGE_CSP);
        // The builder is there, its controls (which need the code) are not; a note says whose code it shows.
        expect(await page.locator('[data-embed-builder]').isVisible()).toBe(true);
        expect(await page.locator('.builder-controls').isVisible()).toBe(false);
        const first = await page.inputValue('#builder-chart');
        expect(first).not.toBe('');
        const json = oembed(first, locale);
        await expect(page.locator('[data-embed-builder] noscript').textContent()).resolves.toContain(json.title);
        // The snippet to copy is the chart's oEmbed snippet (live, auto theme); the oEmbed URL is the chart's.
        await expect(page.inputValue('#builder-snippet')).resolves.toBe(json.html);
        await expect(page.inputValue('#builder-oembed')).resolves.toBe(`${publisher!.origin}/oembed/${locale}/${first}.json`);
        await expect(page.locator('#builder-open').getAttribute('href')).resolves.toBe(`${publisher!.origin}${prefix}/embed/${first}/`);
        // The preview frames that chart's embed page, at phone width, as tall as the oEmbed JSON says.
        const frame = page.locator('#builder-frame');
        await expect(frame.getAttribute('src')).resolves.toBe(`${prefix}/embed/${first}/`);
        await expect(frame.getAttribute('height')).resolves.toBe(String(json.height));
        expect((await frame.boundingBox())?.width).toBeLessThanOrEqual(362);
        const content = (await (await frame.elementHandle())!.contentFrame())!;
        await content.waitForLoadState('load');
        await expect(content.locator('body').getAttribute('data-chart')).resolves.toBe(first);
        // And every chart's own code below.
        const item = page.locator(`#chart-${CHART}`);
        await expect(item.locator('textarea').inputValue()).resolves.toBe(oembed(CHART, locale).html);
        await expect(item.locator('a').getAttribute('href')).resolves.toBe(`${publisher!.origin}${prefix}/embed/${CHART}/`);
        // One item per chart on the site (one oEmbed file per chart).
        expect(await page.locator('.embed-list > li').count()).toBe(readdirSync(join(site!.outDir, 'oembed', locale)).length);
      }
      // The embeds themselves keep the embed CSP.
      const embed = await page.goto(`${publisher!.origin}/embed/${CHART}/`);
      expect(embed?.headers()['content-security-policy']).toBe(EMBED_CSP);
    } finally {
      await context.close();
    }
  });

  it('loads only its small loader until a control is used; the first use loads the builder and works', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // Every script the page itself requests (not the preview's embed page), with its bytes as served, in order.
    const scripts: Array<{ url: string; bytes: number }> = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script' || response.frame() !== page.mainFrame()) return;
      void response.body().then((body) => scripts.push({ url: new URL(response.url()).pathname, bytes: body.length }), () => undefined);
    });
    try {
      await page.goto(`${publisher!.origin}/embed/`, { waitUntil: 'load' });
      await page.locator('.builder-controls').waitFor({ state: 'visible' });
      await page.waitForTimeout(500);
      const before = [...scripts];
      // The scripts the page names and what they import statically: the resizer, the loader and its helpers.
      const html = readFileSync(join(site!.outDir, 'embed', 'index.html'), 'utf8');
      const named = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]!);
      expect(before.map((script) => script.url)).toEqual(expect.arrayContaining(named));
      const builderChunk = /\/embed-builder\.[\w-]+\.js$/;
      expect(before.some((script) => builderChunk.test(script.url))).toBe(false);
      // The page is already in its first state: the lead chart's snippet, not an empty field.
      const first = await page.inputValue('#builder-chart');
      await expect(page.inputValue('#builder-snippet')).resolves.toBe(oembed(first).html);
      expect(new URL(page.url()).search).toBe('');

      // First use: focus the filter, type. The builder's code loads (more bytes than all the page loaded before) and filters.
      await page.focus('#builder-filter');
      await page.keyboard.type('dinh danh dien tu da kich hoat');
      await expect.poll(() => scripts.some((script) => builderChunk.test(script.url))).toBe(true);
      const after = scripts.filter((script) => !before.includes(script));
      const bytes = (list: typeof scripts) => list.reduce((sum, script) => sum + script.bytes, 0);
      expect(bytes(before)).toBeLessThan(bytes(after));
      await expect.poll(() => page.locator('#builder-chart option:not([hidden])').count()).toBeLessThan(await page.locator('#builder-chart option').count());
      await page.selectOption('#builder-chart', CHART);
      await expect.poll(() => page.inputValue('#builder-snippet')).toBe(oembed(CHART).html);
      await expect.poll(() => page.locator('#builder-frame').getAttribute('src')).toBe(`/embed/${CHART}/`);
      expect(new URL(page.url()).search).toBe(`?chart=${CHART}`);
    } finally {
      await context.close();
    }
  });

  it('a copy button used first copies the code shown (the builder loads on that click)', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: publisher!.origin });
    const page = await context.newPage();
    try {
      await page.goto(`${publisher!.origin}/en/embed/`);
      const button = page.locator('button[data-copy-target="builder-snippet"]');
      await button.waitFor({ state: 'visible' });
      // A wide screen previews at desktop width from the start.
      await expect(page.locator('input[name="builder-width"][value="680"]').isChecked()).resolves.toBe(true);
      await button.click();
      await expect.poll(() => button.getAttribute('data-copied')).toBe('true');
      const first = await page.inputValue('#builder-chart');
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(oembed(first, 'en').html);
    } finally {
      await context.close();
    }
  });

  it('a pinned embed opened with an explorer view says, in its language, that the view does not apply; without one it says nothing', async () => {
    const context = await browser!.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    try {
      const note = page.locator('[data-pinned-view-note]');
      for (const [prefix, words] of [['', 'Phiên bản cố định hiển thị biểu đồ đúng như khi công bố'], ['/en', 'A pinned version shows the chart as published']] as const) {
        const response = await page.goto(`${publisher!.origin}${prefix}/embed/v/${RELEASE}/${CHART}/?indicators=${CHART}&from=2024-07&view=table&theme=dark`);
        expect(response?.headers()['content-security-policy']).toBe(EMBED_CSP);
        await note.waitFor({ state: 'visible' });
        await expect(note.textContent()).resolves.toContain(words);
        // The chart is still the one published in that release (no table view, no other range), in the theme asked.
        await expect(page.locator('figure.chart').getAttribute('data-version')).resolves.toBe(RELEASE);
        await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
        // Only a view's parameters bring the note: a theme alone, or nothing, does not.
        await page.goto(`${publisher!.origin}${prefix}/embed/v/${RELEASE}/${CHART}/?theme=dark`);
        await page.waitForLoadState('load');
        await expect(note.isVisible()).resolves.toBe(false);
        await expect(note.count()).resolves.toBe(1);
      }
      // A live embed has no such note: it draws the view.
      await page.goto(`${publisher!.origin}/embed/${CHART}/?indicators=${CHART}&from=2024-07`);
      await expect(note.count()).resolves.toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a chart\'s "Embed" tool opens the builder with that chart chosen', async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${publisher!.origin}/en/indicators/${CHART}/`);
      const link = page.locator(`.chart-tool a[href$="/en/embed/?chart=${CHART}"]`).first();
      // The Embed tool among a chart's tools (Share, Download, Cite…): open the one that holds the link.
      await page.locator('details.chart-tool', { has: page.locator(`a[href$="/en/embed/?chart=${CHART}"]`) }).first().locator('summary').click();
      await link.click();
      await page.locator('[data-embed-builder]').waitFor({ state: 'visible' });
      await expect(page.inputValue('#builder-chart')).resolves.toBe(CHART);
      await expect(page.inputValue('#builder-snippet')).resolves.toBe(oembed(CHART, 'en').html);
    } finally {
      await context.close();
    }
  });
});

/**
 * The home page on a phone, in a real browser: the first 360×800 screen shows the newest update's date and at least
 * one lead figure with its date; no big number's value or unit breaks inside a word (at 360 and 1280 px); the page is
 * short (its full height at 360 px is printed, and must stay under half the 6,751 px the 2026-12 review measured);
 * axe finds nothing in light or dark.
 *
 * Builds the fixture site; set HOME_DIST to a built dist/ (e.g. after `npm run build`) to measure the real site.
 * Needs Chromium (see harness.ts).
 */
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite, closeServer, launchChromium, root, serve } from './harness.ts';

const axePath = join(root, 'node_modules/axe-core/axe.min.js');
/** The phone home page's height in the review that asked for a shorter page (reader-walkthrough.md, §1). */
const REVIEW_HEIGHT = 6751;

let site: ReturnType<typeof buildFixtureSite> | undefined;
let server: Server | undefined;
let origin = '';
let browser: Browser | undefined;

beforeAll(async () => {
  const dist = process.env.HOME_DIST;
  if (!dist) site = buildFixtureSite('de-an-06-home-');
  ({ server, origin } = await serve(dist ?? site!.outDir));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await closeServer(server);
  site?.cleanup();
});

async function open(path: string, width: number, height: number, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser!.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  const response = await page.goto(origin + path, { waitUntil: 'load' });
  expect(response?.status(), `${path} status`).toBe(200);
  return { page, close: () => context.close() };
}

/** Whether an element's box lies wholly within the first screen (no scrolling). */
async function onFirstScreen(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
  });
}

for (const path of ['/', '/en/']) {
  describe(`home ${path}`, () => {
    it('shows the newest update and a lead figure with its date on the first 360×800 screen', async () => {
      const { page, close } = await open(path, 360, 800);
      try {
        const kicker = page.locator('.home-news .kicker time');
        expect(await kicker.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}$/);
        expect(await onFirstScreen(page, '.home-news .kicker')).toBe(true);
        expect(await onFirstScreen(page, '.home-news h2')).toBe(true);
        const card = page.locator('.lead-figure').first();
        expect(await card.count()).toBe(1);
        expect(await onFirstScreen(page, '.lead-figure .big-number')).toBe(true);
        expect(await onFirstScreen(page, '.lead-figure .as-of time')).toBe(true);
        expect(await page.locator('.lead-figure .as-of time').first().getAttribute('datetime')).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'no sideways scrolling').toBe(0);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        console.log(`home ${path}: full height at 360 px = ${height} px`);
        expect(height).toBeLessThan(REVIEW_HEIGHT / 2);
      } finally {
        await close();
      }
    });

    it('never breaks a big number or its unit inside a word, at 360 and 1280 px', async () => {
      for (const width of [360, 1280]) {
        const { page, close } = await open(path, width, 900);
        try {
          // A line may end only at a space: two letters side by side in the text must sit on the same line.
          const broken = await page.locator('.big-number').evaluateAll((els) =>
            els.flatMap((el) => {
              const chars: Array<{ ch: string; top: number }> = [];
              const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const text = node.textContent ?? '';
                for (let i = 0; i < text.length; i++) {
                  const range = document.createRange();
                  range.setStart(node, i);
                  range.setEnd(node, i + 1);
                  const rect = range.getClientRects()[0];
                  // A space collapsed at a line's end has no box: it still separates the letters on either side.
                  chars.push({ ch: text[i]!, top: rect ? Math.round(rect.top) : Number.NaN });
                }
              }
              const breaks = chars.flatMap((c, i) => (i > 0 && !/\s/.test(c.ch) && !/\s/.test(chars[i - 1]!.ch) && Number.isFinite(c.top) && Number.isFinite(chars[i - 1]!.top) && c.top !== chars[i - 1]!.top ? [i] : []));
              return breaks.length > 0 ? [el.textContent] : [];
            }));
          expect(broken, `wrapped at ${width} px`).toEqual([]);
          expect(await page.locator('.big-number .big-value').count()).toBeGreaterThan(0);
          expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `no sideways scrolling at ${width} px`).toBe(0);
          // Every run of the number stays inside its card's padding (a wide window's narrow cards too).
          const spilling = await page.locator('.card .big-number').evaluateAll((els) =>
            els.flatMap((el) => {
              const card = el.closest('.card')!.getBoundingClientRect();
              const runs = [...el.querySelectorAll('.big-value, .big-unit')].map((run) => run.getBoundingClientRect());
              return runs.some((run) => run.right > card.right - 1 || run.left < card.left) ? [el.textContent] : [];
            }));
          expect(spilling, `big numbers wider than their card at ${width} px`).toEqual([]);
        } finally {
          await close();
        }
      }
    });

    it('shows each indicator once', async () => {
      const { page, close } = await open(path, 360, 800);
      try {
        const hrefs = await page.locator('main .lead-figure h3 a, main .bulletin-list a[href*="/indicators/"], main .figure-lines a[href*="/indicators/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
        expect(hrefs.length).toBeGreaterThan(0);
        expect(new Set(hrefs).size, hrefs.join(' ')).toBe(hrefs.length);
        // No chart repeats a card.
        expect(await page.locator('main figure.chart').count()).toBe(0);
      } finally {
        await close();
      }
    });

    for (const scheme of ['light', 'dark'] as const) {
      it(`has no axe violations (${scheme}, 360 px)`, async () => {
        const { page, close } = await open(path, 360, 800, scheme);
        try {
          await page.addScriptTag({ path: axePath });
          const violations = await page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
            const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
            return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
          });
          expect(violations).toEqual([]);
        } finally {
          await close();
        }
      });
    }
  });
}

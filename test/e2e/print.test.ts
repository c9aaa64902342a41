/**
 * Print (issue 11, item 9), in a real browser on the fixture site: a story, an indicator page and a bulletin, in
 * print media (light and dark), are black on white, without navigation, language switch, chart tools or buttons;
 * charts and tables are whole (no scroll box cuts them) and the sources' sentences unfolded; each source link is
 * followed by its address written out, and no internal link is. Each page also prints to a PDF (page.pdf()) that
 * keeps the source links. The checks read computed styles (emulateMedia), which is robust; the PDF's text is not
 * parsed (glyphs are subset-encoded), only its structure.
 *
 * Needs Chromium (see harness.ts).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildFixtureSite, useFixtureSite } from './harness.ts';

const PAGES = [
  { kind: 'story', path: '/articles/cau-chuyen-thu-nghiem/', source: 'https://example.org/august' },
  { kind: 'indicator page', path: '/indicators/eid-accounts-activated/', source: 'https://example.org/june' },
  { kind: 'bulletin', path: '/months/2024-08/', source: 'https://example.org/correction' },
  { kind: 'English bulletin', path: '/en/months/2024-08/', source: 'https://example.org/usage' },
] as const;

/** A4 (210 mm) less the page margins of the print stylesheet (2 × 14 mm), in CSS pixels. */
const PAPER_WIDTH = Math.round(((210 - 28) / 25.4) * 96);

const site = useFixtureSite(() => buildFixtureSite('de-an-06-print-'));

async function openForPrint(path: string, colorScheme: 'light' | 'dark'): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await site.browser.newContext({ viewport: { width: PAPER_WIDTH, height: 1000 }, colorScheme });
  const page = await context.newPage();
  const response = await page.goto(site.origin + path, { waitUntil: 'load' });
  expect(response?.status(), `${path} status`).toBe(200);
  await page.emulateMedia({ media: 'print', colorScheme });
  return { page, close: () => context.close() };
}

describe('pages print cleanly', () => {
  for (const { kind, path, source } of PAGES) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`${kind} (${path}), ${colorScheme} theme`, async () => {
        const { page, close } = await openForPrint(path, colorScheme);
        try {
          const state = await page.evaluate(() => {
            const visible = (selector: string) => [...document.querySelectorAll(selector)].filter((el) => el.checkVisibility()).length;
            const after = (a: Element) => getComputedStyle(a, '::after').content;
            const external = [...document.querySelectorAll<HTMLAnchorElement>('main a[rel~="external"][href^="http"]')].filter((a) => a.checkVisibility());
            const internal = [...document.querySelectorAll<HTMLAnchorElement>('main a:not([rel~="external"])')].filter((a) => a.checkVisibility());
            const body = getComputedStyle(document.body);
            return {
              hidden: {
                navigation: visible('nav'), skipLink: visible('.skip-link'), languageSwitch: visible('.lang-switch'),
                chartTools: visible('.chart-tools'), buttons: visible('button'), chartToggles: visible('.chart-toggle'),
              },
              navText: [...document.querySelectorAll<HTMLElement>('.site-nav a')].map((a) => a.textContent!.trim()),
              headerText: document.querySelector<HTMLElement>('.site-header')!.innerText,
              charts: visible('figure.chart svg.chart-svg'),
              tables: visible('table.figures'),
              quotes: [...document.querySelectorAll('table.figures')].filter((t) => t.checkVisibility()).flatMap((t) => [...t.querySelectorAll('blockquote')].map((q) => q.checkVisibility())),
              cutBoxes: [...document.querySelectorAll<HTMLElement>('.table-scroll')].filter((b) => b.checkVisibility() && b.scrollWidth > b.clientWidth + 1).length,
              externalAfter: external.map((a) => ({ href: a.href, after: after(a) })),
              internalAfter: internal.map(after).filter((c) => c !== 'none' && c !== 'normal'),
              colours: { text: body.color, background: body.backgroundColor, link: external[0] ? getComputedStyle(external[0]).color : '', chart: (() => { const svg = document.querySelector('figure.chart svg.chart-svg'); return svg ? getComputedStyle(svg).color : 'rgb(0, 0, 0)'; })() },
            };
          });
          expect(state.hidden, 'screen-only parts hidden on paper').toEqual({ navigation: 0, skipLink: 0, languageSwitch: 0, chartTools: 0, buttons: 0, chartToggles: 0 });
          // The header keeps the site's name only: none of the menu's words.
          for (const word of state.navText) expect(state.headerText, 'header text on paper').not.toContain(word);
          expect(state.charts, 'charts drawn').toBeGreaterThan(0);
          expect(state.tables, 'figures tables printed').toBeGreaterThan(0);
          expect(state.quotes.length, 'quotes in the tables').toBeGreaterThan(0);
          expect(state.quotes.every(Boolean), 'every source sentence unfolded').toBe(true);
          expect(state.cutBoxes, 'table boxes that would cut their table').toBe(0);
          expect(state.externalAfter.length, 'source links').toBeGreaterThan(0);
          for (const { href, after } of state.externalAfter) expect(after, `address after ${href}`).toBe(`" (${href})"`);
          expect(state.externalAfter.map((e) => e.href)).toContain(source);
          expect(state.internalAfter, 'internal links carry no address').toEqual([]);
          // Black (or the #333 of muted text) on white, whatever the screen's theme.
          expect(state.colours.background).toBe('rgb(255, 255, 255)');
          for (const [what, colour] of Object.entries(state.colours).filter(([what]) => what !== 'background')) {
            expect(Math.max(...(colour.match(/\d+/g) ?? ['255']).slice(0, 3).map(Number)), `${what} colour ${colour}`).toBeLessThanOrEqual(0x33);
          }
        } finally {
          await close();
        }
      });
    }
  }

  for (const { kind, path, source } of PAGES.slice(0, 3)) {
    it(`${kind} (${path}) prints to a PDF that keeps its source links`, async () => {
      const { page, close } = await openForPrint(path, 'dark');
      try {
        const pdf = await page.pdf({ format: 'A4' });
        const text = pdf.toString('latin1');
        expect(text.startsWith('%PDF-'), 'a PDF').toBe(true);
        const pages = text.match(/\/Type\s*\/Page\b/g)?.length ?? 0;
        console.log(`${path}: ${pages} A4 page(s), ${pdf.length} bytes`);
        expect(pages).toBeGreaterThan(0);
        expect(pages, 'a short fixture page prints on a few sheets').toBeLessThanOrEqual(12);
        // Link annotations: the source's address is in the PDF.
        expect(text).toContain(`/URI (${source})`);
      } finally {
        await close();
      }
    });
  }
});

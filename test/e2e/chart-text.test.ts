/**
 * Chart typography and honesty at every size (issue 11), in Chromium on the fixture site:
 * - chart text reads at one size (11–14 px on screen: computed font size × the SVG's scale) on an indicator page,
 *   in a story and in an embed, at 360, 768 and 1280 px, with JavaScript on and off;
 * - date ticks always carry a month ("1/2025", never "2025" alone), at least two on every time axis;
 * - the tooltip never covers its point (keyboard, and a tap on a phone with the chart at the top of the screen).
 * The share view's words are tested in test/unit/chart-axes.test.ts (the fixture site has no count/share toggle).
 *
 * Needs Chromium: `apt-get install -y chromium` (.ci/run installs it), or set CHROMIUM_PATH.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildFixtureSite, useFixtureSite } from './harness.ts';

/** The band chart text must stay in, in CSS px on screen. */
const BAND = { min: 11, max: 14 } as const;
const WIDTHS = [360, 768, 1280] as const;
const CONTEXTS = {
  indicator: '/indicators/eid-accounts-activated/',
  story: '/articles/cau-chuyen-thu-nghiem/',
  embed: '/embed/eid-accounts-activated/',
  'indicator (en)': '/en/indicators/eid-accounts-activated/',
} as const;
const TIME_SERIES = '#chart-eid-accounts-activated';

const site = useFixtureSite(() => buildFixtureSite('de-an-06-chart-text-'), 300_000);

async function open(path: string, options: BrowserContextOptions): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  const response = await page.goto(site.origin + path, { waitUntil: 'load' });
  expect(response?.status(), `${path} status`).toBe(200);
  return { page, close: () => context.close() };
}

/** Every text of every visible chart SVG on the page: its size on screen, and whether it is an x tick label. */
function chartText(page: Page) {
  return page.evaluate(() => [...document.querySelectorAll<SVGSVGElement>('.chart-plot svg.chart-svg')]
    .filter((svg) => svg.getClientRects().length > 0)
    .map((svg) => {
      const scale = svg.getScreenCTM()!.a;
      // Tick labels: the axes' text groups (translate(-9,0) for y and translate(0,9) for x, in Plot's output and the explorer's).
      const ticks = [...svg.querySelectorAll('g[transform="translate(-9,0)"] text, g[transform="translate(0,9)"] text')];
      const xTicks = [...svg.querySelectorAll('g[transform="translate(0,9)"] text')].map((text) => text.textContent ?? '');
      return {
        chart: svg.closest('figure')?.id ?? '',
        drawnWidth: svg.viewBox.baseVal.width,
        shownWidth: Math.round(svg.getBoundingClientRect().width),
        sizes: ticks.map((text) => parseFloat(getComputedStyle(text).fontSize) * scale),
        xTicks,
      };
    }));
}

describe('chart text is one size in every context', () => {
  for (const width of WIDTHS) {
    for (const javaScript of [true, false]) {
      it(`${width} px, JavaScript ${javaScript ? 'on' : 'off'}`, async () => {
        const { page, close } = await open('/', { viewport: { width, height: 900 }, javaScriptEnabled: javaScript });
        try {
          for (const [name, path] of Object.entries(CONTEXTS)) {
            await page.goto(site.origin + path, { waitUntil: 'load' });
            const charts = await chartText(page);
            expect(charts.length, `${name}: charts drawn`).toBeGreaterThan(0);
            for (const chart of charts) {
              const where = `${name} at ${width}: ${chart.chart} (drawn ${chart.drawnWidth}, shown ${chart.shownWidth}): ${chart.sizes.map((x) => x.toFixed(1)).join(', ')}`;
              expect(chart.sizes.length, where).toBeGreaterThan(0);
              expect(Math.max(...chart.sizes), where).toBeLessThanOrEqual(BAND.max + 0.05);
              expect(Math.min(...chart.sizes), where).toBeGreaterThanOrEqual(BAND.min);
              // No date tick is a bare year, and a time axis has at least two ticks.
              for (const tick of chart.xTicks) expect(tick, where).not.toMatch(/^\d{4}$/);
              if (chart.xTicks.some((tick) => /\d{4}$/.test(tick))) expect(chart.xTicks.length, where).toBeGreaterThanOrEqual(2);
            }
          }
        } finally {
          await close();
        }
      });
    }
  }
});

/** The centre of the active point and the tooltip's box, in viewport pixels. */
async function tipAndPoint(page: Page, chart: string) {
  return page.locator(chart).evaluate((figure) => {
    const tip = figure.querySelector('.chart-tooltip')!.getBoundingClientRect();
    const point = [...figure.querySelectorAll('[data-i].active')].find((s) => s.getClientRects().length > 0)!.getBoundingClientRect();
    return {
      tip: { left: tip.left, right: tip.right, top: tip.top, bottom: tip.bottom },
      centre: { x: point.left + point.width / 2, y: point.top + point.height / 2 },
      placement: (figure.querySelector('.chart-tooltip') as HTMLElement).dataset.placement,
    };
  });
}

function covers({ tip, centre }: Awaited<ReturnType<typeof tipAndPoint>>): boolean {
  return centre.x >= tip.left && centre.x <= tip.right && centre.y >= tip.top && centre.y <= tip.bottom;
}

async function enhanced(page: Page, chart: string): Promise<void> {
  await page.locator(chart).scrollIntoViewIfNeeded();
  await page.locator(`${chart} .chart-plot[data-enhanced="true"]`).waitFor({ state: 'attached', timeout: 5_000 });
}

describe('the tooltip never covers its point', () => {
  for (const width of WIDTHS) {
    it(`stepping through every point from the keyboard at ${width} px`, async () => {
      const { page, close } = await open(CONTEXTS.indicator, { viewport: { width, height: 800 } });
      try {
        await enhanced(page, TIME_SERIES);
        const plot = page.locator(`${TIME_SERIES} .chart-plot`);
        await plot.focus();
        await page.keyboard.press('Home');
        const count = await page.locator(`${TIME_SERIES} [data-i]`).evaluateAll((shapes) => shapes.filter((s) => s.getClientRects().length > 0).length);
        expect(count).toBeGreaterThan(1);
        for (let k = 0; k < count; k++) {
          if (k > 0) await page.keyboard.press('ArrowRight');
          const placed = await tipAndPoint(page, TIME_SERIES);
          expect(covers(placed), `point ${k} at ${width}: ${JSON.stringify(placed)}`).toBe(false);
        }
      } finally {
        await close();
      }
    });
  }

  it('after a tap on a phone, even with the chart at the top of the screen', async () => {
    const { page, close } = await open(CONTEXTS.indicator, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    try {
      await enhanced(page, TIME_SERIES);
      // The chart's plot at the very top of the viewport: there is no room above the highest points.
      await page.locator(`${TIME_SERIES} .chart-plot`).evaluate((plot) => window.scrollBy(0, plot.getBoundingClientRect().top));
      const points = page.locator(`${TIME_SERIES} [data-i]`).filter({ visible: true });
      const count = await points.count();
      for (let k = 0; k < count; k++) {
        await points.nth(k).tap();
        await page.locator(`${TIME_SERIES} .chart-tooltip`).waitFor({ state: 'visible', timeout: 2_000 });
        const placed = await tipAndPoint(page, TIME_SERIES);
        expect(covers(placed), `tap on point ${k}: ${JSON.stringify(placed)}`).toBe(false);
      }
    } finally {
      await close();
    }
  });
});

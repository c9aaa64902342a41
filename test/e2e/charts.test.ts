/**
 * Charts in a real browser: builds the fixture site, serves dist/ over HTTP and
 * drives Debian's Chromium (playwright-core, no browser download) to check
 * tooltips (pointer and keyboard), the no-JavaScript fallback, console errors,
 * accessibility (axe-core, WCAG 2.1 A/AA, light and dark) and that chart labels
 * fit their figure on a 320 px phone and a 1280 px desktop.
 *
 * Needs Chromium: `apt-get install -y chromium` (.ci/run installs it), or set
 * CHROMIUM_PATH to another Chromium binary.
 */
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AUGUST_2024_JSON } from '../fixtures/fixture-data.ts';
import { buildFixtureSite, root, useFixtureSite } from './harness.ts';
const axePath = join(root, 'node_modules/axe-core/axe.min.js');

const TIME_SERIES = '#chart-eid-accounts-activated';
const INDICATOR_PAGE = '/indicators/eid-accounts-activated/';
const MONTH_PAGE = '/months/2024-08/';
// Home has no charts since it leads with the news (issue 11): the fixture story holds one chart of every kind.
const STORY = '/articles/cau-chuyen-thu-nghiem/';
const STORY_EN = '/en/articles/test-story/';

// Expected tooltip values, derived from the fixture: the latest and the previous (revised) eid-accounts-activated figures.
const activated = (JSON.parse(AUGUST_2024_JSON) as { figures: Array<{ indicator: string; value: number; as_of: string; qualifier?: string }> }).figures
  .filter((f) => f.indicator === 'eid-accounts-activated')
  .sort((a, b) => a.as_of.localeCompare(b.as_of));
const latest = activated.at(-1)!;
const revisedJuly = activated.at(-2)!;
if (latest.value !== 45_200_000 || latest.qualifier !== 'more-than' || revisedJuly.value !== 41_500_000 || revisedJuly.as_of !== '2024-07-15') {
  throw new Error('the fixture changed: update the expected tooltip values below');
}
const EXPECTED = {
  vi: { latest: /^hơn\s+45,2\s+triệu\s+tài khoản$/, previous: /^41,5\s+triệu\s+tài khoản$/, date: /20\/8\/2024/ },
  en: { latest: /^more than\s+45\.2\s+million\s+accounts$/, previous: /^41\.5\s+million\s+accounts$/, date: /20 August 2024/ },
};

const site = useFixtureSite(() => buildFixtureSite('de-an-06-e2e-'));

/** Opens a page in a fresh context; the caller closes the context via the returned close(). */
async function open(path: string, options: BrowserContextOptions = {}): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const response = await page.goto(site.origin + path, { waitUntil: 'load' });
  expect(response?.status(), `${path} status`).toBe(200);
  return { page, close: () => context.close() };
}

/** Scrolls the chart into view and waits until the tooltip script has enhanced it. */
async function enhanced(page: Page, chart: string): Promise<void> {
  await page.locator(chart).scrollIntoViewIfNeeded();
  await page.locator(`${chart} .chart-plot[data-enhanced="true"]`).waitFor({ state: 'attached', timeout: 5_000 });
}

/** The visible drawn point with the highest data-i (the latest figure). */
async function lastVisiblePoint(page: Page, chart: string) {
  const indices = await page.locator(`${chart} [data-i]`).evaluateAll((shapes) =>
    shapes.filter((s) => s.getClientRects().length > 0).map((s) => Number(s.getAttribute('data-i'))));
  expect(indices.length, 'visible points in the time series').toBeGreaterThan(1);
  const last = Math.max(...indices);
  const points = JSON.parse(await page.locator(`${chart} script.chart-points`).textContent() ?? '[]') as unknown[];
  expect(last, 'the last drawn point is the last point of the data').toBe(points.length - 1);
  return page.locator(`${chart} [data-i="${last}"]`).filter({ visible: true });
}

describe('chart tooltips', () => {
  for (const [locale, path] of [['vi', STORY], ['en', STORY_EN]] as const) {
    it(`shows the value of the hovered point (${locale})`, async () => {
      const { page, close } = await open(path);
      try {
        await enhanced(page, TIME_SERIES);
        const tip = page.locator(`${TIME_SERIES} .chart-tooltip`);
        await expect(tip.getAttribute('role')).resolves.toBe('status');
        expect(await tip.isHidden(), 'tooltip hidden before hover').toBe(true);
        await (await lastVisiblePoint(page, TIME_SERIES)).hover();
        await tip.waitFor({ state: 'visible', timeout: 2_000 });
        expect(await tip.locator('.tip-value').textContent()).toMatch(EXPECTED[locale].latest);
        expect(await tip.locator('.tip-date').textContent()).toMatch(EXPECTED[locale].date);
        expect(await tip.locator('.tip-source').textContent()).toContain('Fixture Gazette');
      } finally {
        await close();
      }
    });
  }

  it('works from the keyboard: focus shows the last point, ArrowLeft the previous, Escape hides', async () => {
    const { page, close } = await open(STORY);
    try {
      await enhanced(page, TIME_SERIES);
      const plot = page.locator(`${TIME_SERIES} .chart-plot`);
      const tip = plot.locator('.chart-tooltip');
      expect(await plot.getAttribute('tabindex')).toBe('0');
      expect(await plot.getAttribute('role')).toBe('group');
      expect(await plot.getAttribute('aria-label')).toMatch(/phím mũi tên/);
      await plot.focus();
      await tip.waitFor({ state: 'visible', timeout: 2_000 });
      expect(await tip.locator('.tip-value').textContent()).toMatch(EXPECTED.vi.latest);
      await page.keyboard.press('ArrowLeft');
      expect(await tip.locator('.tip-value').textContent()).toMatch(EXPECTED.vi.previous);
      expect(await plot.locator('[data-i].active').filter({ visible: true }).count()).toBe(1);
      await page.keyboard.press('ArrowRight');
      expect(await tip.locator('.tip-value').textContent()).toMatch(EXPECTED.vi.latest);
      await page.keyboard.press('Escape');
      expect(await tip.isHidden(), 'Escape hides the tooltip').toBe(true);
      expect(await tip.getAttribute('hidden')).not.toBeNull();
    } finally {
      await close();
    }
  });
});

describe('citation', () => {
  it('gives the reader\'s own date as the access date, in both languages', async () => {
    // 18:30 UTC on 1 December is already 2 December in Vietnam.
    const context = await site.browser.newContext({ timezoneId: 'Asia/Ho_Chi_Minh' });
    try {
      const page = await context.newPage();
      await page.clock.setFixedTime(new Date('2026-12-01T18:30:00Z'));
      for (const [path, date] of [[STORY, '2/12/2026'], [STORY_EN, '2026-12-02']] as const) {
        await page.goto(site.origin + path, { waitUntil: 'load' });
        await expect.poll(() => page.locator('[data-citation]').first().textContent(), { timeout: 5_000 }).toContain(date);
      }
    } finally {
      await context.close();
    }
  });
});

describe('without JavaScript', () => {
  it('every chart is there with its drawing and its data table, and no tooltip', async () => {
    const { page, close } = await open(STORY, { javaScriptEnabled: false });
    try {
      const report = await page.locator('figure.chart').evaluateAll((figures) => figures.map((figure) => {
        const svgs = [...figure.querySelectorAll('.chart-plot svg.chart-svg')];
        return {
          id: figure.id,
          kind: [...figure.classList].find((c) => c.startsWith('chart-')) ?? '',
          plots: svgs.length,
          visibleSvg: svgs.some((svg) => { const r = svg.getBoundingClientRect(); return r.width > 0 && r.height > 0; }),
          bigNumber: figure.querySelector('.big-number') !== null,
          rows: figure.querySelectorAll('details.chart-data table tbody tr').length,
        };
      }));
      expect(report.map((r) => r.kind).sort()).toEqual(expect.arrayContaining(['chart-big-number', 'chart-comparison', 'chart-progress', 'chart-time-series']));
      for (const chart of report) {
        expect(chart.rows, `${chart.id}: data table rows`).toBeGreaterThan(0);
        if (chart.kind === 'chart-big-number') expect(chart.bigNumber, `${chart.id}: big number`).toBe(true);
        else expect(chart.plots > 0 && chart.visibleSvg, `${chart.id}: a visible svg`).toBe(true);
      }
      expect(await page.locator('.chart-tooltip').count()).toBe(0);
      expect(await page.locator('.chart-plot[tabindex]').count()).toBe(0);
    } finally {
      await close();
    }
  });
});

describe('no errors in the console', () => {
  for (const path of [STORY, STORY_EN, INDICATOR_PAGE, MONTH_PAGE]) {
    it(path, async () => {
          const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`); });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
      try {
        await page.goto(site.origin + path, { waitUntil: 'load' });
        // Bring every chart near the viewport so the tooltip script loads and runs on each.
        // Two frames at each end, so the observer sees the charts pass (a jump within one frame shows it nothing).
        const frames = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await frames();
        await page.evaluate(() => window.scrollTo(0, 0));
        await frames();
        const charts = await page.locator('figure.chart .chart-plot').count();
        if (charts > 0) {
          await page.locator('figure.chart .chart-plot').first().scrollIntoViewIfNeeded();
          await page.locator('.chart-plot[data-enhanced="true"]').first().waitFor({ state: 'attached', timeout: 10_000 });
        }
        await page.waitForLoadState('networkidle');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

interface AxeResult {
  passes: unknown[];
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>;
}

/** Runs axe-core on the page; with `tooltipOn`, first focuses that chart so its tooltip is open and checked too. */
async function axe(path: string, options: BrowserContextOptions = {}, tooltipOn?: string): Promise<void> {
  const { page, close } = await open(path, options);
  try {
    // Let the tooltip script enhance the charts in view, so its additions are checked too.
    if (await page.locator('.chart-plot').count() > 0) {
      await page.locator('.chart-plot').first().scrollIntoViewIfNeeded();
      await page.locator('.chart-plot[data-enhanced="true"]').first().waitFor({ state: 'attached', timeout: 5_000 });
    }
    if (tooltipOn) {
      await enhanced(page, tooltipOn);
      await page.locator(`${tooltipOn} .chart-plot`).focus();
      await page.locator(`${tooltipOn} .chart-tooltip`).waitFor({ state: 'visible', timeout: 2_000 });
    }
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe;
      // WCAG 2.1 A and AA, plus two best-practice rules the standards review found broken (heading levels, landmark names).
      return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, rules: { 'heading-order': { enabled: true }, 'landmark-unique': { enabled: true } } });
    });
    const report = result.violations.map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\n/g, ' ')}`).join('\n')}`).join('\n');
    expect(result.passes.length, 'axe ran its checks').toBeGreaterThan(0);
    expect(result.violations.length, `axe violations on ${path} (${options.colorScheme ?? 'light'}):\n${report}`).toBe(0);
  } finally {
    await close();
  }
}

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  it('home, light', () => axe('/', { colorScheme: 'light' }));
  it('home, dark', () => axe('/', { colorScheme: 'dark' }));
  it('a story with a tooltip open, light and dark', async () => {
    await axe(STORY, { colorScheme: 'light' }, TIME_SERIES);
    await axe(STORY, { colorScheme: 'dark' }, TIME_SERIES);
  });
  it('English indicator page with a target, light and dark', async () => {
    await axe('/en/indicators/essential-services-online/', { colorScheme: 'light' });
    await axe('/en/indicators/essential-services-online/', { colorScheme: 'dark' });
  });
  // Every page type (each once, in one language or the other).
  for (const path of ['/articles/cau-chuyen-thu-nghiem/', '/en/months/2024-08/', '/embed/eid-accounts-activated/', '/embed/', '/en/embed/', '/search/',
    '/indicators/', '/en/indicators/eid-accounts-activated/', '/months/', '/months/2024-08/', '/en/articles/', '/en/articles/test-story/',
    '/topics/identity/', '/about/', '/en/methodology/', '/en/embed/v/2024-07/eid-accounts-activated/', '/404.html']) {
    it(`${path}, light and dark`, async () => {
      await axe(path, { colorScheme: 'light' });
      await axe(path, { colorScheme: 'dark' });
    });
  }
});

describe('chart labels fit their figure', () => {
  for (const width of [320, 1280]) {
    for (const path of [STORY, INDICATOR_PAGE]) {
      it(`${path} at ${width} px`, async () => {
        const { page, close } = await open(path, { viewport: { width, height: 800 } });
        try {
          const result = await page.evaluate(() => {
            const overflows: string[] = [];
            let checked = 0;
            for (const figure of document.querySelectorAll<HTMLElement>('figure.chart')) {
              const box = figure.getBoundingClientRect();
              for (const text of figure.querySelectorAll<SVGTextElement>('svg.chart-svg text')) {
                if (text.getClientRects().length === 0) continue; // in the hidden rendering
                const r = text.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) continue;
                checked += 1;
                if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
                  overflows.push(`${figure.id}: "${text.textContent}" at [${Math.round(r.left)}, ${Math.round(r.right)}] × [${Math.round(r.top)}, ${Math.round(r.bottom)}] outside figure [${Math.round(box.left)}, ${Math.round(box.right)}] × [${Math.round(box.top)}, ${Math.round(box.bottom)}]`);
                }
              }
            }
            return { overflows, checked, scrollWidth: document.documentElement.scrollWidth };
          });
          expect(result.checked, 'some chart labels were measured').toBeGreaterThan(0);
          expect(result.overflows).toEqual([]);
          expect(result.scrollWidth, 'no horizontal scroll').toBeLessThanOrEqual(width);
        } finally {
          await close();
        }
      });
    }
  }
});

/**
 * The explorer in a browser: a view survives its link, every control works from the keyboard, the files of a view
 * hold exactly what it shows, the page is complete without JavaScript, and an embed of a custom view works on
 * another origin under a strict Content-Security-Policy. The fixture site gets one more month (September 2024,
 * with a second figure for level-2 accounts), so two indicators of one kind and unit both have a history.
 */
import { headersFor } from '../../src/lib/site/security-headers.ts';
import { readSiteAddress } from '../../src/lib/site/address.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_HEADER, SEPTEMBER_2024_CSV, writeFixtureSite } from '../fixtures/fixture-data.ts';
import { chromiumPath, closeServer, freePort, launchChromium, root, serve } from './harness.ts';
import { CHART_SIZES } from '../../src/lib/charts/view.ts';
import { existsSync } from 'node:fs';

/** A third "x out of y" figure, so the services' page draws a time series (two are a progress bar) with a Count/Share toggle. */
const SERVICES_SEPTEMBER = 'essential-services-online,,60,76,2024-09-20,,Fixture services September,Fixture Gazette,2024-09-22,https://example.org/services-september,"60/76 dịch vụ công thiết yếu đã được cung cấp (dữ liệu thử nghiệm).",,,,';
const LEVEL2_SEPTEMBER = 'eid-accounts-level2,,33000000,,2024-09-18,,Fixture report September,Fixture Gazette,2024-09-19,https://example.org/september,"Trong đó 33 triệu tài khoản mức 2 (dữ liệu thử nghiệm).",,,,';
const PAGE = '/indicators/eid-accounts-activated/';
const BOTH = 'eid-accounts-activated,eid-accounts-level2';

let work = '';
let outDir = '';
let publisher: { server: Server; origin: string } | undefined;
let host: { server: Server; origin: string } | undefined;
let browser: Browser | undefined;
/** What a journalist copied from the embed builder and pasted into a newsroom's page (served at /pasted). */
let pasted = '';

beforeAll(async () => {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  work = mkdtempSync(join(tmpdir(), 'de-an-06-explore-'));
  outDir = join(work, 'dist');
  const { dataDir, env } = writeFixtureSite(work);
  writeFileSync(join(dataDir, 'months', '2024-09.csv'), `${SEPTEMBER_2024_CSV.trimEnd()}\n${LEVEL2_SEPTEMBER}\n${SERVICES_SEPTEMBER}\n`);
  expect(SEPTEMBER_2024_CSV.startsWith(CSV_HEADER)).toBe(true);
  // Built for the address it is served at, so the embed code the builder writes points at it.
  const port = await freePort('127.0.0.1');
  const siteUrl = `http://127.0.0.1:${port}`;
  const result = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: root, env: { ...process.env, ...env, SITE_URL: siteUrl, OUT_DIR: outDir, TZ: 'UTC' }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`fixture build failed:\n${result.stdout}\n${result.stderr}`);
  // Served with the site's own headers (strict CSP): the explorer and its downloads must work under them.
  publisher = await serve(outDir, '127.0.0.1', undefined, { port, headers: (path) => headersFor(path, readSiteAddress({ SITE_URL: siteUrl })) });
  host = await serve(work, 'localhost', hostPage);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await closeServer(publisher?.server);
  await closeServer(host?.server);
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A newsroom's page on another origin, with a strict CSP, framing an embed of a custom view. */
function hostPage(request: IncomingMessage, response: ServerResponse): boolean {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/favicon.ico') return void response.writeHead(204).end(), true;
  if (url.pathname === '/pasted') {
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; script-src ${publisher!.origin}; frame-src ${publisher!.origin}; style-src 'self'; img-src 'self'`,
    });
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Newsroom</title></head><body><h1>Newsroom</h1><p>Before.</p>${pasted}<p>After.</p></body></html>`);
    return true;
  }
  if (url.pathname !== '/article') return false;
  const src = `${publisher!.origin}/en/embed/eid-accounts-activated/?indicators=${BOTH}&from=2024-07&to=2024-09&view=table`;
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `default-src 'none'; script-src ${publisher!.origin}; frame-src ${publisher!.origin}; style-src 'self'; img-src 'self'`,
  });
  response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><h1>Host</h1>
<iframe src="${src}" title="Embedded view" width="100%" height="900" data-de-an-06-embed></iframe><script async src="${publisher!.origin}/embed.js"></script></body></html>`);
  return true;
}

async function open(path: string, options: { javaScript?: boolean; colorScheme?: 'light' | 'dark'; bypassCSP?: boolean } = {}): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  // bypassCSP only to inject axe-core (an inline script of the test's, not of the site).
  const context = await browser!.newContext({ javaScriptEnabled: options.javaScript ?? true, colorScheme: options.colorScheme ?? 'light', acceptDownloads: true, viewport: { width: 1100, height: 900 }, bypassCSP: options.bypassCSP ?? false });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${publisher!.origin}${path}`);
  return { page, errors, close: () => context.close() };
}

const explorer = (page: Page) => page.locator('[data-explorer]').first();
const ready = (page: Page) => page.locator('[data-explorer][data-ready]').first().waitFor({ timeout: 10_000 });
const tableRows = (page: Page) => explorer(page).locator('details.chart-data tbody tr');
const query = (page: Page) => new URL(page.url()).search;

describe('explorer: the view in the address', () => {
  it('a link opens exactly its view: indicators, range, table; and the address follows every change', async () => {
    const { page, errors, close } = await open(`${PAGE}?indicators=${BOTH}&from=2024-07&to=2024-08&view=table`);
    try {
      await ready(page);
      // Table view: the plot is hidden, the table open, with the figures of July and August of both indicators only.
      await expect(explorer(page).locator('.chart-plot').isHidden()).resolves.toBe(true);
      await expect(explorer(page).locator('details.chart-data').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
      const months = await tableRows(page).locator('td.nowrap').allTextContents();
      expect(months.length).toBeGreaterThan(0);
      expect(months.every((m) => /\/(7|8)\/2024|tháng (7|8)\/2024/.test(m)), months.join(' | ')).toBe(true);
      await expect(explorer(page).locator('details.chart-data thead th').first().textContent()).resolves.toBe('Chỉ số');
      await expect(explorer(page).locator('button[data-view="table"]').getAttribute('aria-pressed')).resolves.toBe('true');
      await expect(explorer(page).locator('[data-range="from"]').inputValue()).resolves.toBe('2024-07');
      await expect(explorer(page).locator('[data-range="to"]').inputValue()).resolves.toBe('2024-08');
      expect(query(page)).toBe(`?indicators=${BOTH}&from=2024-07&to=2024-08&view=table`);
      // Back to the chart, all months: two series are drawn, and the address says so.
      await explorer(page).locator('button[data-view="chart"]').click();
      await explorer(page).locator('button[data-preset="all"]').click();
      await expect.poll(() => query(page)).toBe(`?indicators=${BOTH}`);
      await expect(explorer(page).locator('.chart-wide svg g.series-1').count()).resolves.toBeGreaterThan(0);
      await expect(explorer(page).locator('ul.chart-legend li').count()).resolves.toBe(2);
      // The summary a screen reader hears follows the view, politely.
      const summary = explorer(page).locator('.chart-summary');
      await expect(summary.getAttribute('aria-live')).resolves.toBe('polite');
      await explorer(page).locator('[data-range="from"]').selectOption('2024-08');
      await expect.poll(() => summary.textContent()).toMatch(/^Từ tháng 8\/2024 đến tháng 9\/2024: /);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a link with unknown or unlike indicators keeps only what may share the axis; bad months are ignored', async () => {
    const { page, close } = await open(`${PAGE}?indicators=eid-accounts-activated,nope,online-dossier-rate,eid-accounts-level2&from=2024-13&view=chart`);
    try {
      await ready(page);
      await expect(explorer(page).locator('.explorer-chosen li').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.id))).resolves.toEqual(['eid-accounts-activated', 'eid-accounts-level2']);
      await expect(explorer(page).locator('[data-range="from"]').inputValue()).resolves.toBe('2024-06');
    } finally {
      await close();
    }
  });

  it('the range offers the months of the indicators on the chart: its own at first, widened when one with earlier figures is added', async () => {
    // The page is built with its own indicator's months only, so it does not change when another indicator gets a figure.
    const { page, errors, close } = await open('/indicators/eid-accounts-level2/');
    try {
      const months = () => explorer(page).locator('[data-range="from"] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      await expect(months()).resolves.toEqual(['2024-08', '2024-09']);
      // The explorer's code arrives late (a slow network): "Add", pressed while it loads, still adds (first-use.ts).
      await page.route(/\/_astro\/explorer\.[^/]*\.js$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 800));
        await route.continue();
      });
      await explorer(page).locator('[data-add-select]').selectOption('eid-accounts-activated');
      await explorer(page).locator('button[data-add]').click();
      await expect(explorer(page).getAttribute('data-ready')).resolves.toBeNull();
      await ready(page);
      await expect.poll(() => query(page), { timeout: 10_000 }).toBe('?indicators=eid-accounts-level2,eid-accounts-activated');
      await expect.poll(months, { timeout: 10_000 }).toEqual(['2024-06', '2024-07', '2024-08', '2024-09']);
      await expect(explorer(page).locator('[data-range="to"] option').count()).resolves.toBe(4);
      await expect(explorer(page).locator('button[data-preset="all"]').getAttribute('aria-pressed')).resolves.toBe('true');
      // Narrowed again when it is removed.
      await explorer(page).locator('button[data-remove="eid-accounts-activated"]').click();
      await expect.poll(months, { timeout: 10_000 }).toEqual(['2024-08', '2024-09']);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the redrawn chart matches the one drawn at build time: same ticks, same dots, same marks', async () => {
    const { page, close } = await open(PAGE);
    try {
      const snapshot = () => explorer(page).locator('.chart-wide svg').evaluate((svg) => ({
        ticks: [...svg.querySelectorAll('text')].map((t) => t.textContent),
        dots: [...svg.querySelectorAll('circle[data-i]')].map((c) => [c.getAttribute('data-i'), c.getAttribute('r'), Math.round(Number(c.getAttribute('cx'))), Math.round(Number(c.getAttribute('cy'))), c.closest('g')!.getAttribute('class')]),
        lines: svg.querySelectorAll('g.series:not(.points) path').length,
      }));
      const built = await snapshot();
      await explorer(page).locator('button[data-preset="all"]').click();
      await ready(page);
      await expect.poll(async () => (await explorer(page).locator('.chart-wide svg').getAttribute('xmlns'))).toBe('http://www.w3.org/2000/svg');
      expect(await snapshot()).toEqual(built);
    } finally {
      await close();
    }
  });
});

describe('explorer: keyboard', () => {
  it('every control is reached with Tab and used with Enter, Space and the arrow keys', async () => {
    const { page, errors, close } = await open(PAGE);
    try {
      // Tab to the table button and press Space: the explorer loads on that first use and applies it.
      const tableButton = explorer(page).locator('button[data-view="table"]');
      for (let i = 0; i < 60 && !(await tableButton.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
      await expect(tableButton.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
      await page.keyboard.press('Space');
      await ready(page);
      await expect.poll(() => query(page)).toContain('view=table');
      // Shift+Tab back to the chart button, Enter.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => query(page)).not.toContain('view=table');
      // The "from" select, with the arrow keys.
      await explorer(page).locator('[data-range="from"]').focus();
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => query(page)).toContain('from=2024-07');
      // Add an indicator with the keyboard: choose it, Tab to "Add", Enter.
      await explorer(page).locator('[data-add-select]').focus();
      await explorer(page).locator('[data-add-select]').selectOption('eid-accounts-level2');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => query(page)).toContain(`indicators=${BOTH}`);
      // Remove it again: its button names it.
      const remove = explorer(page).getByRole('button', { name: /Bỏ Tài khoản định danh điện tử mức 2/ });
      await remove.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => query(page)).toContain('indicators=eid-accounts-activated&');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('explorer: files of the view', () => {
  it('CSV and JSON hold exactly the rows of the table shown, in the build’s columns; SVG and PNG are the drawn chart', async () => {
    const { page, close } = await open(`${PAGE}?indicators=${BOTH}&from=2024-08&to=2024-09`);
    try {
      await ready(page);
      const shownValues = await tableRows(page).locator('data').evaluateAll((cells) => cells.map((c) => (c as HTMLDataElement).value));
      const fetchDownload = async (kind: string) => {
        const [download] = await Promise.all([page.waitForEvent('download'), explorer(page).locator(`button[data-download="${kind}"]`).click()]);
        return { name: download.suggestedFilename(), body: readFileSync((await download.path())!) };
      };
      const csv = await fetchDownload('csv');
      const lines = csv.body.toString('utf8').trimEnd().split('\n');
      const built = readFileSync(join(outDir, 'downloads', 'vi', 'eid-accounts-activated.csv'), 'utf8').split('\n')[0];
      expect(lines[0]).toBe(built);
      const valueColumn = lines[0]!.split(',').indexOf('value');
      expect(lines.slice(1).map((line) => line.split(',')[valueColumn])).toEqual(shownValues);
      expect(lines.slice(1).every((line) => /,2024-0[89]/.test(line))).toBe(true);
      const json = JSON.parse((await fetchDownload('json')).body.toString('utf8')) as { figures: Array<{ value: number; as_of: string }>; chart: { page: string } };
      expect(json.figures.map((f) => String(f.value))).toEqual(shownValues);
      expect(json.chart.page).toContain('from=2024-08');
      const svg = (await fetchDownload('svg')).body.toString('utf8');
      expect(svg).toMatch(/^<\?xml/);
      expect(svg).toContain('circle');
      expect(svg).not.toMatch(/style=/);
      const png = await fetchDownload('png');
      expect(png.body.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.name).toBe(`eid-accounts-activated+eid-accounts-level2_2024-08_2024-09.png`);
    } finally {
      await close();
    }
  });
});

describe('explorer: without JavaScript', () => {
  it('the indicator page and the explore page are complete: charts, tables, ready-made comparisons; no controls', async () => {
    for (const path of [PAGE, '/kham-pha/', '/en/explore/']) {
      const { page, close } = await open(path, { javaScript: false });
      try {
        await expect(page.locator('.explorer-controls').first().isHidden()).resolves.toBe(true);
        await expect(page.locator('svg.chart-svg').filter({ visible: true }).count()).resolves.toBeGreaterThan(0);
        await expect(page.locator('details.chart-data table').count()).resolves.toBeGreaterThan(0);
        if (path !== PAGE) {
          // The comparison of the two account indicators is listed and drawn at build time.
          await expect(page.locator('.preset-links a').first().getAttribute('href')).resolves.toContain(`indicators=${BOTH}`);
          await expect(page.locator('.explore-presets figure.chart svg.chart-svg g.series-1').count()).resolves.toBeGreaterThan(0);
        }
      } finally {
        await close();
      }
    }
  });

  it('loads no explorer code before the first use of a control', async () => {
    const { page, close } = await open(PAGE);
    try {
      const before = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
      expect(before.some((name) => /explorer\.[\w-]+\.js/.test(name))).toBe(false);
      await explorer(page).locator('button[data-view="table"]').click();
      await ready(page);
      const after = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
      expect(after.some((name) => /explorer\.[\w-]+\.js/.test(name))).toBe(true);
    } finally {
      await close();
    }
  });
});

describe('explorer: accessibility', () => {
  for (const [colorScheme, path] of [
    ['light', `/en/explore/?indicators=${BOTH}&from=2024-07`], ['dark', `/en/explore/?indicators=${BOTH}&from=2024-07`],
    ['light', '/indicators/essential-services-online/?measure=share'], ['dark', '/indicators/essential-services-online/?measure=share'],
  ] as const) {
    it(`axe finds nothing on a changed view, ${path} (${colorScheme})`, async () => {
      const { page, close } = await open(path, { colorScheme, bypassCSP: true });
      try {
        await ready(page);
        await page.addScriptTag({ path: join(root, 'node_modules/axe-core/axe.min.js') });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
        });
        expect(violations).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});

describe('explorer: embed of a custom view on another origin', () => {
  it('draws the view the embed address asks for, under the host’s strict CSP, without errors', async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`${host!.origin}/article`);
      const frame = (await (await page.locator('iframe[data-de-an-06-embed]').elementHandle())!.contentFrame())!;
      await frame.locator('[data-explorer][data-ready]').waitFor({ timeout: 10_000 });
      await expect(frame.locator('details.chart-data').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
      const indicators = await frame.locator('details.chart-data tbody th[scope="row"]').allTextContents();
      expect(new Set(indicators)).toEqual(new Set(['Electronic ID accounts activated', 'Level-2 electronic ID accounts']));
      await expect(frame.locator('.chart-title').textContent()).resolves.toContain('·');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** The marks of the explorer's wide chart on the page, or of the chart inside a downloaded SVG: dots, lines, tick labels. */
function svgMarks(page: Page, text?: string): Promise<{ dots: string[]; lines: string[]; ticks: string[] }> {
  return page.evaluate(({ text }) => {
    const svg = text
      ? new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('svg svg')!
      : document.querySelector('[data-explorer] .chart-wide svg')!;
    return {
      dots: [...svg.querySelectorAll('circle[data-i]')].map((c) => `${/series-\d+/.exec(c.closest('g')!.getAttribute('class') ?? '')?.[0]} ${c.getAttribute('data-i')} ${c.getAttribute('cx')},${c.getAttribute('cy')}`),
      lines: [...svg.querySelectorAll('g.series:not(.points) path')].map((path) => path.getAttribute('d') ?? ''),
      ticks: [...svg.querySelectorAll('text')].map((t) => t.textContent ?? ''),
    };
  }, { text });
}

/**
 * Downloads the four files of the view on screen and checks each against it: the CSV's and the JSON's records are
 * the table's rows (indicator, value, in order), the SVG has the chart's very dots, lines and labels, the PNG is that
 * chart at 2× with its title and footer.
 */
async function expectFilesOfView(page: Page, download: (kind: string) => Promise<{ name: string; body: Buffer }>): Promise<void> {
  const shown = await tableRows(page).evaluateAll((rows) => rows.map((row) => `${row.querySelector('th.fig-indicator')?.textContent ?? ''}|${(row.querySelector('data') as HTMLDataElement).value}`));
  expect(shown.length).toBeGreaterThan(0);
  const several = shown.some((row) => !row.startsWith('|'));
  const records = (rows: Array<{ indicator_name: string; value: string | number }>) => rows.map((r) => `${several ? r.indicator_name : ''}|${r.value}`);
  const csv = parse((await download('csv')).body.toString('utf8'), { columns: true }) as Array<{ indicator_name: string; value: string }>;
  expect(records(csv)).toEqual(shown);
  const json = JSON.parse((await download('json')).body.toString('utf8')) as { figures: Array<{ indicator_name: string; value: number }> };
  expect(records(json.figures)).toEqual(shown);
  const svg = (await download('svg')).body.toString('utf8');
  const onScreen = await svgMarks(page);
  expect(onScreen.dots.length).toBeGreaterThan(0);
  expect(await svgMarks(page, svg)).toEqual(onScreen);
  const png = (await download('png')).body;
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  // IHDR: width and height, big-endian, at bytes 16 and 20. The SVG is the wide chart with 64 px above and 40 below, drawn at 2×.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CHART_SIZES.wide.width * 2, (CHART_SIZES.wide.height + 104) * 2]);
}

const downloader = (page: Page, press?: (kind: string) => Promise<void>) => async (kind: string) => {
  const button = explorer(page).locator(`button[data-download="${kind}"]`);
  const [file] = await Promise.all([page.waitForEvent('download'), press ? press(kind) : button.click()]);
  return { name: file.suggestedFilename(), body: readFileSync((await file.path())!) };
};

/** Presses Tab until `target` has the focus (at most 80 times): it is reached by the keyboard. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  for (let i = 0; i < 150 && !(await target.evaluate((node) => node === document.activeElement)); i++) await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  expect(await target.evaluate((node) => node === document.activeElement), `${String(target)} not reached by Tab; focus on ${focused}`).toBe(true);
}

describe('explorer: files equal the view', () => {
  it('a view opened from its address: CSV and JSON rows are the table rows, SVG the same dots and lines, PNG the right size', async () => {
    const { page, errors, close } = await open(`${PAGE}?indicators=${BOTH}&from=2024-08&to=2024-09`);
    try {
      await ready(page);
      await expectFilesOfView(page, downloader(page));
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a view made with the keyboard alone (table, range, an indicator added), downloaded with the keyboard', async () => {
    const { page, errors, close } = await open(PAGE);
    try {
      await tabTo(page, explorer(page).locator('button[data-view="table"]'));
      await page.keyboard.press('Space');
      await ready(page);
      const from = explorer(page).locator('[data-range="from"]');
      await tabTo(page, from);
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => query(page)).toContain('from=2024-07');
      const add = explorer(page).locator('[data-add-select]');
      await tabTo(page, add);
      for (let i = 0; i < 10 && (await add.inputValue()) !== 'eid-accounts-level2'; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => query(page)).toBe(`?indicators=${BOTH}&from=2024-07&to=2024-09&view=table`);
      await expect.poll(() => tableRows(page).locator('th.fig-indicator').count()).toBeGreaterThan(1);
      await expectFilesOfView(page, downloader(page, async (kind) => {
        await tabTo(page, explorer(page).locator(`button[data-download="${kind}"]`));
        await page.keyboard.press('Enter');
      }));
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('explorer: counts or shares', () => {
  const SERVICES = '/indicators/essential-services-online/';
  const pressed = (page: Page, measure: string) => explorer(page).locator(`.explorer-measure button[data-measure="${measure}"]`).getAttribute('aria-pressed');
  const yTicks = (page: Page) => explorer(page).locator('.chart-wide svg g[text-anchor="end"] text').allTextContents();

  it('?measure=share opens the shares; a change of range, preset or view keeps them, in the address too; Count drops them', async () => {
    const { page, errors, close } = await open(`${SERVICES}?measure=share`);
    try {
      await ready(page);
      await expect(pressed(page, 'share')).resolves.toBe('true');
      await expect(explorer(page).locator('.chart-plot').getAttribute('data-measure')).resolves.toBe('share');
      expect((await yTicks(page)).every((tick) => tick.endsWith('%'))).toBe(true);
      await expect(explorer(page).locator('.chart-title').textContent()).resolves.toContain('tỷ lệ trên tổng số');
      await explorer(page).locator('[data-range="from"]').selectOption('2024-08');
      await expect.poll(() => query(page)).toBe('?indicators=essential-services-online&from=2024-08&to=2024-09&measure=share');
      await expect(pressed(page, 'share')).resolves.toBe('true');
      await explorer(page).locator('button[data-preset="all"]').click();
      await expect.poll(() => query(page)).toBe('?indicators=essential-services-online&measure=share');
      await explorer(page).locator('button[data-view="table"]').click();
      await expect.poll(() => query(page)).toBe('?indicators=essential-services-online&view=table&measure=share');
      await explorer(page).locator('button[data-view="chart"]').click();
      await expect.poll(() => pressed(page, 'share')).toBe('true');
      // The address alone gives the same view again.
      await page.reload();
      await ready(page);
      await expect(pressed(page, 'share')).resolves.toBe('true');
      expect((await yTicks(page)).every((tick) => tick.endsWith('%'))).toBe(true);
      // Count, with the keyboard: the address drops the measure, the axis is counts.
      await explorer(page).locator('.explorer-measure button[data-measure="value"]').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => query(page)).toBe('?indicators=essential-services-online');
      await expect(pressed(page, 'value')).resolves.toBe('true');
      expect((await yTicks(page)).some((tick) => tick.endsWith('%'))).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the page chart\'s own Count/Share toggle, used before the explorer loads, is kept by the first change of view', async () => {
    const { page, errors, close } = await open(SERVICES);
    try {
      await explorer(page).locator('.chart-toggle button', { hasText: 'Tỷ lệ trên tổng số' }).click();
      await expect(explorer(page).locator('.chart-plot').getAttribute('data-measure')).resolves.toBe('share');
      await explorer(page).locator('[data-range="from"]').selectOption('2024-08');
      await ready(page);
      await expect.poll(() => query(page)).toContain('measure=share');
      await expect(pressed(page, 'share')).resolves.toBe('true');
      // One toggle: the explorer's replaces the page's.
      await expect(explorer(page).locator('.chart-toggle').count()).resolves.toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('explorer: "Embed this view" through the builder, pasted on another origin', () => {
  const VIEW = `indicators=${BOTH}&from=2024-08&to=2024-09&view=table`;

  it('the builder takes the view, offers no pinned version for it (and says so), and its snippet shows exactly that view elsewhere, resized', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: publisher!.origin });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    const shown: string[] = [];
    const rowsOf = (scope: Page | Frame) => scope.locator('[data-explorer] details.chart-data tbody tr').evaluateAll((rows) => rows.map((row) => `${row.querySelector('th')?.textContent}|${(row.querySelector('data') as HTMLDataElement).value}`));
    try {
      await page.goto(`${publisher!.origin}/en${PAGE}?${VIEW}`);
      await ready(page);
      shown.push(...await rowsOf(page));
      expect(shown.length).toBeGreaterThan(1);
      const link = explorer(page).locator('a.explorer-builder');
      await expect.poll(async () => new URL((await link.getAttribute('href'))!, publisher!.origin).search).toBe(`?chart=eid-accounts-activated&${VIEW}`);
      await link.click();
      await page.locator('[data-embed-builder]').waitFor({ state: 'visible' });
      await expect(page.inputValue('#builder-chart')).resolves.toBe('eid-accounts-activated');
      await expect(page.locator('#builder-view').isChecked()).resolves.toBe(true);
      await expect(page.locator('#builder-view-text').textContent()).resolves.toBe('Electronic ID accounts activated · Level-2 electronic ID accounts, 2024-08 – 2024-09, table');
      // A pinned version takes no view: the select is off and points at the reason; no oEmbed URL, and why.
      await expect(page.locator('#builder-release').isDisabled()).resolves.toBe(true);
      await expect(page.locator('#builder-release').getAttribute('aria-describedby')).resolves.toContain('builder-view-note');
      await expect(page.locator('#builder-view-note').isVisible()).resolves.toBe(true);
      await expect(page.locator('#builder-oembed').isVisible()).resolves.toBe(false);
      await expect(page.locator('#builder-oembed-view').isVisible()).resolves.toBe(true);
      await page.locator('input[name="builder-theme"][value="dark"]').check();
      const src = `${publisher!.origin}/en/embed/eid-accounts-activated/?${VIEW}&theme=dark`;
      await expect.poll(() => page.inputValue('#builder-snippet')).toContain(`src="${src.replaceAll('&', '&amp;')}"`);
      await expect(page.inputValue('#builder-snippet')).resolves.toContain('title="Electronic ID accounts activated · Level-2 electronic ID accounts"');
      await expect.poll(() => page.locator('#builder-frame').getAttribute('src')).toBe(`/en/embed/eid-accounts-activated/?${VIEW}&theme=dark`);
      expect(new URL(page.url()).search).toBe(`?chart=eid-accounts-activated&theme=dark&${VIEW}`);
      await page.click('button[data-copy-target="builder-snippet"]');
      await expect.poll(() => page.locator('button[data-copy-target="builder-snippet"]').getAttribute('data-copied')).toBe('true');
      pasted = await page.evaluate(() => navigator.clipboard.readText());
      expect(pasted).toBe(await page.inputValue('#builder-snippet'));
      // Unticked, the view is gone from the code and the pinned versions are offered again.
      await page.locator('#builder-view').uncheck();
      await expect(page.locator('#builder-release').isDisabled()).resolves.toBe(false);
      await expect.poll(() => page.inputValue('#builder-snippet')).not.toContain('indicators=');
      await expect(page.locator('#builder-oembed').isVisible()).resolves.toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }

    const newsroom = await browser!.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'light' });
    const story = await newsroom.newPage();
    const problems: string[] = [];
    story.on('console', (message) => message.type() === 'error' && problems.push(`${message.location().url}: ${message.text()}`));
    story.on('pageerror', (error) => problems.push(error.message));
    try {
      await story.goto(`${host!.origin}/pasted`, { waitUntil: 'load' });
      const iframe = story.locator('iframe[data-de-an-06-embed]');
      const frame = (await (await iframe.elementHandle())!.contentFrame())!;
      await frame.locator('[data-explorer][data-ready]').waitFor({ timeout: 10_000 });
      // The same view: the same rows (indicators, values, in order), the same range, the table, the theme asked for.
      expect(await rowsOf(frame)).toEqual(shown);
      await expect(frame.locator('details.chart-data').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
      await expect(frame.locator('.chart-summary').textContent()).resolves.toMatch(/^From August 2024 to September 2024: /);
      await expect(frame.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
      // Resized by the resizer from our origin: the frame is as tall as its content.
      await story.locator('iframe[data-de-an-06-resized="true"]').waitFor({ state: 'attached', timeout: 10_000 });
      await story.waitForTimeout(300);
      const content = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
      const height = await iframe.evaluate((element) => element.getBoundingClientRect().height);
      expect(Math.abs(height - content)).toBeLessThanOrEqual(2);
      expect(problems).toEqual([]);
    } finally {
      await newsroom.close();
    }
  }, 60_000);

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe finds nothing on the builder with a custom view (${colorScheme})`, async () => {
      const { page, close } = await open(`/en/embed/?chart=eid-accounts-activated&${VIEW}&measure=share`, { colorScheme, bypassCSP: true });
      try {
        await page.locator('[data-embed-builder]').waitFor({ state: 'visible' });
        await expect(page.locator('#builder-view-field').isVisible()).resolves.toBe(true);
        await page.addScriptTag({ path: join(root, 'node_modules/axe-core/axe.min.js') });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
          const result = await axe.run(document, { resultTypes: ['violations'], iframes: false });
          return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
        });
        expect(violations).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});

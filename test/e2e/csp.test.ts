/**
 * The site under its own strict Content-Security-Policy (src/lib/site/security-headers.ts): the fixture site is built
 * for the address the test serves it from, served with exactly the headers of that module, and every kind of page is
 * visited in both languages and both colour schemes (embeds also with ?theme=). Any `securitypolicyviolation` event
 * (in the page or its frames) or CSP console error fails the test, and the features that used to need inline code
 * must still work: search, ?theme=, the copy/citation script, tooltips, and an embed framed by a page on another
 * origin (with its own strict CSP) getting resized — while frames that are not ours, or send nonsense, do not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBED_ATTRIBUTE, EMBED_HEIGHT, EMBED_MESSAGE_TYPE } from '../../src/lib/embed/embed.ts';
import { readSiteAddress } from '../../src/lib/site/address.ts';
import type { SiteAddress } from '../../src/lib/site/address.ts';
import { EMBED_CSP, PAGE_CSP, headersFor, isEmbedPath } from '../../src/lib/site/security-headers.ts';
import { buildFixtureSite, closeServer, freePort, launchChromium, root, serve } from './harness.ts';

const axePath = join(root, 'node_modules/axe-core/axe.min.js');
const CHART = 'eid-accounts-activated';

let site: ReturnType<typeof buildFixtureSite> | undefined;
let address: SiteAddress;
let publisher: { server: Server; origin: string } | undefined;
let host: { server: Server; origin: string } | undefined;
let browser: Browser | undefined;

/** The first folder name under dist/<path>, sorted: an example page of that kind. */
function first(path: string): string {
  const names = readdirSync(join(site!.outDir, path), { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'v').map((e) => e.name).sort();
  if (names.length === 0) throw new Error(`no page under ${path}`);
  return names[0]!;
}

/** One page of every kind, as paths without the locale prefix (the English ones add /en; slugs may differ). */
function pageKinds(locale: 'vi' | 'en'): Record<string, string> {
  const release = first('embed/v');
  const prefix = locale === 'en' ? 'en/' : '';
  return {
    home: '/',
    indicator: `/indicators/${first(`${prefix}indicators`)}/`,
    month: `/months/${first(`${prefix}months`)}/`,
    article: `/articles/${first(`${prefix}articles`)}/`,
    topic: `/topics/${first(`${prefix}topics`)}/`,
    'indicator list': '/indicators/',
    'month list': '/months/',
    'article list': '/articles/',
    about: '/about/',
    methodology: '/methodology/',
    search: '/search/',
    'embed builder': '/embed/',
    'live embed': `/embed/${CHART}/`,
    'pinned embed': `/embed/v/${release}/${readdirSync(join(site!.outDir, 'embed/v', release)).sort()[0]}/`,
    'live embed, ?theme=dark': `/embed/${CHART}/?theme=dark`,
    'live embed, ?theme=light': `/embed/${CHART}/?theme=light`,
  };
}

/** Host pages on another origin, each with its own strict CSP: the real snippet, plus hostile frames on request. */
function hostPages(request: IncomingMessage, response: ServerResponse): boolean {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/favicon.ico') return void response.writeHead(204).end(), true;
  if (url.pathname === '/hostile') {
    // A frame that is not ours posts size messages to its parent, repeatedly; `posted` says it is done.
    const payloads = url.searchParams.get('payloads') ?? '[]';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; script-src 'unsafe-inline'" });
    response.end(`<!doctype html><title>ad</title><script>
      var payloads = ${payloads}.map(function (p) { return p === 'NaN' ? NaN : p; });
      var rounds = 0;
      var timer = setInterval(function () {
        payloads.forEach(function (p) { parent.postMessage(typeof p === 'object' && p && p.height === 'NaN' ? Object.assign({}, p, { height: NaN }) : p, '*'); });
        if (++rounds === 6) { clearInterval(timer); window.posted = true; }
      }, 50);
    </script>`);
    return true;
  }
  if (url.pathname === '/late.js') {
    // A tag-manager-like loader: adds our resizer only well after the embed has loaded and reported its size.
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
    response.end(`var resizer = document.currentScript.dataset.resizer;
      document.querySelector('iframe').addEventListener('load', function () {
        setTimeout(function () { var s = document.createElement('script'); s.src = resizer; document.body.append(s); }, 1000);
      });`);
    return true;
  }
  if (url.pathname !== '/article') return false;
  const json = JSON.parse(readFileSync(join(site!.outDir, 'oembed', 'vi', `${CHART}.json`), 'utf8')) as { html: string };
  if (url.searchParams.get('late') === '1') {
    json.html = json.html.replace(/<script async src="([^"]+)"><\/script>/, '<script src="/late.js" data-resizer="$1"></script>');
  }
  const hostile = (url.searchParams.get('hostile') ?? '').split(',').filter(Boolean);
  const frames = hostile.map((name, i) => {
    const payloads = encodeURIComponent(JSON.stringify(HOSTILE[name]));
    return `<iframe id="hostile-${i}" ${EMBED_ATTRIBUTE} src="/hostile?payloads=${payloads}" title="${name}" height="150"></iframe>`;
  }).join('\n');
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `default-src 'none'; script-src ${publisher!.origin} 'self'; frame-src ${publisher!.origin} 'self'; style-src 'self'; img-src 'self'`,
  });
  response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>A newsroom's story</title></head>
<body><h1>A newsroom's story</h1><p>Text before the chart.</p>${json.html}\n${frames}<p>Text after the chart.</p></body></html>`);
  return true;
}

const size = (height: unknown, extra: object = {}) => ({ type: EMBED_MESSAGE_TYPE, version: 1, chart: CHART, height, ...extra });
/** What hostile frames post (`'NaN'` stands for NaN, which JSON cannot carry). */
const HOSTILE: Record<string, unknown[]> = {
  valid: [size(5000)],
  nan: [size('NaN')],
  negative: [size(-50)],
  huge: [size(1e7)],
  'no-version': [{ type: EMBED_MESSAGE_TYPE, chart: CHART, height: 777 }],
};

beforeAll(async () => {
  // Built for the address it is served from, so that embed.js trusts exactly that origin.
  const port = await freePort('127.0.0.1');
  const siteUrl = `http://127.0.0.1:${port}`;
  address = readSiteAddress({ SITE_URL: siteUrl });
  site = buildFixtureSite('de-an-06-csp-', { SITE_URL: siteUrl });
  publisher = await serve(site.outDir, '127.0.0.1', undefined, { port, headers: (path) => headersFor(path, address) });
  host = await serve(site.work, 'localhost', hostPages);
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await closeServer(publisher?.server);
  await closeServer(host?.server);
  site?.cleanup();
});

interface Watched {
  context: BrowserContext;
  page: Page;
  /** CSP violations (events in any frame, and console messages), page errors. */
  problems: string[];
}

/** A fresh context that reports every CSP violation of every frame, and CSP console errors. */
async function watch(options: BrowserContextOptions = {}): Promise<Watched> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const problems: string[] = [];
  await context.exposeBinding('__reportViolation', ({ frame }, text: string) => void problems.push(`${frame.url()}: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportViolation: (text: string) => void }).__reportViolation;
      void report(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
    });
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return { context, page, problems };
}

/** Scrolls to the bottom in steps, so lazy code (tooltips) and lazy frames load. */
async function scrollThrough(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y <= height; y += 700) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(40);
  }
}

describe('the built pages have no inline code', () => {
  it('no inline script, no <style>, no style="", no event handler attribute, in any built page', () => {
    const files = readdirSync(site!.outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
    expect(files.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const file of files) {
      const html = readFileSync(join(site!.outDir, file), 'utf8');
      for (const [, attributes] of html.matchAll(/<script\b([^>]*)>(?!<\/script>)/g)) {
        if (!/\bsrc=/.test(attributes!) && !/type="application\/(?:ld\+)?json"/.test(attributes!)) found.push(`${file}: inline <script${attributes}>`);
      }
      if (/<style\b/.test(html)) found.push(`${file}: <style>`);
      if (/<[^>]+\sstyle="/.test(html)) found.push(`${file}: style="…"`);
      if (/<[^>]+\son[a-z]+="/.test(html)) found.push(`${file}: on…= handler`);
      if (/\sfont-variant="/.test(html)) found.push(`${file}: font-variant attribute`);
    }
    expect(found.slice(0, 20), `${found.length} problems`).toEqual([]);
  });

  it('dist/_headers gives embeds frame-ancestors * and other pages frame-ancestors \'self\'', () => {
    const file = readFileSync(join(site!.outDir, '_headers'), 'utf8');
    expect(file).toContain(`/embed/:chart/*\n  Content-Security-Policy: ${EMBED_CSP}\n`);
    expect(file).toContain(`/en/embed/:chart/*\n  Content-Security-Policy: ${EMBED_CSP}\n`);
    // The embed builder (the folder's own page) is a page of the site.
    expect(file).toContain(`\n/embed/\n  Content-Security-Policy: ${PAGE_CSP}\n`);
    expect(file).toContain(`\n/en/embed/\n  Content-Security-Policy: ${PAGE_CSP}\n`);
    expect(file).toContain(`/indicators/*\n  Content-Security-Policy: ${PAGE_CSP}\n`);
    expect(file).toContain('/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n');
  });

  it('embed.js trusts only the site\'s origin', () => {
    const script = readFileSync(join(site!.outDir, 'embed.js'), 'utf8');
    expect(script).toContain(`var ORIGIN = "${address.origin}";`);
    // The one "*" is where it asks our frames for their size (a request without data), never what it trusts.
    expect(script.match(/'\*'|"\*"/g)).toEqual(["'*'"]);
    expect(script).toContain("postMessage({ type: REQUEST, version: VERSION }, '*')");
  });
});

describe('every kind of page under the strict CSP: zero violations', () => {
  for (const locale of ['vi', 'en'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${locale}, ${scheme}`, async () => {
        const { context, page, problems } = await watch({ colorScheme: scheme });
        const visited: string[] = [];
        try {
          const kinds = Object.entries(pageKinds(locale));
          if (existsSync(join(site!.outDir, '404.html'))) kinds.push(['404', '/404.html']);
          for (const [kind, path] of kinds) {
            const url = `${publisher!.origin}${locale === 'en' && kind !== '404' ? '/en' : ''}${path}`;
            const response = await page.goto(url, { waitUntil: 'load' });
            expect(response?.status(), `${kind}: ${url}`).toBe(200);
            // Embeds (/embed/<chart>/…) may be framed by anyone; the builder at /embed/ is a page like the others.
            expect(response?.headers()['content-security-policy'], url).toBe(isEmbedPath(path.split('?')[0]!) ? EMBED_CSP : PAGE_CSP);
            await scrollThrough(page);
            visited.push(kind);
          }
          await page.waitForTimeout(200);
          expect(problems, `CSP violations (${locale}, ${scheme})`).toEqual([]);
          expect(visited.length).toBeGreaterThanOrEqual(15);
        } finally {
          await context.close();
        }
      }, 120_000);
    }
  }
});

describe('features that needed inline code still work under the CSP', () => {
  it('(the watcher itself sees a violation: an inline style attribute set by a script)', async () => {
    const { context, page, problems } = await watch();
    try {
      await page.goto(`${publisher!.origin}/about/`);
      await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
      // Both channels: the securitypolicyviolation event and the console error.
      await expect.poll(() => problems.some((problem) => problem.includes('style-src-attr blocked'))).toBe(true);
      await expect.poll(() => problems.some((problem) => problem.startsWith('console:'))).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('the embed builder shows its preview frame, resized by embed.js', async () => {
    const { context, page, problems } = await watch();
    try {
      await page.goto(`${publisher!.origin}/embed/?chart=${CHART}`);
      await page.locator(`iframe[${EMBED_ATTRIBUTE}][data-de-an-06-resized="true"]`).waitFor({ state: 'attached', timeout: 10_000 });
      await expect(page.locator('#builder-snippet').inputValue()).resolves.toContain(`/embed/${CHART}/`);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const [path, query, expected] of [['/search/', 'dinh danh', '/indicators/eid-accounts-activated/'], ['/en/search/', 'electronic ID', '/en/indicators/eid-accounts-activated/']] as const) {
    it(`search (${path}) renders its labelled input and finds "${query}"`, async () => {
      const { context, page, problems } = await watch({ viewport: { width: 390, height: 844 } });
      try {
        await page.goto(publisher!.origin + path);
        const input = page.getByRole('searchbox');
        await expect(input.getAttribute('id')).resolves.toBe('search-input');
        await input.fill(query);
        await page.locator(`.search-results a[href*="${expected}"]`).first().waitFor({ timeout: 10_000 });
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('the search input passes axe\'s label rules', async () => {
    // axe is injected as an inline script: this one context bypasses the CSP.
    const context = await browser!.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(`${publisher!.origin}/search/`);
      await page.locator('#search-input').waitFor();
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string }> }> } }).axe;
        return (await axe.run(document, { runOnly: { type: 'rule', values: ['label', 'label-title-only'] } })).violations.map((v) => v.id);
      });
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const [theme, scheme] of [['dark', 'light'], ['light', 'dark']] as const) {
    it(`embed ?theme=${theme} sets data-theme before the page is shown (${scheme} browser)`, async () => {
      const { context, page, problems } = await watch({ colorScheme: scheme });
      try {
        await page.goto(`${publisher!.origin}/embed/${CHART}/?theme=${theme}`, { waitUntil: 'commit' });
        await page.waitForLoadState('domcontentloaded');
        await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe(theme);
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        const [r, g, b] = background.match(/\d+/g)!.map(Number);
        expect((r! + g! + b!) / 3 < 128, background).toBe(theme === 'dark');
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('the citation gets its access date, tooltips load (external scripts ran), chart text is 13px as before', async () => {
    const { context, page, problems } = await watch();
    try {
      await page.goto(`${publisher!.origin}/indicators/${CHART}/`);
      await expect.poll(() => page.locator('[data-citation]').first().textContent()).not.toContain('[ngày truy cập]');
      await page.locator('.chart-plot').first().scrollIntoViewIfNeeded();
      await page.locator('.chart-plot[data-enhanced="true"]').first().waitFor({ state: 'attached', timeout: 5_000 });
      // Charts look as they did with Plot's style="" (blocked now): 13px text in the page's font, tabular figures.
      const text = await page.locator('svg.chart-svg').filter({ visible: true }).first().evaluate((svg) => {
        const style = getComputedStyle(svg.querySelector('text')!);
        return { size: style.fontSize, family: style.fontFamily, body: getComputedStyle(document.body).fontFamily, numeric: style.fontVariantNumeric, overflow: getComputedStyle(svg).overflow };
      });
      expect(text).toEqual({ size: '13px', family: text.body, body: text.body, numeric: 'tabular-nums', overflow: 'visible' });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('an embed page: links open a new tab, a hidden h1 names the chart, "Lấy dữ liệu" leads to its CSV', async () => {
    const { context, page, problems } = await watch();
    try {
      await page.goto(`${publisher!.origin}/embed/${CHART}/`);
      await expect(page.locator('base').getAttribute('target')).resolves.toBe('_blank');
      const title = await page.locator('h2.chart-title').textContent();
      await expect(page.locator('h1').textContent()).resolves.toBe(title);
      await expect(page.locator('h1').evaluate((h1) => h1.getBoundingClientRect().width <= 1)).resolves.toBe(true);
      const data = page.locator('a.embed-data');
      await expect(data.textContent()).resolves.toContain('Lấy dữ liệu');
      const href = await data.getAttribute('href');
      expect(href).toBe(`/downloads/vi/${CHART}.csv`);
      const csv = await page.request.get(publisher!.origin + href);
      expect(csv.status()).toBe(200);
      expect(await csv.text()).toMatch(/^indicator_id,/);
      // Every link opens elsewhere (the base target), external ones without a window.opener.
      const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, target: (a as HTMLAnchorElement).target || document.querySelector('base')?.target, rel: a.getAttribute('rel') ?? '' })));
      expect(links.length).toBeGreaterThan(2);
      for (const link of links) {
        expect(link.target, link.href).toBe('_blank');
        if (!link.href.startsWith(publisher!.origin)) expect(link.rel, link.href).toContain('noopener');
      }
      // A click opens a new tab; the embed stays where it is.
      const [popup] = await Promise.all([context.waitForEvent('page'), data.click()]);
      await popup.close();
      expect(page.url()).toBe(`${publisher!.origin}/embed/${CHART}/`);
      // The data table's toggle (a same-page control) still opens in place.
      await page.locator('details.chart-data > summary').click();
      await expect(page.locator('details.chart-data').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a pinned embed leads to the data of its release', async () => {
    const { context, page } = await watch();
    try {
      const release = first('embed/v');
      await page.goto(`${publisher!.origin}/en/embed/v/${release}/${CHART}/`);
      await expect(page.locator('a.embed-data').textContent()).resolves.toContain('Get the data');
      // The fixture's releases are not in a lock: new releases, whose snapshot is a Data Package of their month files.
      await expect(page.locator('a.embed-data').getAttribute('href')).resolves.toBe(`/data/v/${release}/datapackage.json`);
      expect(existsSync(join(site!.outDir, 'data', 'v', release, 'datapackage.json'))).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('embeds framed by another origin', () => {
  const frameHeight = (page: Page, selector: string) => page.locator(selector).evaluate((iframe) => Number(iframe.getAttribute('height')));

  it('the real embed is resized; hostile frames (NaN, -50, 1e7, no version, a valid-looking message) are not', async () => {
    const { context, page, problems } = await watch({ viewport: { width: 768, height: 900 } });
    try {
      const names = Object.keys(HOSTILE);
      await page.goto(`${host!.origin}/article?hostile=${names.join(',')}`);
      const embed = page.locator(`iframe[${EMBED_ATTRIBUTE}][src^="${publisher!.origin}"]`);
      await embed.scrollIntoViewIfNeeded();
      await page.locator('iframe[data-de-an-06-resized="true"]').first().waitFor({ state: 'attached', timeout: 10_000 });
      // Wait until every hostile frame has posted all its messages, then a little longer.
      await page.waitForFunction((count) => [...Array(count).keys()].every((i) => (document.getElementById(`hostile-${i}`) as HTMLIFrameElement).contentWindow?.['posted' as never]), names.length, { timeout: 10_000 });
      await page.waitForTimeout(300);
      const frame = (await (await embed.elementHandle())!.contentFrame())!;
      const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      const resized = await embed.evaluate((iframe) => Number(iframe.getAttribute('height')));
      expect(Math.abs(resized - content)).toBeLessThanOrEqual(2);
      expect(resized).toBeGreaterThanOrEqual(EMBED_HEIGHT.min);
      for (const [i, name] of names.entries()) {
        expect(await frameHeight(page, `#hostile-${i}`), name).toBe(150);
        await expect(page.locator(`#hostile-${i}`).getAttribute('data-de-an-06-resized'), name).resolves.toBeNull();
      }
      // The host's own strict CSP let our resizer run (script-src = our origin only) and frame the embed.
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('embed.js loaded after the embed reported its size still sizes it (it asks again)', async () => {
    const { context, page, problems } = await watch({ viewport: { width: 768, height: 900 } });
    try {
      await page.goto(`${host!.origin}/article?late=1`);
      const embed = page.locator(`iframe[${EMBED_ATTRIBUTE}]`);
      await expect(embed.getAttribute('data-de-an-06-resized')).resolves.toBeNull();
      await page.locator('iframe[data-de-an-06-resized="true"]').waitFor({ state: 'attached', timeout: 15_000 });
      const frame = (await (await embed.elementHandle())!.contentFrame())!;
      const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      expect(Math.abs((await frameHeight(page, `iframe[${EMBED_ATTRIBUTE}]`)) - content)).toBeLessThanOrEqual(2);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the embed page itself, framed by another origin, reports no violation', async () => {
    const { context, page, problems } = await watch({ colorScheme: 'dark' });
    try {
      await page.goto(`${host!.origin}/article`);
      await page.locator('iframe[data-de-an-06-resized="true"]').waitFor({ state: 'attached', timeout: 10_000 });
      await page.waitForTimeout(200);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

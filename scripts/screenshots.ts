/**
 * `npm run screenshots [-- --out <folder> --lang vi|en|both --dist <folder> --indicator <id>]`: serves the built site
 * (dist/, run `npm run build` first) at the address it was built for (the preview address, http://localhost:4321/,
 * unless SITE_URL says otherwise), with the headers of src/lib/site/security-headers.ts (so pages are shot under
 * their real CSP), and writes PNG screenshots of each kind of page a reader or journalist opens — home, an indicator,
 * the newest month, a story, the catalogue, search with a query typed, the embed builder — at 360×800 (phone) and
 * 1280×900 (desktop), light and dark, first screen and full page, into a folder it prints (default `screenshots/`,
 * git-ignored). Drives Debian's Chromium through playwright-core (CHROMIUM_PATH; no browser is downloaded).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { siteAddress, withoutBase } from '../src/lib/site/address.ts';
import { headersFor } from '../src/lib/site/security-headers.ts';

const root = resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: {
    out: { type: 'string', default: 'screenshots' },
    dist: { type: 'string', default: 'dist' },
    lang: { type: 'string', default: 'vi' },
    indicator: { type: 'string', default: 'bank-cif-biometric' },
  },
});
const dist = resolve(root, options.dist);
const out = resolve(root, options.out);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORTS = [{ name: '360', width: 360, height: 800 }, { name: '1280', width: 1280, height: 900 }] as const;
const SCHEMES = ['light', 'dark'] as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml', '.json': 'application/json', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png',
  '.woff2': 'font/woff2', '.webmanifest': 'application/manifest+json', '.wasm': 'application/wasm', '.csv': 'text/csv; charset=utf-8',
};

/** A static server for dist/ under the base path, answering with the site's headers (a missing page: 404.html). */
function serveDist(port: number, host: string): Promise<Server> {
  const address = siteAddress();
  const server = createServer((request, response) => {
    const requestPath = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const path = withoutBase(requestPath, address);
    let file = normalize(join(dist, path));
    if (!file.startsWith(dist)) return void response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void response.writeHead(404, { 'content-type': TYPES['.html']! }).end(existsSync(join(dist, '404.html')) ? readFileSync(join(dist, '404.html')) : 'not found');
    response.writeHead(200, { ...headersFor(requestPath, address), 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done(server));
  });
}

/** Folder names under dist/<path> (pages of one kind). */
function folders(path: string): string[] {
  const dir = join(dist, path);
  return existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];
}

/** The pages to shoot in a language: name → locale-free path, plus what to do once loaded. */
function pages(prefix: string, locale: 'vi' | 'en'): Array<{ name: string; path: string; act?: (page: Page) => Promise<void> }> {
  const month = folders(`${prefix}months`).filter((name) => /^\d{4}-\d{2}$/.test(name)).at(-1);
  const story = folders(`${prefix}articles`)[0];
  // The indicator asked for, or the first one when this build has no such page (the test fixture has other ids).
  const indicators = folders(`${prefix}indicators`);
  const indicator = indicators.includes(options.indicator) ? options.indicator : indicators[0];
  const query = locale === 'vi' ? 'dinh danh' : 'electronic ID';
  return [
    { name: 'home', path: '' },
    ...(indicator ? [{ name: `indicator-${indicator}`, path: `indicators/${indicator}/` }] : []),
    ...(month ? [{ name: `month-${month}`, path: `months/${month}/` }] : []),
    ...(story ? [{ name: `story-${story}`, path: `articles/${story}/` }] : []),
    { name: 'catalogue', path: 'indicators/' },
    {
      name: 'search',
      path: 'search/',
      act: async (page) => {
        const input = page.locator('#search input, main input[type="search"]').first();
        await input.fill(query);
        await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
        await page.waitForTimeout(500);
      },
    },
    {
      name: 'embed-builder',
      path: 'embed/',
      act: async (page) => {
        await page.locator('iframe[data-de-an-06-embed]').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
        await page.waitForTimeout(1_000);
      },
    },
  ];
}

/** Scrolls to the end and back, so charts and lazy parts near the screen have loaded; then waits for fonts. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await new Promise((done) => setTimeout(done, 60));
    }
    window.scrollTo(0, 0);
    await document.fonts.ready;
  });
  await page.waitForTimeout(300);
}

async function main(): Promise<void> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`No built site in ${dist}: run \`npm run build\` first.`);
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: \`apt-get install -y chromium\`, or set CHROMIUM_PATH.`);
  const address = siteAddress();
  const local = ['localhost', '127.0.0.1'].includes(new URL(address.origin).hostname);
  const url = new URL(local ? address.origin : 'http://localhost:4321');
  if (!local) console.warn(`The site was built for ${address.origin}; serving it at ${url.origin} (embeds and absolute links point to the real address).`);
  // The build's own address when it is free; else any free port (the pages look the same; the embed builder's
  // preview frame is then not resized, since embed.js trusts only the build's origin).
  const server = await serveDist(Number(url.port || 80), url.hostname).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    console.warn(`${url.host} is in use (a preview server?); serving on another port.`);
    return serveDist(0, url.hostname);
  });
  url.port = String((server.address() as AddressInfo).port);
  const origin = `${url.origin}${address.base.replace(/\/$/, '')}`;
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const locales = options.lang === 'both' ? (['vi', 'en'] as const) : options.lang === 'en' ? (['en'] as const) : (['vi'] as const);
  let written = 0;
  try {
    for (const locale of locales) {
      const prefix = locale === 'vi' ? '' : 'en/';
      for (const target of pages(prefix, locale)) {
        for (const viewport of VIEWPORTS) {
          for (const scheme of SCHEMES) {
            const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, colorScheme: scheme, deviceScaleFactor: 1 });
            const page = await context.newPage();
            try {
              const response = await page.goto(`${origin}/${prefix}${target.path}`, { waitUntil: 'load' });
              if (!response?.ok()) console.warn(`${target.name}: HTTP ${response?.status()} for /${prefix}${target.path}`);
              await settle(page);
              await target.act?.(page);
              const base = `${locale === 'vi' ? '' : 'en-'}${target.name}-${viewport.name}-${scheme}`;
              await page.screenshot({ path: join(out, `${base}-first.png`) });
              await page.screenshot({ path: join(out, `${base}-full.png`), fullPage: true });
              written += 2;
            } finally {
              await context.close();
            }
          }
        }
      }
    }
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.close(() => done()));
  }
  console.log(`${written} screenshots in ${out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

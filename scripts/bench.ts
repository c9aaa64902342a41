/**
 * What a reader downloads: builds the site from data/ into a temporary folder
 * and prints, per page type, the bytes of HTML, CSS and JavaScript (raw, gzip,
 * brotli), the tooltip chunk loaded later, and the number of charts; then the
 * build time, dist size and page count. It prints figures; it asserts nothing.
 *
 *   npm run bench
 *   npm run bench -- --explorer            # the explorer's figures only, with its pages' JS (still one build)
 *   npm run bench -- --dist /tmp/dist      # measure a build already made (from data/), no build
 *
 * "JS before interaction" is every script the page runs on load (<script src>,
 * inline module scripts) plus the modules they import statically; the chunks
 * they import dynamically (the chart tooltip, loaded when a chart nears the
 * viewport) are counted apart. Each file is compressed on its own, as a server
 * sends it: gzip at level 6 (the zlib default), brotli at quality 11.
 *
 * Then the explorer (issue 12): the code its first use loads (budget 30 KB brotli), the data it fetches for the
 * indicator with the most figures, and the median of 20 redraws after a range change and after an indicator change
 * on that page in Chromium (budget 16 ms), as the explorer times them (data-redraw-ms).
 *
 * With --growth or --figures it runs the growth benchmark instead (scripts/bench/growth.ts, issue 14):
 *   npm run bench -- --growth                 today's data, 40 / 80 / 120 dense releases, 10,000 and 100,000 figures
 *   npm run bench -- --growth=40,80           a subset (add `today` for the real data); --figures=10000 likewise
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { loadDataset } from '../src/lib/data/load.ts';
import { readDataDirectory } from '../src/lib/data/read-directory.ts';

import { parseGrowthArgs } from './bench/growth-summary.ts';
import { runGrowthBench } from './bench/growth.ts';

/** JavaScript before first interaction, on any page (issue 12: unchanged at 2.5 KB brotli). */
const JS_BUDGET_KB = 2.5;
const EXPLORER_BUDGET_KB = 30;
const REDRAW_BUDGET_MS = 16;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.env.DATA_DIR ?? join(root, 'data'));

interface Size { raw: number; gzip: number; brotli: number }
const ZERO: Size = { raw: 0, gzip: 0, brotli: 0 };
const add = (a: Size, b: Size): Size => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
function size(content: string | Buffer): Size {
  const buffer = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length } }).length,
  };
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const triple = (s: Size) => `${kb(s.raw)} / ${kb(s.gzip)} / ${kb(s.brotli)}`;

const growth = parseGrowthArgs(process.argv.slice(2));
if (growth) {
  await runGrowthBench(root, growth);
  process.exit(process.exitCode ?? 0);
}

const args = process.argv.slice(2);
const explorerOnly = args.includes('--explorer');
const givenDist = args.includes('--dist') ? resolve(args[args.indexOf('--dist') + 1] ?? '') : undefined;

// 1. Build from the real data into a temporary folder, timed (or measure the build given with --dist).
const work = givenDist ? '' : mkdtempSync(join(tmpdir(), 'de-an-06-bench-'));
const outDir = givenDist ?? join(work, 'dist');
if (givenDist) {
  if (!existsSync(join(outDir, 'index.html'))) {
    console.error(`✗ ${outDir} holds no built site (no index.html).`);
    process.exitCode = 1;
  } else await report(Number.NaN, `Measuring the build in ${outDir} (not rebuilt).`);
} else try {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, OUT_DIR: outDir },
    encoding: 'utf8',
  });
  const buildSeconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    console.error(`✗ Build failed; nothing to measure.\n${result.stdout}\n${result.stderr}`);
    process.exitCode = 1;
  } else {
    await report(buildSeconds, result.stdout.trim());
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

async function report(buildSeconds: number, buildSummary: string): Promise<void> {
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const distBytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const pageCount = files.filter((file) => file.endsWith('.html')).length;

  // The indicator and the month with the most figures: the heaviest pages of their kind.
  const dataset = loadDataset(readDataDirectory(dataDir, root));
  const perIndicator = new Map<string, number>();
  for (const release of dataset.releases) for (const figure of release.figures) perIndicator.set(figure.indicator, (perIndicator.get(figure.indicator) ?? 0) + 1);
  const [indicator, indicatorFigures] = [...perIndicator].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? ['', 0];
  const month = [...dataset.releases].sort((a, b) => b.figures.length - a.figures.length || a.id.localeCompare(b.id))[0];

  const pages: Array<{ label: string; path: string }> = [
    { label: 'home (vi)', path: '/' },
    { label: 'home (en)', path: '/en/' },
    { label: `indicator: ${indicator} (${indicatorFigures} figures)`, path: `/indicators/${indicator}/` },
    ...(month ? [{ label: `month: ${month.id} (${month.figures.length} figures)`, path: `/months/${month.id}/` }] : []),
    { label: 'about', path: '/about/' },
    { label: 'explore (vi)', path: '/kham-pha/' },
    { label: 'embed builder (vi)', path: '/embed/' },
  ];

  console.log(`\n${buildSummary}`);
  console.log(`Build time: ${Number.isNaN(buildSeconds) ? '—' : `${buildSeconds.toFixed(1)} s`}   dist: ${kb(distBytes)} in ${files.length} files   pages: ${pageCount}`);
  // With --explorer, the pages issue 12 added: their JS before interaction against the same budget as every page's.
  measurePages(explorerOnly ? pages.filter((page) => page.path === '/kham-pha/' || page.path === '/embed/') : pages);
  await measureExplorer(indicator, indicatorFigures);
}

function measurePages(pages: Array<{ label: string; path: string }>): void {
  console.log('\nSizes are raw / gzip / brotli (1 KB = 1024 bytes).\n');

  const rows = pages.map(({ label, path }) => ({ label, path, ...measurePage(path) }));
  const table: string[][] = [
    ['page', 'HTML', 'CSS', 'JS before interaction', 'tooltip chunk (br)', 'charts'],
    ...rows.map((r) => [r.label, triple(r.html), triple(r.css), triple(r.js), r.lazy.raw > 0 ? kb(r.lazy.brotli) : '—', String(r.charts)]),
  ];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log(line(table[0]!));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of table.slice(1)) console.log(line(row));

  console.log('\nScripts per page (before interaction; then loaded on demand):');
  for (const r of rows) console.log(`  ${r.path.padEnd(widths[0]!)}  ${r.jsFiles.join(', ') || '—'}${r.lazyFiles.length ? `  ⟶ later: ${r.lazyFiles.join(', ')}` : ''}`);

  const verdict = (row: (typeof rows)[number]) => (row.js.brotli <= JS_BUDGET_KB * 1024 ? 'within budget' : 'over budget');
  console.log(`\nJS before interaction (budget ${JS_BUDGET_KB} KB brotli on any page):`);
  for (const row of rows) console.log(`  ${row.label.padEnd(widths[0]!)}  ${kb(row.js.brotli)} brotli: ${verdict(row)}`);
  const worst = rows.reduce((a, b) => (b.js.brotli > a.js.brotli ? b : a));
  console.log(`JS before interaction: ${kb(worst.js.brotli)} brotli (budget ${JS_BUDGET_KB} KB): ${verdict(worst)}  [heaviest: ${worst.label}]`);
}

async function measureExplorer(indicator: string, indicatorFigures: number): Promise<void> {
  // The explorer: its code on first use (the dynamic import of explorer.*.js and what it pulls in beyond what the
  // page already loaded), the data it fetches for the page's indicator, and how fast a change redraws.
  const explorerPage = `/indicators/${indicator}/`;
  const explorerCode = explorerChunks(explorerPage);
  const dataFile = join(outDir, 'explore-data', `${indicator}.json`);
  console.log(`\nExplorer code on first use: ${triple(explorerCode.size)} (budget ${EXPLORER_BUDGET_KB} KB brotli: ${explorerCode.size.brotli <= EXPLORER_BUDGET_KB * 1024 ? 'within budget' : 'over budget'})  [${explorerCode.files.join(', ')}]`);
  if (explorerCode.laterFiles.length > 0) console.log(`Explorer code on the first download of a view: ${triple(explorerCode.later)}  [${explorerCode.laterFiles.join(', ')}]`);
  const all = explorerCode.size.brotli + explorerCode.later.brotli;
  console.log(`All explorer code (everything any explorer interaction can load): ${kb(all)} brotli (budget ${EXPLORER_BUDGET_KB} KB: ${all <= EXPLORER_BUDGET_KB * 1024 ? 'within budget' : 'over budget'})`);
  if (existsSync(dataFile)) console.log(`Explorer data for ${indicator}: ${triple(size(readFileSync(dataFile)))} (/explore-data/${indicator}.json, fetched once)`);
  const timings = await redrawTimings(explorerPage);
  for (const [label, values] of Object.entries(timings)) {
    if (values.length === 0) continue;
    console.log(`Redraw after ${label === "indicator" ? "an" : "a"} ${label} change, ${explorerPage} (${indicatorFigures} figures): median ${median(values).toFixed(1)} ms of ${values.length} (budget ${REDRAW_BUDGET_MS} ms; min ${Math.min(...values).toFixed(1)}, max ${Math.max(...values).toFixed(1)})`);
  }
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
}

/** The explorer's chunks: what the dynamic import of explorer.*.js loads beyond the page's own scripts. */
function explorerChunks(path: string): { size: Size; files: string[]; later: Size; laterFiles: string[] } {
  const html = readFileSync(join(outDir, path, 'index.html'), 'utf8');
  const pageUrl = posix.join(path, 'index.html');
  const loaded = new Set<string>();
  const lazy = new Set<string>();
  for (const [, attributes = ''] of html.matchAll(/<script\b([^>]*)>/gi)) {
    const src = attribute(`<x ${attributes}>`, 'src');
    if (src) follow(resolveUrl(src, pageUrl), loaded, lazy);
  }
  const entry = [...lazy].find((url) => /\/explorer\.[\w-]+\.js$/.test(url));
  if (!entry) return { size: ZERO, files: [], later: ZERO, laterFiles: [] };
  const chunks = new Set<string>();
  const later = new Set<string>();
  follow(entry, chunks, later);
  const files = [...chunks].filter((url) => !loaded.has(url));
  // A chunk loaded later (the files of a download) with everything it imports in turn, beyond what is loaded already.
  const laterAll = new Set<string>();
  for (const url of later) if (!chunks.has(url) && !loaded.has(url)) follow(url, laterAll, laterAll);
  const onDownload = [...laterAll].filter((url) => !chunks.has(url) && !loaded.has(url));
  return {
    size: files.reduce((sum, url) => add(sum, size(readAsset(url, pageUrl))), ZERO),
    files: files.map((url) => posix.basename(url)),
    later: onDownload.reduce((sum, url) => add(sum, size(readAsset(url, pageUrl))), ZERO),
    laterFiles: onDownload.map((url) => posix.basename(url)),
  };
}

/**
 * Serves dist/, opens the page in Chromium (playwright-core, Debian's /usr/bin/chromium or CHROMIUM_PATH), starts the
 * explorer, then times 20 range changes and 20 indicator changes (when the indicator has a partner on its axis). The
 * explorer records the time of its synchronous redraw (data already loaded) in data-redraw-ms.
 */
async function redrawTimings(path: string): Promise<Record<string, number[]>> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    console.log(`Redraw timing skipped: no Chromium at ${executablePath} (set CHROMIUM_PATH).`);
    return {};
  }
  const server = createServer((request, response) => {
    let file = join(outDir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (relative(outDir, file).startsWith('..') || !existsSync(file)) return void response.writeHead(404).end();
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : file.endsWith('.json') ? 'application/json' : file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream';
    response.writeHead(200, { 'content-type': type }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const timings: Record<string, number[]> = { range: [], indicator: [] };
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);
    const root = page.locator('[data-explorer]').first();
    const redraw = async (action: () => Promise<unknown>) => {
      await root.evaluate((node) => { delete (node as HTMLElement).dataset.redrawMs; });
      await action();
      await page.waitForFunction((node) => (node as HTMLElement).dataset.redrawMs !== undefined, await root.elementHandle(), { timeout: 10_000 });
      return Number(await root.getAttribute('data-redraw-ms'));
    };
    await root.locator('button[data-view="chart"]').click();
    await root.locator('[data-ready]').or(page.locator('[data-explorer][data-ready]')).first().waitFor({ timeout: 10_000 });
    const months = await root.locator('[data-range="from"] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    for (let i = 0; i < 20; i++) {
      const from = months[i % Math.max(1, months.length - 1)]!;
      timings.range!.push(await redraw(() => root.locator('[data-range="from"]').selectOption(from)));
    }
    const partner = await root.locator('[data-add-select] option:not([disabled]):not([value=""])').first().getAttribute('value').catch(() => null);
    if (partner) {
      await root.locator('[data-preset="all"]').click();
      for (let i = 0; i < 20; i++) {
        if (i % 2 === 0) {
          timings.indicator!.push(await redraw(async () => {
            await root.locator('[data-add-select]').selectOption(partner);
            await root.locator('button[data-add]').click();
          }));
        } else {
          timings.indicator!.push(await redraw(() => root.locator(`button[data-remove="${partner}"]`).click()));
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return timings;
}

/** The bytes a reader downloads for one page, by type. */
function measurePage(path: string) {
  const htmlFile = join(outDir, path, 'index.html');
  if (!existsSync(htmlFile)) throw new Error(`bench: ${path} was not built (${htmlFile})`);
  const html = readFileSync(htmlFile, 'utf8');
  const pageUrl = posix.join(path, 'index.html');

  let css = ZERO;
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (/\brel=["']?stylesheet\b/i.test(tag)) css = add(css, size(readAsset(attribute(tag, 'href'), pageUrl)));
  }
  for (const [, body] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) css = add(css, size(body ?? ''));

  // Scripts that run on load, and the modules they import; data islands (application/json) are not scripts.
  const loaded = new Set<string>();
  const lazy = new Set<string>();
  let js = ZERO;
  const inline: string[] = [];
  for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const type = attribute(`<x ${attributes}>`, 'type');
    if (type && !/^(module|text\/javascript|application\/javascript)$/i.test(type)) continue;
    const src = attribute(`<x ${attributes}>`, 'src');
    if (src) follow(resolveUrl(src, pageUrl), loaded, lazy);
    else {
      js = add(js, size(body));
      inline.push(`inline (${body.length} B)`);
      for (const { specifier, dynamic } of imports(body)) (dynamic ? lazy : loaded).add(resolveUrl(specifier, pageUrl));
    }
  }
  for (const url of [...loaded]) follow(url, loaded, lazy);
  for (const url of loaded) js = add(js, size(readAsset(url, pageUrl)));

  // What the dynamic imports pull in, beyond what is already loaded.
  const lazyAll = new Set<string>();
  for (const url of lazy) if (!loaded.has(url)) follow(url, lazyAll, new Set());
  let lazySize = ZERO;
  for (const url of lazyAll) if (!loaded.has(url)) lazySize = add(lazySize, size(readAsset(url, pageUrl)));

  return {
    html: size(html),
    css,
    js,
    lazy: lazySize,
    jsFiles: [...[...loaded].map((url) => posix.basename(url)), ...inline],
    lazyFiles: [...lazyAll].filter((url) => !loaded.has(url)).map((url) => posix.basename(url)),
    charts: (html.match(/<figure\b[^>]*\bclass=["'](?:[^"']*\s)?chart(?:\s[^"']*)?["']/gi) ?? []).length,
  };
}

/** Adds a module and, recursively, its static imports to `loaded`; its dynamic imports go to `lazy`. */
function follow(url: string, loaded: Set<string>, lazy: Set<string>): void {
  loaded.add(url);
  const file = assetPath(url);
  if (!file.endsWith('.js') && !file.endsWith('.mjs')) return;
  for (const { specifier, dynamic } of imports(readFileSync(file, 'utf8'))) {
    const target = resolveUrl(specifier, url);
    if (dynamic) lazy.add(target);
    else if (!loaded.has(target)) follow(target, loaded, lazy);
  }
}

/** Relative and absolute import specifiers in a built chunk (bare specifiers cannot occur in dist/). */
function imports(code: string): Array<{ specifier: string; dynamic: boolean }> {
  const found: Array<{ specifier: string; dynamic: boolean }> = [];
  const quoted = String.raw`["'\`]((?:\.{1,2}\/|\/)[^"'\`]+)["'\`]`;
  for (const match of code.matchAll(new RegExp(String.raw`\bimport\s*\(\s*${quoted}`, 'g'))) found.push({ specifier: match[1]!, dynamic: true });
  for (const match of code.matchAll(new RegExp(String.raw`(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]+?\s*from\s*)?${quoted}`, 'g'))) found.push({ specifier: match[1]!, dynamic: false });
  return found;
}

function attribute(tag: string, name: string): string {
  const match = new RegExp(String.raw`\s${name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : '';
}
function resolveUrl(specifier: string, from: string): string {
  return new URL(specifier, `http://site${from.startsWith('/') ? from : `/${from}`}`).pathname;
}
function assetPath(url: string): string {
  const file = join(outDir, decodeURIComponent(url));
  if (relative(outDir, file).startsWith('..')) throw new Error(`bench: ${url} is outside dist/`);
  return file;
}
function readAsset(url: string, from: string): Buffer {
  const file = assetPath(resolveUrl(url, from));
  if (!existsSync(file)) throw new Error(`bench: ${url} (from ${from}) is not in dist/`);
  return readFileSync(file);
}

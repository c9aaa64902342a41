/**
 * What a reader downloads: builds the site from data/ into a temporary folder
 * and prints, per page type, the bytes of HTML, CSS and JavaScript (raw, gzip,
 * brotli), the tooltip chunk loaded later, and the number of charts; then the
 * build time, dist size and page count. It prints figures; it asserts nothing.
 *
 *   npm run bench
 *
 * "JS before interaction" is every script the page runs on load (<script src>,
 * inline module scripts) plus the modules they import statically; the chunks
 * they import dynamically (the chart tooltip, loaded when a chart nears the
 * viewport) are counted apart. Each file is compressed on its own, as a server
 * sends it: gzip at level 6 (the zlib default), brotli at quality 11.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { loadDataset } from '../src/lib/data/load.ts';
import { readDataDirectory } from '../src/lib/data/read-directory.ts';

const JS_BUDGET_KB = 30;
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

// 1. Build from the real data into a temporary folder, timed.
const work = mkdtempSync(join(tmpdir(), 'de-an-06-bench-'));
const outDir = join(work, 'dist');
try {
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
    report(buildSeconds, result.stdout.trim());
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

function report(buildSeconds: number, buildSummary: string): void {
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
  ];

  console.log(`\n${buildSummary}`);
  console.log(`Build time: ${buildSeconds.toFixed(1)} s   dist: ${kb(distBytes)} in ${files.length} files   pages: ${pageCount}`);
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

  const worst = rows.reduce((a, b) => (b.js.brotli > a.js.brotli ? b : a));
  const verdict = worst.js.brotli <= JS_BUDGET_KB * 1024 ? 'within budget' : 'over budget';
  console.log(`\nJS before interaction: ${kb(worst.js.brotli)} brotli (budget ${JS_BUDGET_KB} KB): ${verdict}  [heaviest: ${worst.label}]`);
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

/**
 * Checks over a built dist/, shared by the tests and `npm run audit-dist`:
 * - every URL the build wrote (links, assets, embed snippets, oEmbed, feeds, sitemaps, manifests, data packages)
 *   that points at the site stays under its base path and names a file;
 * - inline code that a strict Content-Security-Policy blocks: inline scripts, <style> elements, style="" attributes,
 *   on* handlers, javascript: URLs;
 * - (optional) the W3C Nu HTML checker (vnu-jar, needs Java) over HTML files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

export interface LinkReport {
  /** URLs checked (pointing at the site). */
  checked: number;
  /** "file: url" of URLs at the site's origin or root-relative that are not under the base path. */
  outside: string[];
  /** "file: url" of URLs under the base path with no file behind them. */
  missing: string[];
}

export function distFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

const unescapeHtml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;|&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Every URL-looking value a file holds: attributes in HTML and XML, strings in JSON, url() in CSS, lines in text. */
export function urlsIn(file: string, text: string): string[] {
  const found: string[] = [];
  if (/\.(html|xml|svg)$/.test(file)) {
    // Snippets inside <textarea> are escaped text: unescape them to read their attributes too.
    const unescaped = unescapeHtml(text);
    for (const m of unescaped.matchAll(/\b(?:href|src|content|action|poster|data-src)="([^"]*)"/g)) found.push(m[1]!);
    for (const m of unescaped.matchAll(/<(?:loc|link|guid|url|id)>([^<]+)<\//g)) found.push(m[1]!.trim());
  } else if (/\.(json|webmanifest)$/.test(file)) {
    // Strings inside strings (an oEmbed snippet) are escaped: \" ends a URL too.
    for (const m of text.matchAll(/"((?:https?:\/\/|\/)[^"\s\\]*)/g)) found.push(m[1]!);
  } else if (file.endsWith('.css')) {
    for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) found.push(m[1]!);
  } else if (file === '_headers' || file.endsWith('.txt')) {
    for (const m of text.matchAll(/https?:\/\/[^\s"'<>]+/g)) found.push(m[0]);
  }
  return found;
}

/**
 * Follows every URL dist/ holds that points at the site (its origin, or root-relative) and checks that it stays
 * under `base` and names a file (a folder with index.html, or a data snapshot folder).
 */
export function checkLinks(dist: string, origin: string, base: string): LinkReport {
  const report: LinkReport = { checked: 0, outside: [], missing: [] };
  for (const file of distFiles(dist)) {
    if (file.startsWith('pagefind/') || file.startsWith('_astro/') && !file.endsWith('.css')) continue;
    if (!/\.(html|xml|json|css|txt|webmanifest|svg)$/.test(file) && file !== '_headers') continue;
    const text = readFileSync(join(dist, file), 'utf8');
    for (const url of urlsIn(file, text)) {
      const path = sitePathOf(url, origin);
      if (path === undefined) continue;
      report.checked++;
      if (!path.startsWith(base)) report.outside.push(`${file}: ${url}`);
      else if (!existsInDist(dist, path.slice(base.length))) report.missing.push(`${file}: ${url}`);
    }
  }
  return report;
}

function sitePathOf(url: string, origin: string): string | undefined {
  if (url.startsWith(`${origin}/`) || url === origin) return new URL(url).pathname;
  if (url.startsWith('/') && !url.startsWith('//')) return url.split(/[?#]/)[0];
  return undefined;
}

function existsInDist(dist: string, relativePath: string): boolean {
  const file = join(dist, decodeURIComponent(relativePath));
  if (!existsSync(file)) return false;
  // A data snapshot's folder is its identifier (datapackage.json "id"), not a page.
  if (statSync(file).isDirectory()) return existsSync(join(file, 'index.html')) || existsSync(join(file, 'datapackage.json'));
  return true;
}

export interface InlineReport {
  pages: number;
  inlineScripts: number;
  styleElements: number;
  styleAttributes: number;
  handlers: number;
  javascriptUrls: number;
  /** Up to 10 "file: what" examples. */
  examples: string[];
}

/** What a strict CSP (script-src 'self'; style-src 'self') would block, over every HTML page. */
export function inlineCode(dist: string): InlineReport {
  const report: InlineReport = { pages: 0, inlineScripts: 0, styleElements: 0, styleAttributes: 0, handlers: 0, javascriptUrls: 0, examples: [] };
  const note = (file: string, what: string) => {
    if (report.examples.length < 10) report.examples.push(`${file}: ${what}`);
  };
  for (const file of distFiles(dist).filter((f) => f.endsWith('.html'))) {
    report.pages++;
    // Textareas hold snippets as text, never run: leave them out.
    const html = readFileSync(join(dist, file), 'utf8').replace(/<textarea\b[\s\S]*?<\/textarea>/g, '');
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const attributes = m[1]!;
      const type = /\btype="([^"]*)"/.exec(attributes)?.[1];
      const data = type !== undefined && type !== 'module' && type !== 'text/javascript' && type !== 'application/javascript';
      if (!/\bsrc=/.test(attributes) && !data && m[2]!.trim() !== '') {
        report.inlineScripts++;
        note(file, `<script${attributes}>${m[2]!.trim().slice(0, 60)}`);
      }
    }
    const count = (pattern: RegExp, key: 'styleElements' | 'styleAttributes' | 'handlers' | 'javascriptUrls') => {
      for (const m of html.matchAll(pattern)) {
        report[key]++;
        note(file, m[0].trim().slice(0, 80));
      }
    };
    count(/<style\b/g, 'styleElements');
    count(/\sstyle="[^"]*"/g, 'styleAttributes');
    count(/\son[a-z]+="/g, 'handlers');
    count(/(?:href|src)="\s*javascript:/gi, 'javascriptUrls');
  }
  return report;
}

export interface VnuMessage { file: string; message: string }

/** The W3C Nu HTML checker's errors over the given HTML files (paths relative to dist), or undefined without Java. */
export function vnuErrors(dist: string, files: readonly string[]): VnuMessage[] | undefined {
  if (spawnSync('java', ['-version'], { encoding: 'utf8' }).error) return undefined;
  const jar = createRequire(import.meta.url).resolve('vnu-jar');
  const vnu = jar.endsWith('.jar') ? jar : join(jar, '..', 'build', 'dist', 'vnu.jar');
  const messages: VnuMessage[] = [];
  // In batches: one JVM per few hundred files keeps the command line short.
  for (let i = 0; i < files.length; i += 300) {
    const batch = files.slice(i, i + 300);
    const result = spawnSync('java', ['-Xss8m', '-jar', vnu, '--errors-only', '--format', 'json', ...batch], { cwd: dist, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const parsed = JSON.parse(result.stderr || '{"messages":[]}') as { messages: Array<{ type: string; url?: string; message: string }> };
    for (const m of parsed.messages) if (m.type === 'error') messages.push({ file: relative(dist, decodeURIComponent((m.url ?? '').replace(/^file:/, ''))), message: m.message });
  }
  return messages;
}

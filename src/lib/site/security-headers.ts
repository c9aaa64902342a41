/**
 * The HTTP headers the site is meant to be served with, in one place: the static host's `_headers` file (written
 * into dist/ at build time by scripts/post-build/headers.ts, Netlify and Cloudflare Pages syntax), the e2e test
 * server (test/e2e/csp.test.ts) and any other server config (an nginx example can be generated from `headersFor`).
 *
 * - Every page works under a strict Content-Security-Policy: no inline script, no inline style, no style="" (Astro
 *   is told not to inline scripts or stylesheets, charts carry no style attribute; test/e2e/csp.test.ts checks).
 *   `'wasm-unsafe-eval'` is for the search (Pagefind compiles WebAssembly), nothing else.
 * - Embed pages (`/embed/<chart>/…`, `/en/embed/<chart>/…`, pinned ones under `embed/v/`) may be framed by any site
 *   (`frame-ancestors *`); every other page only by the site itself (`frame-ancestors 'self'`), the embed builder
 *   at `/embed/` itself included: it is a page of the site that frames embeds, not an embed.
 * - Referrer-Policy and X-Content-Type-Options on every response.
 * - Cache: `/_astro/*` holds content-hashed files that never change (immutable, one year); everything else,
 *   HTML first, is revalidated on every use (it changes with each month's data).
 *
 * Paths here are site paths without the base path (`/embed/x/`); the functions that write patterns or take
 * request paths add or remove BASE_PATH (src/lib/site/address.ts).
 */
import { DEFAULT_LOCALE } from '../i18n/routes.ts';
import type { SiteAddress } from './address.ts';
import { siteAddress, withoutBase } from './address.ts';

/** The policy every page shares; `frame-ancestors` is added per kind of page. */
const BASE_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** Content-Security-Policy of the site's pages (framed only by the site itself). */
export const PAGE_CSP = [...BASE_POLICY, "frame-ancestors 'self'"].join('; ');
/** Content-Security-Policy of the embed pages, which any site may frame. */
export const EMBED_CSP = [...BASE_POLICY, 'frame-ancestors *'].join('; ');

/** Sent with every response. */
export const COMMON_HEADERS = {
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
} as const;

/** Cache-Control values: content-hashed assets never change; everything else is checked on every use. */
export const CACHE_CONTROL = {
  immutable: 'public, max-age=31536000, immutable',
  revalidate: 'public, max-age=0, must-revalidate',
} as const;

/** The folder of content-hashed assets (Astro's `build.assets`), cached for a year. */
export const IMMUTABLE_FOLDER = '/_astro/';

/** Locale prefixes of the site (`/en/`): their folders are listed one by one, like the top level. */
const LOCALE_PREFIXES = (['vi', 'en'] as const).filter((locale) => locale !== DEFAULT_LOCALE).map((locale) => `/${locale}/`);

/**
 * Whether a site path (without base path) is an embed page, which other sites may frame: something under
 * `/embed/<chart>/` or `/en/embed/<chart>/` (pinned: `/embed/v/<release>/<chart>/`). The folder `/embed/` itself
 * holds the embed builder, a page of the site, and is not.
 */
export function isEmbedPath(path: string): boolean {
  return /^\/(?:[a-z]{2}\/)?embed\/[^/]+\//.test(path);
}

/** Whether a site path is a folder of embed pages holding a page of its own (`/embed/`, `/en/embed/`: the builder). */
function isEmbedRoot(path: string): boolean {
  return !isEmbedPath(path) && isEmbedPath(`${path}x/`);
}

/**
 * Every header of the response to a request path (with the base path, as a server sees it): the common headers,
 * the page or embed CSP, and Cache-Control. For servers configured in code (the e2e test server, an nginx map).
 */
export function headersFor(requestPath: string, address: SiteAddress = siteAddress()): Record<string, string> {
  const path = withoutBase(requestPath, address);
  if (path.startsWith(IMMUTABLE_FOLDER)) return { ...COMMON_HEADERS, 'Cache-Control': CACHE_CONTROL.immutable };
  return { ...COMMON_HEADERS, 'Content-Security-Policy': isEmbedPath(path) ? EMBED_CSP : PAGE_CSP, 'Cache-Control': CACHE_CONTROL.revalidate };
}

/** One rule of a `_headers` file: a URL pattern and its headers. */
export interface HeaderRule {
  pattern: string;
  headers: Record<string, string>;
}

/**
 * The rules of the `_headers` file for a built site, from the folders and HTML files it holds (site paths without
 * the base path: `/about/`, `/en/embed/`, `/404.html`; see `siteEntries` in scripts/post-build/headers.ts).
 *
 * Netlify and Cloudflare Pages disagree when two rules set the same header for a path (Netlify keeps the later
 * value, Cloudflare joins both, which would enforce `frame-ancestors 'self'` on embeds too). So no header is set
 * by two rules that can match one path: the common headers on `/*`, Cache-Control and CSP on one rule per folder
 * (`/embed/*` gets the embed policy), which is why folders are listed rather than matched by one `/*`.
 * A folder of embeds that is also a page (`/embed/`, the builder) gets two rules: the folder exactly (the page
 * policy) and `/embed/:chart/*` (a placeholder, one path segment, which both hosts support: the embed policy), so
 * neither matches the other's paths and the file stays far under Cloudflare's 100 rules.
 * A path under no listed folder (a missing page answered by 404.html) gets only the common headers.
 */
export function headerRules(entries: readonly string[], address: SiteAddress = siteAddress()): HeaderRule[] {
  const base = address.base;
  const pattern = (path: string) => `${base}${path.replace(/^\//, '')}`;
  const rules: HeaderRule[] = [
    { pattern: `${base}*`, headers: { ...COMMON_HEADERS } },
    { pattern: pattern(`${IMMUTABLE_FOLDER}*`), headers: { 'Cache-Control': CACHE_CONTROL.immutable } },
  ];
  const page = (path: string) => ({ 'Content-Security-Policy': isEmbedPath(path) ? EMBED_CSP : PAGE_CSP, 'Cache-Control': CACHE_CONTROL.revalidate });
  const sorted = [...new Set(entries)].sort();
  for (const path of sorted) {
    if (path === IMMUTABLE_FOLDER) continue;
    if (isEmbedRoot(path)) {
      rules.push({ pattern: pattern(path), headers: page(path) });
      rules.push({ pattern: pattern(`${path}:chart/*`), headers: page(`${path}x/`) });
    } else if (path === '/' || LOCALE_PREFIXES.includes(path)) {
      // A home page: the folder itself, exactly (its sub-folders are listed as entries of their own).
      rules.push({ pattern: pattern(path), headers: page(path) });
    } else if (path.endsWith('/')) {
      rules.push({ pattern: pattern(`${path}*`), headers: page(path) });
    } else if (path.endsWith('.html')) {
      rules.push({ pattern: pattern(path), headers: page(path) });
    }
  }
  return rules;
}

/** The `_headers` file (Netlify, Cloudflare Pages) for those rules, with a comment saying where it comes from. */
export function headersFile(rules: readonly HeaderRule[]): string {
  const lines = [
    '# Written at build time from src/lib/site/security-headers.ts (do not edit: change that module).',
    '# Syntax of Netlify and Cloudflare Pages. No two rules set the same header for one path.',
  ];
  for (const rule of rules) {
    lines.push('', rule.pattern, ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`));
  }
  return `${lines.join('\n')}\n`;
}

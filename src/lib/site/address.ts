/**
 * Where the site is served: its public origin (SITE_URL) and the path it lives under (BASE_PATH).
 *
 * - Unset, the build targets the local preview server (`npm run preview`, http://localhost:4321), so that every
 *   absolute URL — embed snippets, feeds, oEmbed, citations — works from the preview, and the build says so.
 * - A production build (`npm run build -- --production`, or PRODUCTION=1) without SITE_URL stops with a message.
 * - BASE_PATH puts the whole site under a sub-path (`/de-an-06/` for a GitHub Pages project site); every internal
 *   link goes through `sitePath()` or `localePath()` (src/lib/i18n/routes.ts), never a literal "/…".
 *
 * Read once per process from the environment; the pure helpers take an explicit address for tests.
 */

export interface SiteAddress {
  /** The public origin, without a trailing slash: `https://example.vn`. */
  origin: string;
  /** The path the site lives under, with both slashes: `/` or `/de-an-06/`. */
  base: string;
  /** origin + base: `https://example.vn/de-an-06/`. Absolute URLs are resolved against it. */
  root: string;
  /** True when SITE_URL was not set: the build targets the local preview server. */
  preview: boolean;
}

/** Astro's preview server (`npm run preview`), which a build without SITE_URL targets. */
export const PREVIEW_ORIGIN = 'http://localhost:4321';

export class SiteAddressError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

/** The address from SITE_URL and BASE_PATH; throws SiteAddressError with what was found and what to write. */
export function readSiteAddress(env: Env): SiteAddress {
  const rawSite = env.SITE_URL?.trim() ?? '';
  const preview = rawSite === '';
  let origin = PREVIEW_ORIGIN;
  let sitePath = '/';
  if (!preview) {
    let url: URL;
    try {
      url = new URL(rawSite);
    } catch {
      throw new SiteAddressError(`SITE_URL: found "${rawSite}"; expected the site's public address, e.g. SITE_URL=https://example.vn`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new SiteAddressError(`SITE_URL: found "${rawSite}"; expected an http(s) address, e.g. SITE_URL=https://example.vn`);
    }
    if (url.search || url.hash || url.username || url.password) {
      throw new SiteAddressError(`SITE_URL: found "${rawSite}"; expected an address without query, fragment or credentials, e.g. SITE_URL=${url.origin}`);
    }
    origin = url.origin;
    sitePath = url.pathname;
  }
  const rawBase = env.BASE_PATH?.trim() ?? '';
  if (rawBase !== '' && sitePath !== '/' && normaliseBase(rawBase, rawBase) !== normaliseBase(sitePath, rawSite)) {
    throw new SiteAddressError(`SITE_URL has the path "${sitePath}" and BASE_PATH is "${rawBase}"; give the path once: SITE_URL=${origin} BASE_PATH=${rawBase}`);
  }
  const base = normaliseBase(rawBase !== '' ? rawBase : sitePath, rawBase !== '' ? `BASE_PATH "${rawBase}"` : `SITE_URL "${rawSite}"`);
  return { origin, base, root: `${origin}${base}`, preview };
}

function normaliseBase(path: string, what: string): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  const segments = trimmed.split('/');
  for (const segment of segments) {
    if (!/^[A-Za-z0-9._~-]+$/.test(segment) || segment === '.' || segment === '..') {
      throw new SiteAddressError(`${what}: the path segment "${segment}" is not allowed; expected letters, digits, "-", "_", ".", "~" separated by "/", e.g. BASE_PATH=/de-an-06/`);
    }
  }
  return `/${segments.join('/')}/`;
}

let current: SiteAddress | undefined;

/** The address of this build (from process.env, read once). */
export function siteAddress(): SiteAddress {
  current ??= readSiteAddress(typeof process === 'undefined' ? {} : process.env);
  return current;
}

/** A site path with the base path: `sitePath('/embed.js')` → `/de-an-06/embed.js`. Idempotent. */
export function sitePath(path: string, address: SiteAddress = siteAddress()): string {
  if (address.base !== '/' && (path === address.base.slice(0, -1) || path.startsWith(address.base))) return path;
  return `${address.base}${path.replace(/^\/+/, '')}`;
}

/** An absolute URL for a site path (with or without the base path): `absoluteUrl('/x/')` → `https://example.vn/de-an-06/x/`. */
export function absoluteUrl(path: string, address: SiteAddress = siteAddress()): string {
  return new URL(sitePath(path, address), address.origin).href;
}

/** The site path without its base path, as the file lies in dist/: `/de-an-06/x/` → `/x/`. */
export function withoutBase(path: string, address: SiteAddress = siteAddress()): string {
  if (address.base === '/') return path;
  if (path.startsWith(address.base)) return `/${path.slice(address.base.length)}`;
  if (`${path}/` === address.base) return '/';
  return path;
}

/**
 * The embed protocol (the resizer written at build time, the message an embed page sends) and the security headers
 * module, without a browser: the resizer runs in a Node vm with a fake window holding fake iframes.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EMBED_ATTRIBUTE, EMBED_HEIGHT, EMBED_MESSAGE_TYPE, EMBED_REQUEST_TYPE, clampEmbedHeight, embedSizeMessage, embedSnippet, resizerScript } from '../../src/lib/embed/embed.ts';
import { readSiteAddress } from '../../src/lib/site/address.ts';
import { CACHE_CONTROL, EMBED_CSP, PAGE_CSP, headerRules, headersFile, headersFor, isEmbedPath } from '../../src/lib/site/security-headers.ts';

const ORIGIN = 'https://de-an-06.example.org';

describe('embed size message', () => {
  it('clamps to 1…20000 and refuses what is not a finite number', () => {
    expect(clampEmbedHeight(536.2)).toBe(537);
    expect(clampEmbedHeight(-50)).toBe(EMBED_HEIGHT.min);
    expect(clampEmbedHeight(0)).toBe(1);
    expect(clampEmbedHeight(1e7)).toBe(EMBED_HEIGHT.max);
    for (const bad of [Number.NaN, Infinity, -Infinity, '540', undefined, null]) expect(clampEmbedHeight(bad)).toBeUndefined();
  });

  it('is the version 1 message of the protocol', () => {
    expect(embedSizeMessage('x', 540.5)).toEqual({ type: EMBED_MESSAGE_TYPE, version: 1, chart: 'x', height: 541 });
    expect(embedSizeMessage('x', Number.NaN)).toBeUndefined();
  });

  it('the snippet marks its iframe for the resizer', () => {
    const snippet = embedSnippet({ src: `${ORIGIN}/embed/x/`, title: 'A "title"', height: 500, resizer: `${ORIGIN}/embed.js` });
    expect(snippet).toMatch(new RegExp(`<iframe [^>]*\\b${EMBED_ATTRIBUTE}\\b[^>]*></iframe>`));
    expect(snippet).toContain('title="A &quot;title&quot;"');
  });
});

interface FakeFrame {
  src: string;
  contentWindow: { postMessage: (data: unknown, target: string) => void };
  /** The messages embed.js sent to this frame. */
  received: unknown[];
  attributes: Map<string, string>;
  hasAttribute(name: string): boolean;
  setAttribute(name: string, value: string): void;
}

/** Runs embed.js in a fake host page; returns a way to post messages and the frames. */
function hostPage(script: string, frames: Array<{ src: string; marked: boolean }>) {
  const listeners: Array<(event: { origin: string; source: object; data: unknown }) => void> = [];
  const fakeFrames: FakeFrame[] = frames.map(({ src, marked }) => {
    const attributes = new Map<string, string>(marked ? [[EMBED_ATTRIBUTE, '']] : []);
    const received: unknown[] = [];
    return { src, received, contentWindow: { postMessage: (data) => void received.push(data) }, attributes, hasAttribute: (name) => attributes.has(name), setAttribute: (name, value) => void attributes.set(name, value) };
  });
  const window: Record<string, unknown> = { addEventListener: (type: string, listener: (typeof listeners)[number]) => type === 'message' && listeners.push(listener) };
  const document = {
    querySelectorAll: (selector: string) => {
      expect(selector).toBe(`iframe[${EMBED_ATTRIBUTE}]`);
      return fakeFrames.filter((frame) => frame.hasAttribute(EMBED_ATTRIBUTE));
    },
  };
  runInNewContext(script, { window, document, location: { href: 'https://newsroom.example.com/story' }, URL });
  return {
    frames: fakeFrames,
    post: (frame: number, origin: string, data: unknown) => listeners.forEach((listener) => listener({ origin, source: fakeFrames[frame]!.contentWindow, data })),
    listeners,
  };
}

describe('embed.js (resizerScript)', () => {
  const script = resizerScript(`${ORIGIN}/some/path/`);
  const size = (height: unknown, extra: object = {}) => ({ type: EMBED_MESSAGE_TYPE, version: 1, chart: 'x', height, ...extra });

  it('trusts the one origin written in, never "*"', () => {
    expect(script).toContain(`var ORIGIN = "${ORIGIN}";`);
    // The one "*" is where it asks our frames for their size (a request without data), never what it trusts.
    expect(script.match(/'\*'|"\*"/g)).toEqual(["'*'"]);
    expect(script).toContain("postMessage({ type: REQUEST, version: VERSION }, '*')");
    expect(() => resizerScript('not a url')).toThrow();
  });

  it('resizes a marked iframe of its origin, clamped', () => {
    const host = hostPage(script, [{ src: `${ORIGIN}/embed/x/`, marked: true }]);
    host.post(0, ORIGIN, size(540.2));
    expect(host.frames[0]!.attributes.get('height')).toBe('541');
    expect(host.frames[0]!.attributes.get('data-de-an-06-resized')).toBe('true');
    host.post(0, ORIGIN, size(1e7));
    expect(host.frames[0]!.attributes.get('height')).toBe('20000');
    host.post(0, ORIGIN, size(-50));
    expect(host.frames[0]!.attributes.get('height')).toBe('1');
  });

  it('ignores other origins, unmarked iframes, iframes of other origins, other versions and non-finite heights', () => {
    const host = hostPage(script, [
      { src: `${ORIGIN}/embed/x/`, marked: true },
      { src: `${ORIGIN}/embed/y/`, marked: false },
      { src: 'https://ads.example.net/frame', marked: true },
    ]);
    host.post(0, 'https://ads.example.net', size(5000));
    host.post(1, ORIGIN, size(5000));
    host.post(2, ORIGIN, size(5000));
    for (const data of [size(Number.NaN), size(Infinity), size('5000'), size(5000, { version: 2 }), { type: EMBED_MESSAGE_TYPE, chart: 'x', height: 5000 }, { ...size(5000), type: 'other' }, null, 'text']) host.post(0, ORIGIN, data);
    expect(host.frames.map((frame) => frame.attributes.get('height'))).toEqual([undefined, undefined, undefined]);
  });

  it('listens once per page, however many snippets load it', () => {
    const window: Record<string, unknown> = {};
    let added = 0;
    window.addEventListener = () => added++;
    const document = { querySelectorAll: () => [] };
    runInNewContext(script, { window, document, location: { href: 'https://x.example/' }, URL });
    runInNewContext(script, { window, document, location: { href: 'https://x.example/' }, URL });
    expect(added).toBe(1);
  });

  it('on start, asks our embeds (only) for their size, in case they reported before it loaded', () => {
    const host = hostPage(script, [
      { src: `${ORIGIN}/embed/x/`, marked: true },
      { src: `${ORIGIN}/embed/y/`, marked: false },
      { src: 'https://ads.example.net/frame', marked: true },
    ]);
    expect(host.frames.map((frame) => frame.received)).toEqual([[{ type: EMBED_REQUEST_TYPE, version: 1 }], [], []]);
  });
});

describe('security headers', () => {
  it('a strict CSP: no inline script or style, WebAssembly for the search, framing by the site or, for embeds, anyone', () => {
    for (const policy of [PAGE_CSP, EMBED_CSP]) {
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(policy).toContain("style-src 'self'");
      expect(policy).toContain("img-src 'self' data:");
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval'(?<!wasm-unsafe-eval')/);
    }
    expect(PAGE_CSP).toContain("frame-ancestors 'self'");
    expect(EMBED_CSP).toContain('frame-ancestors *');
  });

  it('knows embed pages in both languages, live and pinned, with or without a base path', () => {
    for (const path of ['/embed/x/', '/en/embed/x/', '/embed/v/2024-07/x/', '/en/embed/v/2024-07/x/']) expect(isEmbedPath(path), path).toBe(true);
    // The embed builder (/embed/, /en/embed/) is a page of the site: it frames embeds, others may not frame it.
    for (const path of ['/', '/embed.js', '/embed/', '/en/embed/', '/embed/index.html', '/indicators/embed/', '/en/', '/articles/x/']) expect(isEmbedPath(path), path).toBe(false);
    const address = readSiteAddress({ SITE_URL: ORIGIN, BASE_PATH: '/de-an-06/' });
    expect(headersFor('/de-an-06/en/embed/x/', address)['Content-Security-Policy']).toBe(EMBED_CSP);
    expect(headersFor('/de-an-06/indicators/x/', address)['Content-Security-Policy']).toBe(PAGE_CSP);
    expect(headersFor('/de-an-06/_astro/a.1234.js', address)['Cache-Control']).toBe(CACHE_CONTROL.immutable);
    expect(headersFor('/de-an-06/', address)).toMatchObject({ 'Referrer-Policy': 'strict-origin-when-cross-origin', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': CACHE_CONTROL.revalidate });
  });

  it('the _headers file: under the base path, and no header set twice for one path (hosts merge those differently)', () => {
    const address = readSiteAddress({ SITE_URL: ORIGIN, BASE_PATH: '/de-an-06/' });
    const entries = ['/', '/_astro/', '/about/', '/embed/', '/en/', '/en/about/', '/en/embed/', '/indicators/', '/404.html'];
    const rules = headerRules(entries, address);
    expect(rules.every((rule) => rule.pattern.startsWith('/de-an-06/'))).toBe(true);
    // How Netlify matches a rule (@netlify/headers-parser getForRegExp): `:name` is one path segment, a standalone
    // `*` anything (the slash before it optional), a trailing slash optional. Cloudflare Pages reads both alike.
    const matches = (pattern: string, path: string) => {
      const parts = pattern.split('/').filter(Boolean).map((part) => (part.startsWith(':') ? '([^/]+)' : part === '*' ? '?(.*)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      return new RegExp(`^/${parts.join('/')}/?$`).test(path);
    };
    for (const path of ['/de-an-06/', '/de-an-06/about/', '/de-an-06/embed/', '/de-an-06/embed/x/', '/de-an-06/en/', '/de-an-06/en/embed/', '/de-an-06/en/embed/v/2024-07/x/', '/de-an-06/_astro/a.js', '/de-an-06/404.html', '/de-an-06/indicators/x/']) {
      const seen = new Map<string, string>();
      for (const rule of rules.filter((r) => matches(r.pattern, path))) {
        for (const [name, value] of Object.entries(rule.headers)) {
          expect(seen.has(name), `${name} set twice for ${path}`).toBe(false);
          seen.set(name, value);
        }
      }
      // The file says what headersFor says.
      expect(Object.fromEntries(seen), path).toEqual(headersFor(path, address));
    }
    const file = headersFile(rules);
    expect(file).toContain('\n/de-an-06/en/embed/:chart/*\n  Content-Security-Policy: ' + EMBED_CSP + '\n');
    // The builder page is the folder itself, with the page policy; no rule `/embed/*` would reach it.
    expect(file).toContain('\n/de-an-06/embed/\n  Content-Security-Policy: ' + PAGE_CSP + '\n');
    expect(file).not.toContain('/de-an-06/embed/*');
    expect(headersFor('/de-an-06/embed/', address)['Content-Security-Policy']).toBe(PAGE_CSP);
    expect(file).toContain('\n/de-an-06/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n');
  });
});

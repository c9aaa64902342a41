import { describe, expect, it } from 'vitest';
import { displayAddress, shareLinks } from '../../src/lib/site/share.ts';

const byNetwork = (url: string, text: string) => Object.fromEntries(shareLinks(url, text).map((link) => [link.network, link]));

describe('shareLinks', () => {
  it('gives plain links to Facebook, Zalo and X, in that order', () => {
    const links = shareLinks('https://example.vn/indicators/x/', 'Tiêu đề');
    expect(links.map((link) => [link.network, link.name])).toEqual([['facebook', 'Facebook'], ['zalo', 'Zalo'], ['x', 'X']]);
    expect(links[0]!.href).toBe('https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.vn%2Findicators%2Fx%2F');
    expect(links[1]!.href).toBe('https://zalo.me/share?url=https%3A%2F%2Fexample.vn%2Findicators%2Fx%2F');
    expect(links[2]!.href).toBe('https://twitter.com/intent/tweet?url=https%3A%2F%2Fexample.vn%2Findicators%2Fx%2F&text=Ti%C3%AAu%20%C4%91%E1%BB%81');
  });

  it('encodes what would break a query string: "#", "&", "?", "=", spaces, Vietnamese letters', () => {
    const url = 'https://example.vn/de-an-06/articles/bai-viet/?a=1&b=2#chart-bank-cif-biometric';
    const text = 'Hồ sơ & tài khoản: 132,4 triệu? #1 = đúng';
    const links = byNetwork(url, text);
    for (const link of Object.values(links)) {
      const parsed = new URL(link.href);
      expect(parsed.hash).toBe('');
      expect([...parsed.searchParams.keys()].every((key) => ['u', 'url', 'text'].includes(key))).toBe(true);
    }
    expect(new URL(links.facebook!.href).searchParams.get('u')).toBe(url);
    expect(new URL(links.zalo!.href).searchParams.get('url')).toBe(url);
    expect(new URL(links.x!.href).searchParams.get('url')).toBe(url);
    expect(new URL(links.x!.href).searchParams.get('text')).toBe(text);
    // No raw space, "#" or "&" inside a value.
    expect(links.x!.href).not.toMatch(/ |#/);
    expect(links.x!.href.split('&')).toHaveLength(2);
  });

  it('keeps the qualifier and its no-break space in the text', () => {
    const text = 'Tài khoản: hơn\u00a045,2 triệu (20/8/2024)';
    expect(new URL(byNetwork('https://example.vn/', text).x!.href).searchParams.get('text')).toBe(text);
  });
});

describe('displayAddress', () => {
  it('is the host and the base path, without scheme or trailing slash', () => {
    expect(displayAddress({ origin: 'https://example.vn', base: '/' })).toBe('example.vn');
    expect(displayAddress({ origin: 'https://example.vn', base: '/de-an-06/' })).toBe('example.vn/de-an-06');
    expect(displayAddress({ origin: 'http://localhost:4321', base: '/' })).toBe('localhost:4321');
  });
});

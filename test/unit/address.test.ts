import { describe, expect, it } from 'vitest';
import { PREVIEW_ORIGIN, SiteAddressError, absoluteUrl, readSiteAddress, sitePath, withoutBase } from '../../src/lib/site/address.ts';

describe('site address (SITE_URL, BASE_PATH)', () => {
  it('targets the preview server when SITE_URL is unset', () => {
    expect(readSiteAddress({})).toEqual({ origin: PREVIEW_ORIGIN, base: '/', root: `${PREVIEW_ORIGIN}/`, preview: true });
    expect(readSiteAddress({ SITE_URL: '  ' }).preview).toBe(true);
  });

  it('normalises the base path, from BASE_PATH or from a path in SITE_URL', () => {
    for (const base of ['de-an-06', '/de-an-06', 'de-an-06/', '//de-an-06//']) {
      expect(readSiteAddress({ SITE_URL: 'https://example.vn', BASE_PATH: base }).root).toBe('https://example.vn/de-an-06/');
    }
    expect(readSiteAddress({ SITE_URL: 'https://example.vn/tin/de-an-06' })).toEqual({ origin: 'https://example.vn', base: '/tin/de-an-06/', root: 'https://example.vn/tin/de-an-06/', preview: false });
    expect(readSiteAddress({ SITE_URL: 'https://example.vn/', BASE_PATH: '/' }).base).toBe('/');
  });

  it('refuses what would give broken links, saying what to write', () => {
    const message = (env: Record<string, string>) => {
      try {
        readSiteAddress(env);
      } catch (error) {
        expect(error).toBeInstanceOf(SiteAddressError);
        return (error as Error).message;
      }
      return 'no error';
    };
    expect(message({ SITE_URL: 'example.vn' })).toContain('expected the site\'s public address');
    expect(message({ SITE_URL: 'ftp://example.vn' })).toContain('expected an http(s) address');
    expect(message({ SITE_URL: 'https://example.vn/?a=1' })).toContain('without query');
    expect(message({ SITE_URL: 'https://example.vn', BASE_PATH: '/../x/' })).toContain('the path segment ".." is not allowed');
    expect(message({ SITE_URL: 'https://example.vn', BASE_PATH: '/a"onload=x/' })).toContain('is not allowed');
    expect(message({ SITE_URL: 'https://example.vn/a/', BASE_PATH: '/b/' })).toContain('give the path once');
  });

  it('puts site paths and absolute URLs under the base path, once', () => {
    const address = readSiteAddress({ SITE_URL: 'https://example.vn', BASE_PATH: '/de-an-06/' });
    expect(sitePath('/embed.js', address)).toBe('/de-an-06/embed.js');
    expect(sitePath('/', address)).toBe('/de-an-06/');
    expect(sitePath(sitePath('/en/x/', address), address)).toBe('/de-an-06/en/x/');
    expect(absoluteUrl('/en/', address)).toBe('https://example.vn/de-an-06/en/');
    expect(absoluteUrl('/de-an-06/en/', address)).toBe('https://example.vn/de-an-06/en/');
    expect(withoutBase('/de-an-06/og/vi/home.png', address)).toBe('/og/vi/home.png');
    const atRoot = readSiteAddress({ SITE_URL: 'https://example.vn' });
    expect(sitePath('/embed.js', atRoot)).toBe('/embed.js');
    expect(withoutBase('/og/vi/home.png', atRoot)).toBe('/og/vi/home.png');
  });
});

/**
 * The search index reads only the pages that can be found (scripts/post-build/search-index.ts): the embed pages
 * (one for every chart and every release, most of the site) are never read, the embed builder at their top is.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexedPagesGlob, writeSearchIndex } from '../../scripts/post-build/search-index.ts';

const site = mkdtempSync(join(tmpdir(), 'de-an-06-search-index-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

function page(path: string, lang: 'vi' | 'en', text: string): void {
  const file = join(site, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `<!doctype html><html lang="${lang}"><head><title>${text}</title></head><body><main data-pagefind-body><h1>${text}</h1><p>${text} trang thử nghiệm.</p></main></body></html>`);
}

describe('the search index', () => {
  it('indexes the pages and the embed builders, and never reads a chart\'s embed page', async () => {
    page('index.html', 'vi', 'Trang chủ');
    page('indicators/vneid-accounts/index.html', 'vi', 'Tài khoản định danh');
    page('embed/index.html', 'vi', 'Nhúng biểu đồ');
    // Embed pages carry no data-pagefind-body in the site; these do, so only the glob can keep them out.
    page('embed/vneid-accounts/index.html', 'vi', 'Nhúng một');
    page('embed/v/2024-08/vneid-accounts/index.html', 'vi', 'Nhúng hai');
    page('en/indicators/vneid-accounts/index.html', 'en', 'Identity accounts');
    page('en/embed/index.html', 'en', 'Embed a chart');
    page('en/embed/v/2024-08/vneid-accounts/index.html', 'en', 'Embed three');
    const glob = indexedPagesGlob(site);
    expect(glob).toContain('embed/index.html');
    expect(glob).toContain('en/embed/index.html');
    expect(glob).toContain('indicators/**/*.html');
    expect(glob).not.toContain('embed/**');

    await writeSearchIndex(site);
    const entry = JSON.parse(readFileSync(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages.vi?.page_count).toBe(3);
    expect(entry.languages.en?.page_count).toBe(2);
  });
});

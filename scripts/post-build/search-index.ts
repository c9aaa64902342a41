/**
 * Builds the static search index (Pagefind) over both languages; Pagefind
 * splits it by <html lang> (vi, en). Runs on the staging folder; the result,
 * dist/pagefind/, works offline: the search page loads it from the same site.
 *
 * What is indexed: only <main data-pagefind-body> (Base.astro), so headers,
 * navigation and footers are not; pages without it (embeds, the search page
 * itself) are not indexed at all, and the embed pages are not even read (see
 * NOT_INDEXED). Inside <main>, the chart drawings (their
 * text summary and data table are indexed) and the embed/download/cite tools
 * under each chart and the share links (.share) are left out: they repeat on every page and would crowd
 * the excerpts.
 *
 * Diacritics: Pagefind folds tone and vowel marks itself; "đ" is handled in
 * the query (src/lib/search/fold.ts), so the index needs nothing extra.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export const EXCLUDE_SELECTORS = ['svg', '.chart-tools', '.share'];
/** Pagefind's ready-made UIs, written with every index; the search page uses the JS API (pagefind.js) instead. */
const UNUSED_UI_FILES = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-highlight.js'];

/**
 * Folders that hold no page to index: the embed pages (never indexed, and most of the site's pages: one for every
 * chart and every release) apart from the embed builder at their top, and folders of files that are not pages.
 * Pagefind reads only the pages the glob matches, so the embeds, which grow with every release, cost it nothing.
 */
const NOT_INDEXED = new Set(['embed', 'oembed', 'pagefind', 'downloads', 'data', 'og', '_astro', 'explore-data', 'icons']);

/** The glob of the pages Pagefind reads: every page outside NOT_INDEXED, in both languages, and the embed builders. */
export function indexedPagesGlob(outDir: string): string {
  const patterns: string[] = [];
  const visit = (prefix: string, folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.html')) patterns.push(`${prefix}${entry.name}`);
      else if (entry.isDirectory() && prefix === '' && entry.name === 'en') visit('en/', join(folder, 'en'));
      else if (entry.isDirectory() && NOT_INDEXED.has(entry.name)) patterns.push(`${prefix}${entry.name}/index.html`);
      else if (entry.isDirectory()) patterns.push(`${prefix}${entry.name}/**/*.html`);
    }
  };
  visit('', outDir);
  return `{${patterns.sort().join(',')}}`;
}

export async function writeSearchIndex(outDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir, glob: indexedPagesGlob(outDir) });
    if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error('Pagefind indexed no page: is data-pagefind-body still on <main> in Base.astro?');
    const bundle = join(outDir, 'pagefind');
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    for (const file of UNUSED_UI_FILES) rmSync(join(bundle, file), { force: true });
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

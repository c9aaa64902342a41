/**
 * Writes dist/_headers (Netlify and Cloudflare Pages syntax): the security and cache headers of
 * src/lib/site/security-headers.ts, one rule per folder of the built site, under the base path.
 * Runs on the staging folder after the other post-build steps.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { headerRules, headersFile } from '../../src/lib/site/security-headers.ts';

/** Locale folders whose content is listed too (the English site under /en/). */
const LOCALE_FOLDERS = ['en'];

/**
 * The folders and HTML pages of a built site, as site paths without the base path: `/` for the home page, `/about/`,
 * `/en/` and each folder under it, `/404.html`.
 */
export function siteEntries(outDir: string): string[] {
  const entries: string[] = [];
  const list = (folder: string, prefix: string) => {
    for (const entry of readdirSync(join(outDir, folder), { withFileTypes: true })) {
      if (entry.isDirectory()) {
        entries.push(`${prefix}${entry.name}/`);
        if (prefix === '/' && LOCALE_FOLDERS.includes(entry.name)) list(entry.name, `/${entry.name}/`);
      } else if (entry.name === 'index.html') entries.push(prefix);
      else if (entry.name.endsWith('.html')) entries.push(`${prefix}${entry.name}`);
    }
  };
  list('', '/');
  return entries;
}

export function writeHeadersFile(outDir: string): { rules: number } {
  const rules = headerRules(siteEntries(outDir));
  writeFileSync(join(outDir, '_headers'), headersFile(rules));
  return { rules: rules.length };
}

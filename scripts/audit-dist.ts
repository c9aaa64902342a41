/**
 * Audits the built dist/ and prints what validators would find, for the whole build (it asserts nothing; the tests
 * run the same checks on the fixture site):
 *
 *   npm run audit-dist            links + inline code
 *   npm run audit-dist -- --vnu   also the W3C Nu HTML checker over every page (needs Java; about 2 minutes)
 *
 * Run it with the same SITE_URL / BASE_PATH as the build (unset: the preview address).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteAddress } from '../src/lib/site/address.ts';
import { checkLinks, distFiles, inlineCode, vnuErrors } from './lib/dist-audit.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.env.OUT_DIR ?? join(root, 'dist'));
const address = siteAddress();

const links = checkLinks(dist, address.origin, address.base);
console.log(`Links: ${links.checked} URLs to the site checked; ${links.outside.length} outside ${address.base}; ${links.missing.length} with no file`);
for (const line of [...links.outside, ...links.missing].slice(0, 20)) console.log(`  - ${line}`);

const inline = inlineCode(dist);
console.log(`Inline code (blocked by a strict CSP) over ${inline.pages} pages: ${inline.inlineScripts} inline scripts, ${inline.styleElements} <style> elements, ${inline.styleAttributes} style attributes, ${inline.handlers} on* handlers, ${inline.javascriptUrls} javascript: URLs`);
for (const line of inline.examples) console.log(`  - ${line}`);

if (process.argv.includes('--vnu')) {
  const pages = distFiles(dist).filter((f) => f.endsWith('.html'));
  const errors = vnuErrors(dist, pages);
  if (errors === undefined) console.log('W3C Nu HTML checker: not run (no Java)');
  else {
    const byMessage = new Map<string, number>();
    for (const e of errors) byMessage.set(e.message, (byMessage.get(e.message) ?? 0) + 1);
    console.log(`W3C Nu HTML checker: ${errors.length} errors in ${new Set(errors.map((e) => e.file)).size} of ${pages.length} pages`);
    for (const [message, count] of [...byMessage].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${count} × ${message}`);
  }
}

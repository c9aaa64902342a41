/**
 * Builds the site into dist/ (or OUT_DIR), safely:
 * 1. validates data/ (every problem reported, nothing built on failure);
 * 2. builds with Astro into a temporary folder next to dist/;
 * 3. only then replaces dist/ with it, so a failed build leaves the last good dist/ untouched;
 * 4. prints a summary: pages, indicators, months, seconds.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { validateDataset } from '../src/lib/data/load.ts';
import { formatIssue } from '../src/lib/data/errors.ts';
import { readDataDirectory } from '../src/lib/data/read-directory.ts';
import { readArticleFiles } from '../src/lib/content/read-articles.ts';
import { validateArticles } from '../src/lib/content/articles.ts';
import { writeShareImages } from './post-build/share-images.ts';
import { writeSearchIndex } from './post-build/search-index.ts';
import { writeDownloads } from './post-build/downloads.ts';

const started = performance.now();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.env.DATA_DIR ?? join(root, 'data'));
const outDir = resolve(process.env.OUT_DIR ?? join(root, 'dist'));
const contentDir = resolve(process.env.CONTENT_DIR ?? join(root, 'content'));
process.env.DATA_DIR = dataDir;
process.env.CONTENT_DIR = contentDir;
// Astro caches content entries; one cache per content folder, so builds of fixture and real content never mix.
const cacheDir = join(root, 'node_modules', '.astro', createHash('sha256').update(contentDir).digest('hex').slice(0, 12));

const { dataset, issues: dataIssues } = validateDataset(readDataDirectory(dataDir, process.cwd()));
// Articles are checked only against valid data (unknown-indicator errors would otherwise repeat the data's).
const articleIssues = dataIssues.length > 0 ? [] : validateArticles(readArticleFiles(contentDir, process.cwd()), new Set(dataset.indicators.map((i) => i.id))).issues;
const issues = [...dataIssues, ...articleIssues];
if (issues.length > 0) {
  const what = dataIssues.length > 0 ? 'data' : 'articles';
  console.error(`✗ Build stopped: ${what} ${issues.length === 1 ? 'has 1 problem' : `have ${issues.length} problems`}. ${existsSync(outDir) ? 'The previous dist/ is unchanged.' : ''}`);
  for (const issue of issues) console.error(`  - ${formatIssue(issue)}`);
  process.exit(1);
}

const steps: string[] = [];
async function timed<T>(name: string, step: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await step();
  steps.push(`${name} ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

const staging = `${outDir}.staging-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
try {
  const { build } = await import('astro');
  await timed('pages', () => build({ root, outDir: staging, cacheDir, logLevel: process.env.ASTRO_LOG_LEVEL === 'info' ? 'info' : 'warn' }));
  // Steps over the built pages, still in the staging folder: nothing is published until all succeed.
  await timed('share images', () => writeShareImages(staging));
  await timed('downloads', () => writeDownloads(staging, { dataDir, contentDir, siteUrl: process.env.SITE_URL ?? 'https://de-an-06.example.org' }));
  await timed('search index', () => writeSearchIndex(staging));
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`✗ Build failed; the previous dist/ is unchanged.\n${(error as Error).stack ?? String(error)}`);
  process.exit(1);
}

const previous = `${outDir}.previous-${process.pid}`;
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });

const pages = countHtml(outDir);
const figures = dataset.releases.reduce((sum, release) => sum + release.figures.length, 0);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`✓ Built ${pages} pages into ${outDir}: ${dataset.indicators.length} indicators, ${figures} figures, ${dataset.releases.length} months, ${seconds} s (${steps.join(', ')})`);

function countHtml(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.html')).length;
}

/**
 * Builds the site into dist/ (or OUT_DIR), safely:
 * 1. takes the lock on the output folder (a second build of the same folder stops at once), and cleans up after
 *    builds that were killed (scripts/lib/publish.ts);
 * 2. validates data/ (every problem reported, nothing built on failure);
 * 3. builds with Astro into a staging folder next to dist/ (or in .build/ for an OUT_DIR outside the project);
 * 4. only then swaps it in for dist/, so a failed or interrupted build leaves the last good dist/ untouched;
 * 5. prints a summary: pages, indicators, months, seconds.
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP delete the staging folder and release the lock.
 */
import { existsSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { validateDataset } from '../src/lib/data/load.ts';
import { formatIssue } from '../src/lib/data/errors.ts';
import { readDataDirectory } from '../src/lib/data/read-directory.ts';
import { readArticleFiles } from '../src/lib/content/read-articles.ts';
import { validateArticles } from '../src/lib/content/articles.ts';
import { seriesAt } from '../src/lib/data/releases.ts';
import { pinnedOutputIssues, recordNewReleases } from './lib/record-releases.ts';
import { noFigureWarnings } from '../src/lib/site/model.ts';
import { SiteAddressError, siteAddress, type SiteAddress } from '../src/lib/site/address.ts';
import { writeShareImages } from './post-build/share-images.ts';
import { writeSearchIndex } from './post-build/search-index.ts';
import { writeDownloads } from './post-build/downloads.ts';
import { writeHeadersFile } from './post-build/headers.ts';
import { CACHE_KEEP_DAYS, buildCache, sourceIdentity } from './lib/build-cache.ts';
import { keepDrawingsIn } from '../src/lib/charts/render.ts';
import { drawingStore } from '../src/lib/site/chart-store.ts';
import { kernelNow } from '../src/lib/site/cache-clock.ts';
import { pngPool } from './lib/png-pool.ts';
import { planPinnedEmbeds, storeAndRestorePinnedEmbeds, writeReuseList } from './lib/pinned-embeds.ts';
import { articleSources } from './post-build/downloads.ts';
import { buildSiteModel } from '../src/lib/site/model.ts';
import { handOverSiteModel } from '../src/lib/site/load-site.ts';
import { chartRegistry } from '../src/lib/site/chart-registry.ts';
import { tmpdir } from 'node:os';
import { BuildLockedError, PublishError, type BuildLock, acquireBuildLock, cleanupOnExit, nodeEffects, outputPaths, publish, removeLeftovers } from './lib/publish.ts';

/** The code a chart's picture depends on: the chart code and what it imports (all in src/lib), and the locked package versions. */
const DRAWING_CODE = ['src/lib', 'package-lock.json'];

const started = performance.now();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.env.DATA_DIR ?? join(root, 'data'));
const outDir = realOutputFolder(resolve(process.env.OUT_DIR ?? join(root, 'dist')));
const contentDir = resolve(process.env.CONTENT_DIR ?? join(root, 'content'));
process.env.DATA_DIR = dataDir;
process.env.CONTENT_DIR = contentDir;
// Astro caches content entries; one cache per content folder, so builds of fixture and real content never mix.
const cacheDir = join(root, 'node_modules', '.astro', createHash('sha256').update(contentDir).digest('hex').slice(0, 12));

const address = addressOrStop();
const outName = `${basename(outDir)}/`;
const effects = nodeEffects((message) => console.warn(`! ${message}`));
const { build: staging, staging: besideOutput } = outputPaths(outDir, process.pid, root);
let published = false;
const lock = lockOrStop();
cleanupOnExit((signal) => {
  if (!published) for (const folder of [staging, besideOutput]) rmSync(folder, { recursive: true, force: true });
  lock.release();
  if (signal) console.error(published ? `✗ Build interrupted (${signal}) after ${outName} was replaced; it holds the new site.` : `✗ Build interrupted (${signal}): ${relative(root, staging)} deleted; the previous ${outName} is unchanged.`);
});
removeLeftovers(outDir, effects, root);

const dataFiles = readDataDirectory(dataDir, process.cwd());
const validated = validateDataset(dataFiles);
const { dataset, unrecorded } = validated;
const dataIssues = validated.issues.length > 0 ? validated.issues : pinnedOutputIssues(dataFiles, dataset);
// Articles are checked only against valid data (unknown-indicator errors would otherwise repeat the data's).
const asOfDates = new Map([...seriesAt(dataset).entries()].map(([id, series]) => [id, new Set(series.points.map((p) => p.asOf))]));
const articleIssues = dataIssues.length > 0 ? [] : validateArticles(readArticleFiles(contentDir, process.cwd()), new Set(dataset.indicators.map((i) => i.id)), asOfDates).issues;
const issues = [...dataIssues, ...articleIssues];
if (issues.length > 0) {
  const what = dataIssues.length > 0 ? 'data' : 'articles';
  console.error(`✗ Build stopped: ${what} ${issues.length === 1 ? 'has 1 problem' : `have ${issues.length} problems`}. ${existsSync(outDir) ? `The previous ${outName} is unchanged.` : ''}`);
  for (const issue of issues) console.error(`  - ${formatIssue(issue)}`);
  process.exit(1);
}
// An indicator with no figure yet gets no page, list entry or chart (src/lib/site/model.ts): said, not a failure.
for (const warning of noFigureWarnings(dataset, dataFiles.catalogue)) console.warn(`! ${warning}`);

const steps: string[] = [];
/** With BUILD_TRACE=1, prints the seconds since the start at each stage. */
function trace(stage: string): void {
  if (process.env.BUILD_TRACE) console.log(`[trace] ${stage} at ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
async function timed<T>(name: string, step: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await step();
  steps.push(`${name} ${((performance.now() - start) / 1000).toFixed(1)} s`);
  trace(name);
  if (process.env.BUILD_TRACE_MEMORY) console.log(`[memory] after ${name}: rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB, peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
  return result;
}

trace('checked');
rmSync(staging, { recursive: true, force: true });
// Pure outputs already made by an earlier build with the same inputs (scripts/lib/build-cache.ts).
// One time for the whole build, as the file system dates files (src/lib/site/cache-clock.ts): the cache's entries are
// dated with it and pruned against it.
process.env.BUILD_CACHE_NOW = String(kernelNow());
const cache = buildCache();
// Drawn charts are kept there too, for the pages (Astro's copy of the chart code, via getSiteModel) and the downloads.
if (cache.dir) {
  process.env.DRAWING_CACHE_DIR = join(cache.dir, 'drawings');
  process.env.DRAWING_CODE = sourceIdentity(DRAWING_CODE);
  keepDrawingsIn(drawingStore());
}
// The site model and chart registry, made once from the checked data, for the steps outside Astro.
const model = buildSiteModel(dataset);
handOverSiteModel(model, dataDir);
const registry = chartRegistry(model, articleSources(contentDir));
// Pinned embeds already rendered by an earlier build are copied, not rendered (scripts/lib/pinned-embeds.ts).
const pinned = planPinnedEmbeds({ model, registry, cache, address, root });
const reuseList = writeReuseList(pinned, join(tmpdir(), `de-an-06-pinned-reuse-${process.pid}.json`));
process.env.PINNED_EMBEDS_REUSED = reuseList;
trace('planned');
steps.push(`data checked, model and plan ${((performance.now() - started) / 1000).toFixed(1)} s`);
try {
  const { build } = await import('astro');
  // Astro keeps its intermediate server chunks inside outDir only when outDir is under the working folder; otherwise
  // in <cwd>/.astro/.prerender, shared by all such builds, renaming files from there into outDir (EXDEV across
  // filesystems). The staging folder is always under the project (see outputPaths), so building from the project
  // folder keeps everything in it.
  const cwd = process.cwd();
  process.chdir(root);
  try {
    await timed('pages', () => build({ root, outDir: staging, cacheDir, logLevel: process.env.ASTRO_LOG_LEVEL === 'info' ? 'info' : 'warn' }));
  } finally {
    process.chdir(cwd);
  }
  const embeds = await timed('pinned embeds', async () => storeAndRestorePinnedEmbeds(pinned, staging, cache));
  steps.push(`${embeds.reused} pinned embeds copied from the cache, ${embeds.stored} stored`);
  // Steps over the built pages, still in the staging folder: nothing is published until all succeed.
  // The search index reads the pages only, in Pagefind's own process: it is built while this one makes the images and
  // downloads (which write no page).
  const search = timed('search index (alongside)', () => writeSearchIndex(staging));
  search.catch(() => {}); // awaited below, where its error stops the build
  const png = pngPool(cache);
  try {
    await timed('share images', () => writeShareImages(staging, png));
    await timed('downloads', () => writeDownloads(staging, { dataDir, contentDir, siteUrl: address.root, model, registry, monthFiles: dataFiles.months, png, cache }));
  } finally {
    await png.close();
  }
  await search;
  // Last: it lists the folders the other steps wrote.
  await timed('headers', async () => writeHeadersFile(staging));
} catch (error) {
  rmSync(reuseList, { force: true });
  rmSync(staging, { recursive: true, force: true });
  console.error(`✗ Build failed; the previous ${outName} is unchanged.\n${(error as Error).stack ?? String(error)}`);
  process.exit(1);
}

rmSync(reuseList, { force: true });
const publishing = performance.now();
try {
  for (const notice of publish(staging, outDir, effects)) console.warn(`! ${notice}`);
  published = true;
  // Mostly deleting the previous dist/, whose files grow with the releases.
  steps.push(`publish ${((performance.now() - publishing) / 1000).toFixed(1)} s`);
} catch (error) {
  if (!(error instanceof PublishError)) throw error;
  for (const folder of [staging, besideOutput]) rmSync(folder, { recursive: true, force: true });
  console.error(`✗ Build failed while publishing: ${error.message}`);
  process.exit(1);
}

trace('published');
const pages = countHtml(outDir);
const figures = dataset.releases.reduce((sum, release) => sum + release.figures.length, 0);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
recordNewReleases(dataDir, unrecorded, dataset);
// What no build has used for a month goes (each use renews an entry), so the cache does not only grow.
const pruned = cache.prune(CACHE_KEEP_DAYS);
console.log(`✓ Built ${pages} pages into ${outDir}: ${dataset.indicators.length} indicators, ${figures} figures, ${dataset.releases.length} months, ${seconds} s, peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (${steps.join(', ')}${cache.dir ? `; cache: ${cache.stats.hits} reused, ${cache.stats.misses} made${pruned > 0 ? `, ${pruned} unused for ${CACHE_KEEP_DAYS} days deleted` : ''}` : ''})`);
console.log(address.preview
  ? `  For the preview server: every link, embed snippet, feed and citation points at ${address.root} (SITE_URL is not set). Run npm run preview to see it; for the public site, build with SITE_URL=https://… (and BASE_PATH=/… under a sub-path).`
  : `  For ${address.root}${address.base === '/' ? '' : ` (base path ${address.base})`}.`);

function countHtml(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.html')).length;
}

/**
 * The public address of this build (SITE_URL, BASE_PATH). A production build (`--production` or PRODUCTION=1)
 * must have one: without it every embed snippet, feed and citation would point at the preview server.
 */
function addressOrStop(): SiteAddress {
  const production = process.argv.includes('--production') || /^(1|true|yes)$/i.test(process.env.PRODUCTION ?? '');
  try {
    const found = siteAddress();
    if (production && found.preview) {
      console.error('✗ Build stopped: a production build needs the site\'s public address. Set SITE_URL (and BASE_PATH when the site lives under a sub-path), e.g. SITE_URL=https://example.vn BASE_PATH=/de-an-06/ npm run build -- --production');
      process.exit(1);
    }
    return found;
  } catch (error) {
    if (!(error instanceof SiteAddressError)) throw error;
    console.error(`✗ Build stopped: ${error.message}`);
    process.exit(1);
  }
}

/** Takes the lock on the output folder; if another build holds it, says so and stops at once. */
function lockOrStop(): BuildLock {
  try {
    return acquireBuildLock(outDir, effects);
  } catch (error) {
    if (!(error instanceof BuildLockedError)) throw error;
    console.error(`✗ Build stopped: ${error.message}`);
    process.exit(1);
  }
}

/** The folder a symlinked output points to, so the swap replaces that folder and leaves the link alone. */
function realOutputFolder(path: string): string {
  return existsSync(path) ? realpathSync(path) : path;
}

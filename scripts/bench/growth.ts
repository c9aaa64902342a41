/**
 * The growth benchmark (issue 14): how the build scales with the years.
 *
 *   npm run bench -- --growth                   today's data, 40 / 80 / 120 dense releases, 10,000 and 100,000 figures
 *   npm run bench -- --growth=40,80             only those (add `today` for the real data)
 *   npm run bench -- --figures=10000            only one month of 10,000 figures
 *
 * `today` also adds a month of 3 synthetic figures to a copy of the real data and counts the files that changed,
 * grouped by folder (BENCH_CHANGED_LIST=<file> writes their paths).
 *
 * Each case is built in its own temporary folder (synthetic data written by
 * synthetic-data.ts, the real standing pages, no stories: stories cite dates of
 * the real data), under /usr/bin/time for the peak memory. A dense case is then
 * built again with one more month into the same folder (same cache), and the
 * files that changed are counted by hashing dist/ before and after. It prints
 * every figure next to its target; it asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { Indicator } from '../../src/lib/data/types.ts';
import { addSmallSyntheticMonth, addSyntheticMonth, nextMonth, writeSyntheticData } from './synthetic-data.ts';
import { changedGroups, diffTrees, formatBytes, formatTargetTable, targetRows, type BuildMeasure, type FigureCase, type GrowthResults, type ReleaseCase, type TreeListing } from './growth-summary.ts';

interface Site { dataDir: string; contentDir: string; outDir: string; today?: string }

export async function runGrowthBench(root: string, options: { today: boolean; releases: number[]; figures: number[] }): Promise<void> {
  const realDataDir = join(root, 'data');
  const indicators = (JSON.parse(readFileSync(join(realDataDir, 'indicators.json'), 'utf8')) as { indicators: Indicator[] }).indicators;
  const results: GrowthResults = { releaseCases: [], figureCases: [] };
  const progress = (line: string) => console.log(`  … ${line}`);

  if (options.today) {
    const work = mkdtempSync(join(tmpdir(), 'de-an-06-growth-today-'));
    try {
      progress('today\'s data');
      const dataDir = copyRealData(realDataDir, join(work, 'data'));
      // Both builds run under a clock in the month after the newest release, so the added month is not in the future.
      const site: Site = { dataDir, contentDir: join(root, 'content'), outDir: join(work, 'dist'), today: `${nextMonth(dataDir)}-15` };
      results.today = build(root, site).measure;
      if (results.today.ok) {
        // The same data again with the cache the first build filled (what a deploy does when no figure changed);
        // it must write the same bytes.
        const cold = listTree(site.outDir);
        progress('today\'s data: full build again, warm cache');
        const warm = build(root, site).measure;
        const before = listTree(site.outDir);
        results.todayWarm = { build: warm, diff: diffTrees(cold, before) };
        if (results.todayWarm.diff.bytesChanged > 0) console.log(`    ✗ the warm build changed ${formatBytes(results.todayWarm.diff.bytesChanged)}: it should write the same bytes`);
        // One more month of 3 figures, built into the same folder (same cache).
        const month = addSmallSyntheticMonth(dataDir, indicators);
        progress(`today's data: add one month (${month}, 3 figures)`);
        const again = build(root, site);
        const after = listTree(site.outDir);
        results.todayAddMonth = { build: again.measure, diff: diffTrees(before, after) };
        const { diff } = results.todayAddMonth;
        console.log(`    changed: ${formatBytes(diff.bytesChanged)} (${diff.added} added, ${diff.changed} changed, ${diff.removed} removed files)`);
        for (const group of changedGroups(before, after).slice(0, 30)) console.log(`      ${String(group.files).padStart(5)} files  ${formatBytes(group.bytes).padStart(9)}  ${group.group}`);
        // BENCH_CHANGED_LIST=<file>: every added or changed path, one a line, to see why each changed.
        if (process.env.BENCH_CHANGED_LIST) writeFileSync(process.env.BENCH_CHANGED_LIST, [...after].filter(([path, file]) => before.get(path)?.sha256 !== file.sha256).map(([path]) => `${path}\n`).sort().join(''));
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  for (const releases of [...options.releases].sort((a, b) => a - b)) {
    const work = mkdtempSync(join(tmpdir(), `de-an-06-growth-${releases}-`));
    try {
      const site: Site = { dataDir: join(work, 'data'), contentDir: standingPagesOnly(root, join(work, 'content')), outDir: join(work, 'dist') };
      const { today } = writeSyntheticData(site.dataDir, { realDataDir, releases }, indicators);
      progress(`${releases} dense releases: full build`);
      const full = build(root, { ...site, today });
      const entry: ReleaseCase = { releases, full: full.measure };
      if (full.measure.ok) {
        const before = listTree(site.outDir);
        addSyntheticMonth(site.dataDir, indicators, releases);
        progress(`${releases} dense releases: add one month`);
        const again = build(root, { ...site, today });
        entry.addMonth = { build: again.measure, diff: diffTrees(before, listTree(site.outDir)) };
        const { diff } = entry.addMonth;
        console.log(`    changed: ${formatBytes(diff.bytesChanged)} (${diff.added} added, ${diff.changed} changed, ${diff.removed} removed files); dist/ grew by ${formatBytes(again.measure.distBytes - full.measure.distBytes)}`);
      }
      results.releaseCases.push(entry);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  for (const figures of options.figures) {
    const work = mkdtempSync(join(tmpdir(), `de-an-06-growth-f${figures}-`));
    try {
      const site: Site = { dataDir: join(work, 'data'), contentDir: standingPagesOnly(root, join(work, 'content')), outDir: join(work, 'dist') };
      const { today } = writeSyntheticData(site.dataDir, { realDataDir, figuresInOneFile: figures }, indicators);
      progress(`${figures} figures in one file`);
      const entry: FigureCase = { figures, full: build(root, { ...site, today }).measure };
      results.figureCases.push(entry);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  console.log(`\nGrowth benchmark (issue 14), ${new Date().toISOString().slice(0, 16)} UTC. ✓ target met, ✗ missed.\n`);
  console.log(formatTargetTable(targetRows(results)));
}

/** Builds a site into its folder, timed, under /usr/bin/time for the peak resident memory. */
function build(root: string, site: Site): { measure: BuildMeasure } {
  // Each case has a build cache of its own beside its dist/: a case's first build starts cold (a full build), and the
  // build with one more month reuses what that first build kept (the incremental figure), never the project's cache.
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: site.dataDir, CONTENT_DIR: site.contentDir, OUT_DIR: site.outDir, BUILD_CACHE_DIR: join(dirname(site.outDir), 'build-cache') };
  if (site.today) {
    env.BENCH_TODAY = site.today;
    env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import=${join(root, 'scripts/bench/fixed-clock.mjs')}`.trim();
  }
  const timeTool = existsSync('/usr/bin/time');
  const command = timeTool ? '/usr/bin/time' : process.execPath;
  const args = timeTool ? ['-f', 'peak-rss-kb=%M', process.execPath, 'scripts/build.ts'] : ['scripts/build.ts'];
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const peak = /peak-rss-kb=(\d+)/.exec(result.stderr ?? '')?.[1];
  const ok = result.status === 0;
  if (!ok) console.error(`  ✗ build failed (${site.outDir}):\n${(result.stdout ?? '').slice(-2000)}\n${(result.stderr ?? '').slice(-4000)}`);
  else console.log(`    ${(result.stdout ?? '').split('\n').find((l) => l.startsWith('✓ Built')) ?? ''}`);
  const measure: BuildMeasure = { seconds, ...(peak ? { peakBytes: Number(peak) * 1024 } : {}), ok, ...measureTree(site.outDir) };
  console.log(`    ${seconds.toFixed(1)} s, peak ${measure.peakBytes === undefined ? '?' : formatBytes(measure.peakBytes)}, ${measure.pages} pages, ${measure.files} files, ${formatBytes(measure.distBytes)}`);
  return { measure };
}

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

function measureTree(dir: string): Pick<BuildMeasure, 'pages' | 'files' | 'distBytes' | 'largestHtml'> {
  let pages = 0, distBytes = 0;
  let largestHtml = { path: '—', bytes: 0 };
  const all = files(dir);
  for (const file of all) {
    const bytes = statSync(file).size;
    distBytes += bytes;
    if (file.endsWith('.html')) {
      pages++;
      if (bytes > largestHtml.bytes) largestHtml = { path: `/${relative(dir, file)}`, bytes };
    }
  }
  return { pages, files: all.length, distBytes, largestHtml };
}

function listTree(dir: string): TreeListing {
  return new Map(files(dir).map((file) => {
    const bytes = readFileSync(file);
    return [relative(dir, file), { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }];
  }));
}

/** The real data, copied (a build records new releases in its data folder's lock). */
function copyRealData(from: string, to: string): string {
  cpSync(from, to, { recursive: true });
  return to;
}

/** The real standing pages (about, methodology) and no stories or commentary: those cite dates of the real data. */
function standingPagesOnly(root: string, dir: string): string {
  cpSync(join(root, 'content', 'pages'), join(dir, 'pages'), { recursive: true });
  for (const folder of ['articles/vi', 'articles/en', 'months/vi', 'months/en']) mkdirSync(join(dir, folder), { recursive: true });
  return dir;
}


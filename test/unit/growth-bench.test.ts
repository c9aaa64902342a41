import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/lib/data/load.ts';
import type { Indicator } from '../../src/lib/data/types.ts';
import { addMonths, addSmallSyntheticMonth, denseReleases, nextMonth, oneLargeRelease, SYNTHETIC_PUBLISHER, syntheticReleaseIds, syntheticToday } from '../../scripts/bench/synthetic-data.ts';
import { changedGroups, diffTrees, formatTargetTable, parseGrowthArgs, targetRows, type BuildMeasure, type TreeListing } from '../../scripts/bench/growth-summary.ts';

const catalogueText = readFileSync('data/indicators.json', 'utf8');
const indicators = (JSON.parse(catalogueText) as { indicators: Indicator[] }).indicators;
const encoder = new TextEncoder();

function dataFiles(months: Map<string, string>) {
  return {
    catalogue: { file: 'synthetic/indicators.json', text: catalogueText },
    months: [...months].map(([name, text]) => ({ file: `synthetic/months/${name}`, name, bytes: encoder.encode(text) })),
  };
}

describe('synthetic data for the growth benchmark', () => {
  it('numbers months across years', () => {
    expect(addMonths('2021-01', 11)).toBe('2021-12');
    expect(addMonths('2021-12', 1)).toBe('2022-01');
    expect(syntheticReleaseIds(120).at(-1)).toBe('2030-12');
    expect(syntheticToday('2030-12')).toBe('2031-02-15');
  });

  it('writes dense monthly releases that pass validation: every indicator in every month', () => {
    const months = denseReleases(indicators, 14);
    expect([...months.keys()]).toEqual(syntheticReleaseIds(14).map((id) => `${id}.csv`));
    const { dataset, issues } = validateDataset(dataFiles(months), { today: syntheticToday('2022-02') });
    expect(issues).toEqual([]);
    expect(dataset.releases).toHaveLength(14);
    for (const release of dataset.releases) {
      expect(new Set(release.figures.map((f) => f.indicator))).toEqual(new Set(indicators.map((i) => i.id)));
      for (const figure of release.figures) {
        expect(figure.source.publisher).toBe(SYNTHETIC_PUBLISHER);
        expect(figure.source.url).toMatch(/^https:\/\/example\.invalid\//);
        expect(figure.note?.en).toMatch(/synthetic/i);
      }
    }
  });

  it('is deterministic, and adding a month leaves the earlier files byte-identical', () => {
    const forty = denseReleases(indicators, 40);
    const fortyOne = denseReleases(indicators, 41);
    expect(denseReleases(indicators, 40)).toEqual(forty);
    for (const [name, text] of forty) expect(fortyOne.get(name)).toBe(text);
    expect(denseReleases(indicators, 2, 7).get('2021-02.csv')).not.toBe(forty.get('2021-02.csv'));
  });

  it('refuses to be checked before its last month: the release is in the future', () => {
    const { issues } = validateDataset(dataFiles(denseReleases(indicators, 3)), { today: '2021-02-10' });
    expect(issues.some((i) => i.field === 'file name' && i.found === '2021-03.csv')).toBe(true);
  });

  it('writes one month file of many figures that passes validation', () => {
    const months = oneLargeRelease(indicators, 2_000, '2024-06');
    const { dataset, issues } = validateDataset(dataFiles(months), { today: '2024-08-15' });
    expect(issues).toEqual([]);
    expect(dataset.releases[0]!.figures).toHaveLength(2_000);
  });

  it('adds a month of 3 synthetic figures to a copy of the real data that passes validation with the real months', () => {
    const work = mkdtempSync(join(tmpdir(), 'de-an-06-small-month-'));
    try {
      const dataDir = join(work, 'data');
      cpSync('data', dataDir, { recursive: true });
      const newest = readdirSync('data/months').sort().at(-1)!.slice(0, 7);
      const month = addSmallSyntheticMonth(dataDir, indicators);
      expect(month).toBe(addMonths(newest, 1));
      expect(nextMonth(dataDir)).toBe(addMonths(newest, 2));
      const months = new Map(readdirSync(join(dataDir, 'months')).map((name) => [name, readFileSync(join(dataDir, 'months', name), 'utf8')]));
      const { dataset, issues } = validateDataset(dataFiles(months), { today: `${month}-15` });
      expect(issues).toEqual([]);
      const added = dataset.releases.find((r) => r.id === month)!;
      expect(added.figures).toHaveLength(3);
      for (const figure of added.figures) {
        expect(figure.source.publisher).toBe(SYNTHETIC_PUBLISHER);
        expect(figure.asOf).toBe(`${month}-01`);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('growth benchmark summary', () => {
  const listing = (entries: Record<string, [number, string]>): TreeListing => new Map(Object.entries(entries).map(([path, [bytes, sha256]]) => [path, { bytes, sha256 }]));

  it('counts added, changed and removed files and the bytes to upload again', () => {
    const before = listing({ 'a.html': [100, 'x'], 'b.html': [200, 'y'], 'gone.html': [50, 'z'] });
    const after = listing({ 'a.html': [100, 'x'], 'b.html': [250, 'y2'], 'new.html': [70, 'n'] });
    expect(diffTrees(before, after)).toEqual({ added: 1, changed: 1, removed: 1, bytesChanged: 320 });
    expect(diffTrees(after, after)).toEqual({ added: 0, changed: 0, removed: 0, bytesChanged: 0 });
  });

  it('groups the added and changed files by folder, most bytes first, a page\'s own folder left out', () => {
    const before = listing({ 'index.html': [10, 'a'], 'indicators/x/index.html': [100, 'b'], 'en/indicators/x/index.html': [100, 'c'], 'downloads/vi/x.png': [500, 'd'], 'months/index.html': [30, 'm'] });
    const after = listing({ 'index.html': [11, 'a2'], 'indicators/x/index.html': [100, 'b'], 'en/indicators/x/index.html': [120, 'c2'], 'en/indicators/y/index.html': [90, 'e'], 'downloads/vi/x.png': [600, 'd2'], 'months/index.html': [40, 'm2'], 'months/2027-01/index.html': [50, 'n'] });
    expect(changedGroups(before, after)).toEqual([
      { group: 'downloads/vi', files: 1, bytes: 600 },
      { group: 'en/indicators', files: 2, bytes: 210 },
      { group: 'months', files: 2, bytes: 90 },
      { group: '(top)', files: 1, bytes: 11 },
    ]);
  });

  const measure = (over: Partial<BuildMeasure> = {}): BuildMeasure => ({ seconds: 10, peakBytes: 1e9, pages: 100, files: 200, distBytes: 100e6, largestHtml: { path: '/index.html', bytes: 50_000 }, ok: true, ...over });

  it('puts each figure next to its target, with ✓ or ✗', () => {
    const rows = targetRows({
      today: measure({ seconds: 26, peakBytes: 2.7 * 1024 ** 3 }),
      todayWarm: { build: measure({ seconds: 14, peakBytes: 1e9 }), diff: { added: 0, changed: 0, removed: 0, bytesChanged: 0 } },
      releaseCases: [
        { releases: 40, full: measure({ distBytes: 400e6 }), addMonth: { build: measure({ distBytes: 410e6 }), diff: { added: 5, changed: 2, removed: 0, bytesChanged: 9e6 } } },
        { releases: 120, full: measure({ seconds: 170, distBytes: 590e6 }), addMonth: { build: measure({ seconds: 30, distBytes: 612e6 }), diff: { added: 5, changed: 2, removed: 0, bytesChanged: 9e6 } } },
      ],
      figureCases: [{ figures: 100_000, full: measure({ largestHtml: { path: '/months/2024-06/index.html', bytes: 115e6 } }) }],
    });
    const row = (figure: string) => rows.find((r) => r.figure === figure);
    expect(row('today\'s data: full build, empty cache')?.met).toBe(false);
    expect(row('today\'s data: peak memory')?.met).toBe(false);
    expect(row('today\'s data: full build, warm cache')?.met).toBe(true);
    expect(row('today\'s data: peak memory, warm cache')?.met).toBe(true);
    expect(row('120 releases: full build')?.met).toBe(true);
    expect(row('120 releases: dist/')?.met).toBe(true);
    expect(row('add one month to 120: build')?.met).toBe(false);
    expect(row('add one month to 120: changed')?.met).toBe(true);
    expect(row('40 releases: full build')?.met).toBeUndefined();
    expect(row('bytes per added release, 40 → 120')?.value).toBe('2.3 MB');
    // 22 MB added at 120 against 10 MB at 40: not linear.
    expect(row('size added by one release at 120 vs at 40')?.met).toBe(false);
    expect(row('100,000 figures in one file: largest HTML page')?.met).toBe(false);
    // A warm build that changed any byte misses its target, however fast.
    const changedWarm = targetRows({ today: measure(), todayWarm: { build: measure({ seconds: 5 }), diff: { added: 0, changed: 1, removed: 0, bytesChanged: 10 } }, releaseCases: [], figureCases: [] });
    expect(changedWarm.find((r) => r.figure === 'today\'s data: full build, warm cache')).toMatchObject({ met: false, value: '5.0 s (changed 0.0 KB!)' });
    // 479.7 s is 8 min 0 s (not "7 min 60 s").
    expect(targetRows({ releaseCases: [{ releases: 40, full: measure({ seconds: 479.7 }) }], figureCases: [] })[0]!.value).toBe('8 min 0 s');
    const table = formatTargetTable(rows);
    expect(table).toMatch(/120 releases: full build\s+2 min 50 s\s+≤ 3 min 0 s\s+✓/);
    expect(table).toMatch(/100,000 figures in one file: largest HTML page\s+109\.7 MB \(\/months\/2024-06\/index\.html\)\s+≤ 1\.0 MB\s+✗/);
  });

  it('reads the options: all cases by default, or a subset', () => {
    expect(parseGrowthArgs([])).toBeUndefined();
    expect(parseGrowthArgs(['--growth'])).toEqual({ today: true, releases: [40, 80, 120], figures: [10_000, 100_000] });
    expect(parseGrowthArgs(['--growth=40,80'])).toEqual({ today: false, releases: [40, 80], figures: [] });
    expect(parseGrowthArgs(['--figures=10000'])).toEqual({ today: false, releases: [], figures: [10_000] });
    expect(parseGrowthArgs(['--growth=today', '--figures'])).toEqual({ today: true, releases: [], figures: [10_000, 100_000] });
    expect(() => parseGrowthArgs(['--growth=forty'])).toThrow(/--growth: found "forty"/);
  });
});

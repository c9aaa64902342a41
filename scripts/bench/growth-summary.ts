/**
 * The pure part of the growth benchmark: what changed between two builds of a
 * folder, and each measured figure next to its target from issue 14. It prints
 * and judges; nothing here asserts or fails a build.
 */

/** A built folder as the bench sees it: path → size and content hash. */
export type TreeListing = ReadonlyMap<string, { bytes: number; sha256: string }>;

export interface TreeDiff {
  added: number;
  changed: number;
  removed: number;
  /** Bytes of the files a deploy uploads again: added and changed files, at their new size. */
  bytesChanged: number;
}

/** What a second build changed: files added, changed (other bytes) and removed, and the bytes to upload again. */
export function diffTrees(before: TreeListing, after: TreeListing): TreeDiff {
  let added = 0, changed = 0, bytesChanged = 0;
  for (const [path, file] of after) {
    const old = before.get(path);
    if (!old) added++;
    else if (old.sha256 === file.sha256) continue;
    else changed++;
    bytesChanged += file.bytes;
  }
  const removed = [...before.keys()].filter((path) => !after.has(path)).length;
  return { added, changed, removed, bytesChanged };
}

/**
 * The added and changed files grouped by their first two folders, a page's own folder left out ("en/indicators" for
 * en/indicators/<id>/index.html, "downloads/vi" for downloads/vi/<chart>.png), most bytes first: where a second
 * build's uploads come from.
 */
export function changedGroups(before: TreeListing, after: TreeListing): Array<{ group: string; files: number; bytes: number }> {
  const groups = new Map<string, { group: string; files: number; bytes: number }>();
  for (const [path, file] of after) {
    if (before.get(path)?.sha256 === file.sha256) continue;
    const folders = path.split('/').slice(0, -1);
    if (path.endsWith('/index.html') && folders.length >= 2) folders.pop();
    const group = folders.slice(0, 2).join('/') || '(top)';
    const entry = groups.get(group) ?? { group, files: 0, bytes: 0 };
    entry.files++;
    entry.bytes += file.bytes;
    groups.set(group, entry);
  }
  return [...groups.values()].sort((a, b) => b.bytes - a.bytes || a.group.localeCompare(b.group));
}

/** One build, measured. */
export interface BuildMeasure {
  seconds: number;
  /** Peak resident memory of the build process, bytes (undefined when it could not be read). */
  peakBytes?: number;
  pages: number;
  files: number;
  distBytes: number;
  largestHtml: { path: string; bytes: number };
  ok: boolean;
}

/** A dense case: N monthly releases built, then one month added to the same folder. */
export interface ReleaseCase {
  releases: number;
  full: BuildMeasure;
  addMonth?: { build: BuildMeasure; diff: TreeDiff };
}

export interface FigureCase {
  figures: number;
  full: BuildMeasure;
}

export interface GrowthResults {
  today?: BuildMeasure;
  /** Today's data built again with one more month of 3 figures. */
  todayAddMonth?: { build: BuildMeasure; diff: TreeDiff };
  /** Today's data built again with the cache the first build filled, nothing changed (and what that changed: nothing). */
  todayWarm?: { build: BuildMeasure; diff: TreeDiff };
  releaseCases: ReleaseCase[];
  figureCases: FigureCase[];
}

export interface TargetRow {
  figure: string;
  value: string;
  target: string;
  /** true: met; false: missed; undefined: no target (context only). */
  met?: boolean;
}

const MB = 1024 * 1024;
const GB = 1024 * MB;
export const formatBytes = (bytes: number): string => (bytes >= GB ? `${(bytes / GB).toFixed(2)} GB` : bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`);
const seconds = (s: number) => (s >= 120 ? `${Math.floor(Math.round(s) / 60)} min ${Math.round(s) % 60} s` : `${s.toFixed(1)} s`);
const memory = (m: BuildMeasure) => (m.peakBytes === undefined ? 'unknown' : formatBytes(m.peakBytes));
const within = (value: number | undefined, limit: number) => (value === undefined ? undefined : value <= limit);

/** The targets of issue 14 ("Scale with the years"), each with the figure measured for it. */
export const TARGETS = {
  todaySeconds: 15,
  todayPeak: 1.5 * GB,
  tenYearsSeconds: 180,
  tenYearsPeak: 3 * GB,
  tenYearsDist: 600 * MB,
  addMonthSeconds: 20,
  addMonthChanged: 10 * MB,
  largeFilePeak: 4 * GB,
  largestHtml: 1 * MB,
} as const;

/** Bytes each added release cost between two dense cases (e.g. 40 → 80). */
export function bytesPerRelease(from: ReleaseCase, to: ReleaseCase): number {
  return (to.full.distBytes - from.full.distBytes) / (to.releases - from.releases);
}

/** Every measured figure as a row: figure, value, target, met. Rows without a target give context. */
export function targetRows(results: GrowthResults): TargetRow[] {
  const rows: TargetRow[] = [];
  const failed = (m: BuildMeasure) => (m.ok ? '' : ' (build failed)');
  if (results.today) {
    const t = results.today;
    rows.push({ figure: 'today\'s data: full build, empty cache', value: seconds(t.seconds) + failed(t), target: `≤ ${TARGETS.todaySeconds} s`, met: t.ok && t.seconds <= TARGETS.todaySeconds });
    rows.push({ figure: 'today\'s data: peak memory', value: memory(t), target: `≤ ${formatBytes(TARGETS.todayPeak)}`, met: within(t.peakBytes, TARGETS.todayPeak) });
    rows.push({ figure: 'today\'s data: pages / files / dist', value: `${t.pages} / ${t.files} / ${formatBytes(t.distBytes)}`, target: '' });
    if (results.todayWarm) {
      const w = results.todayWarm;
      rows.push({ figure: 'today\'s data: full build, warm cache', value: seconds(w.build.seconds) + failed(w.build) + (w.diff.bytesChanged > 0 ? ` (changed ${formatBytes(w.diff.bytesChanged)}!)` : ''), target: `≤ ${TARGETS.todaySeconds} s`, met: w.build.ok && w.diff.bytesChanged === 0 && w.build.seconds <= TARGETS.todaySeconds });
      rows.push({ figure: 'today\'s data: peak memory, warm cache', value: memory(w.build), target: `≤ ${formatBytes(TARGETS.todayPeak)}`, met: within(w.build.peakBytes, TARGETS.todayPeak) });
    }
    if (results.todayAddMonth) {
      const a = results.todayAddMonth;
      rows.push({ figure: 'add one month of 3 figures to today: build', value: seconds(a.build.seconds) + failed(a.build), target: `≤ ${TARGETS.addMonthSeconds} s`, met: a.build.ok && a.build.seconds <= TARGETS.addMonthSeconds });
      rows.push({ figure: 'add one month of 3 figures to today: changed', value: `${formatBytes(a.diff.bytesChanged)} (${a.diff.added} added, ${a.diff.changed} changed, ${a.diff.removed} removed files)`, target: `≤ ${formatBytes(TARGETS.addMonthChanged)}`, met: a.build.ok && a.diff.bytesChanged <= TARGETS.addMonthChanged });
    }
  }
  const cases = [...results.releaseCases].sort((a, b) => a.releases - b.releases);
  for (const c of cases) {
    const n = c.releases;
    const ten = n >= 120;
    const f = c.full;
    rows.push({ figure: `${n} releases: full build`, value: seconds(f.seconds) + failed(f), target: ten ? `≤ ${seconds(TARGETS.tenYearsSeconds)}` : '', ...(ten ? { met: f.ok && f.seconds <= TARGETS.tenYearsSeconds } : {}) });
    rows.push({ figure: `${n} releases: peak memory`, value: memory(f), target: ten ? `≤ ${formatBytes(TARGETS.tenYearsPeak)}` : '', ...(ten ? { met: within(f.peakBytes, TARGETS.tenYearsPeak) } : {}) });
    rows.push({ figure: `${n} releases: pages / files`, value: `${f.pages} / ${f.files}`, target: '' });
    rows.push({ figure: `${n} releases: dist/`, value: formatBytes(f.distBytes), target: ten ? `≤ ${formatBytes(TARGETS.tenYearsDist)}` : '', ...(ten ? { met: f.distBytes <= TARGETS.tenYearsDist } : {}) });
    rows.push({ figure: `${n} releases: largest HTML page`, value: `${formatBytes(f.largestHtml.bytes)} (${f.largestHtml.path})`, target: '' });
    if (c.addMonth) {
      const a = c.addMonth;
      rows.push({ figure: `add one month to ${n}: build`, value: seconds(a.build.seconds) + failed(a.build), target: ten ? `≤ ${TARGETS.addMonthSeconds} s` : '', ...(ten ? { met: a.build.ok && a.build.seconds <= TARGETS.addMonthSeconds } : {}) });
      rows.push({ figure: `add one month to ${n}: changed`, value: `${formatBytes(a.diff.bytesChanged)} (${a.diff.added} added, ${a.diff.changed} changed, ${a.diff.removed} removed files)`, target: ten ? `≤ ${formatBytes(TARGETS.addMonthChanged)}` : '', ...(ten ? { met: a.diff.bytesChanged <= TARGETS.addMonthChanged } : {}) });
      rows.push({ figure: `add one month to ${n}: dist/ grew by`, value: formatBytes(a.build.distBytes - f.distBytes), target: '' });
    }
  }
  for (let i = 1; i < cases.length; i++) {
    const [from, to] = [cases[i - 1]!, cases[i]!];
    rows.push({ figure: `bytes per added release, ${from.releases} → ${to.releases}`, value: formatBytes(bytesPerRelease(from, to)), target: '' });
  }
  // Linear: the last release costs no more at the end of the decade than at the start.
  const first = cases.find((c) => c.addMonth);
  const last = [...cases].reverse().find((c) => c.addMonth);
  if (first && last && first !== last) {
    const grewFirst = first.addMonth!.build.distBytes - first.full.distBytes;
    const grewLast = last.addMonth!.build.distBytes - last.full.distBytes;
    // 5% slack: a longer history legitimately adds a few bytes per month (one more row in a month list, a sitemap entry).
    rows.push({ figure: `size added by one release at ${last.releases} vs at ${first.releases}`, value: `${formatBytes(grewLast)} vs ${formatBytes(grewFirst)}`, target: 'no larger (linear, ±5%)', met: grewLast <= grewFirst * 1.05 });
  }
  for (const c of results.figureCases) {
    const f = c.full;
    const big = c.figures >= 100_000;
    rows.push({ figure: `${c.figures.toLocaleString('en')} figures in one file: build`, value: `${seconds(f.seconds)}${failed(f)}`, target: big ? 'completes' : '', ...(big ? { met: f.ok } : {}) });
    rows.push({ figure: `${c.figures.toLocaleString('en')} figures in one file: peak memory`, value: memory(f), target: big ? `≤ ${formatBytes(TARGETS.largeFilePeak)}` : '', ...(big ? { met: within(f.peakBytes, TARGETS.largeFilePeak) } : {}) });
    rows.push({ figure: `${c.figures.toLocaleString('en')} figures in one file: pages / files / dist`, value: `${f.pages} / ${f.files} / ${formatBytes(f.distBytes)}`, target: '' });
    rows.push({ figure: `${c.figures.toLocaleString('en')} figures in one file: largest HTML page`, value: `${formatBytes(f.largestHtml.bytes)} (${f.largestHtml.path})`, target: `≤ ${formatBytes(TARGETS.largestHtml)}`, met: f.ok && f.largestHtml.bytes <= TARGETS.largestHtml });
  }
  return rows;
}

/** The rows as an aligned text table, each figure next to its target and ✓ (met), ✗ (missed) or blank (context). */
export function formatTargetTable(rows: readonly TargetRow[]): string {
  const cells = [['figure', 'measured', 'target', ''], ...rows.map((r) => [r.figure, r.value, r.target, r.met === undefined ? '' : r.met ? '✓' : '✗'])];
  const widths = [0, 1, 2].map((column) => Math.max(...cells.map((row) => row[column]!.length)));
  return cells.map((row, i) => {
    const line = `${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${row[2]!.padEnd(widths[2]!)}  ${row[3]}`.trimEnd();
    return i === 0 ? `${line}\n${widths.map((w) => '─'.repeat(w)).join('  ')}` : line;
  }).join('\n');
}

/** The options of `npm run bench -- --growth[=today,40,80,120] [--figures=10000,100000]`; undefined without either. */
export function parseGrowthArgs(args: readonly string[]): { today: boolean; releases: number[]; figures: number[] } | undefined {
  const growth = args.find((a) => a === '--growth' || a.startsWith('--growth='));
  const figures = args.find((a) => a === '--figures' || a.startsWith('--figures='));
  if (!growth && !figures) return undefined;
  const list = (arg: string | undefined, fallback: string[]) => (arg === undefined ? [] : arg.includes('=') ? arg.slice(arg.indexOf('=') + 1).split(',').map((s) => s.trim()).filter(Boolean) : fallback);
  const growthItems = list(growth, ['today', '40', '80', '120']);
  const figureItems = figures ? list(figures, ['10000', '100000']) : growth && !growth.includes('=') ? ['10000', '100000'] : [];
  const number = (item: string, what: string) => {
    const n = Number(item);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${what}: found "${item}"; expected a whole number (e.g. --growth=40,80 or --figures=10000)`);
    return n;
  };
  return {
    today: growthItems.includes('today'),
    releases: growthItems.filter((i) => i !== 'today').map((i) => number(i, '--growth')),
    figures: figureItems.map((i) => number(i, '--figures')),
  };
}

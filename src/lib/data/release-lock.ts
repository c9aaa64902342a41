import { createHash } from 'node:crypto';
import type { DataIssue } from './errors.ts';
import { parseJsonText } from './json-text.ts';

/**
 * What has been published: `data/releases.lock.json` records each month file
 * that became a release, with the sha256 of its bytes. A published release
 * never changes, so the build refuses a recorded file whose bytes differ, a
 * recorded file that disappeared, and a new month file dated before the newest
 * release (it would rewrite history). A correction goes in a new month file.
 */

export const LOCK_FILE = 'releases.lock.json';

export interface LockedRelease {
  /** `YYYY-MM`. */
  id: string;
  /** Path inside the data directory, e.g. `months/2024-08.csv`. */
  file: string;
  sha256: string;
  /** The catalogue as it stood when the release was recorded: `catalogues/<id>.json` (content-addressed). */
  catalogue?: string;
  /** sha256 of each file `/data/v/<id>/` serves, as first published (with a neutral site address). */
  served?: Record<string, string>;
  /**
   * How `/data/v/<id>/` is laid out, fixed when the release is recorded (see `SNAPSHOT_FORMATS`). Absent: 1, the
   * format of the releases recorded before it existed, which keep it forever.
   */
  snapshot?: SnapshotFormat;
}

/**
 * The layouts of a release's snapshot `/data/v/<id>/`:
 * - 1, full copy: every figure as of the release, in `figures.csv` and `figures.json` (bytes ∝ releases², so no
 *   longer used for new releases; the releases recorded with it serve it unchanged);
 * - 2, month files: `datapackage.json` lists as resources the month files of every release up to this one, each
 *   published once at `/data/months/<file>` with its bytes and sha256, so `/data/v/` grows linearly.
 */
export const SNAPSHOT_FORMATS = [1, 2] as const;
export type SnapshotFormat = (typeof SNAPSHOT_FORMATS)[number];
/** The format a release gets when it is recorded from now on. */
export const CURRENT_SNAPSHOT_FORMAT: SnapshotFormat = 2;

/** The snapshot format of a release: as recorded in the lock, or, not yet recorded, the current one. */
export function snapshotFormatOf(lock: ReleaseLock, release: string): SnapshotFormat {
  const locked = lock.releases.find((r) => r.id === release);
  return locked ? (locked.snapshot ?? 1) : CURRENT_SNAPSHOT_FORMAT;
}

/** The same, read from a loaded dataset (which carries the formats the lock records). */
export function datasetSnapshotFormat(dataset: { snapshotFormats?: ReadonlyMap<string, SnapshotFormat> }, release: string): SnapshotFormat {
  return dataset.snapshotFormats?.get(release) ?? CURRENT_SNAPSHOT_FORMAT;
}

/** The file a link to a release's data points at: its figures (full copy) or its Data Package descriptor (month files). */
export function snapshotEntryFile(format: SnapshotFormat): string {
  return format === 1 ? 'figures.csv' : 'datapackage.json';
}

/** Folder (inside the data directory) of the catalogue snapshots pinned releases are drawn with. */
export const CATALOGUES_DIR = 'catalogues';

/** A catalogue snapshot's text and its content address (first 16 hex digits of its sha256). */
export function catalogueSnapshot(indicators: unknown[]): { id: string; text: string } {
  const text = `${JSON.stringify({ indicators }, null, 2)}\n`;
  return { id: sha256(new TextEncoder().encode(text)).slice(0, 16), text };
}

export interface ReleaseLock {
  releases: LockedRelease[];
}

/** A month file as the lock sees it. */
export interface MonthBytes {
  id: string;
  /** Path inside the data directory. */
  file: string;
  bytes: Uint8Array;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const CORRECTION_HELP = 'put the corrected figure in the newest month file with a "correction" reason (see "Corrections" in data/README.md)';

/** Reads the lock file; a missing lock is an empty one (nothing published yet). */
export function parseLock(text: string | undefined, file: string): { lock: ReleaseLock; issues: DataIssue[] } {
  if (text === undefined) return { lock: { releases: [] }, issues: [] };
  const parsed = parseJsonText(text, file);
  if (parsed.issue) return { lock: { releases: [] }, issues: [parsed.issue] };
  const releases = (parsed.json as { releases?: unknown } | null)?.releases;
  const valid = Array.isArray(releases) && releases.every((r) => r && typeof r.id === 'string' && typeof r.file === 'string' && /^[0-9a-f]{64}$/.test(String(r.sha256)) && (r.snapshot === undefined || (SNAPSHOT_FORMATS as readonly unknown[]).includes(r.snapshot)));
  if (!valid) return { lock: { releases: [] }, issues: [{ file, path: '$.releases', expected: 'the list written by npm run check-data: {"releases": [{"id", "file", "sha256"}, …]}; restore the file from git rather than editing it by hand' }] };
  return { lock: { releases: releases as LockedRelease[] }, issues: [] };
}

/**
 * Checks the month files against the lock. `dataRoot` prefixes paths in issues
 * (e.g. `data/`). Returns the month files not yet recorded: the new releases.
 */
export function checkAgainstLock(lock: ReleaseLock, months: readonly MonthBytes[], dataRoot: string, lockPath: string): { issues: DataIssue[]; unrecorded: MonthBytes[] } {
  const issues: DataIssue[] = [];
  const byId = new Map(months.map((m) => [m.id, m]));
  for (const locked of lock.releases) {
    const month = byId.get(locked.id);
    if (!month) {
      issues.push({ file: `${dataRoot}${locked.file}`, field: 'file', expected: `the published release ${locked.id}, recorded in ${lockPath}: a published month file is never removed or renamed; restore it from git (git checkout -- ${dataRoot}${locked.file})` });
    } else if (sha256(month.bytes) !== locked.sha256) {
      issues.push({
        file: `${dataRoot}${month.file}`,
        field: 'file',
        found: 'a changed file',
        expected: `the file as it was published (${lockPath} records its sha256): a published release never changes. Undo the edit (git checkout -- ${dataRoot}${month.file}) and ${CORRECTION_HELP}. If this month has not been put online yet, re-record it with: npm run check-data -- --rerecord ${locked.id}`,
      });
    }
  }
  const recorded = new Set(lock.releases.map((r) => r.id));
  const newest = [...recorded].sort().at(-1);
  const unrecorded = months.filter((m) => !recorded.has(m.id));
  for (const month of unrecorded) {
    if (newest !== undefined && month.id < newest) {
      issues.push({ file: `${dataRoot}${month.file}`, field: 'file name', found: month.id, expected: `a month after the newest published release (${newest}): a new file dated earlier would rewrite releases already published; put these figures (whatever their as-of dates) in the current month's file` });
    }
  }
  return { issues, unrecorded: unrecorded.filter((m) => newest === undefined || m.id > newest) };
}

/** The lock with the given month files recorded (new ones added, re-recorded ones updated), in release order. */
export function recordReleases(lock: ReleaseLock, months: readonly MonthBytes[], pinned: ReadonlyMap<string, Pick<LockedRelease, 'catalogue' | 'served' | 'snapshot'>> = new Map()): ReleaseLock {
  const releases = new Map(lock.releases.map((r) => [r.id, r]));
  for (const month of months) releases.set(month.id, { id: month.id, file: month.file, sha256: sha256(month.bytes), ...pinned.get(month.id) });
  return { releases: [...releases.values()].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

/** The lock file's text: one release per line, so a new month is a one-line diff. */
export function formatLock(lock: ReleaseLock): string {
  const lines = lock.releases.map((r) => `    ${JSON.stringify(r)}`);
  return `{\n  "about": "Published releases and the sha256 of each month file, written by npm run check-data. Do not edit: a published release never changes (see data/README.md, Corrections).",\n  "releases": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

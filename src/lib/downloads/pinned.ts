import { createHash } from 'node:crypto';
import type { DataIssue } from '../data/errors.ts';
import type { LockedRelease, ReleaseLock, SnapshotFormat } from '../data/release-lock.ts';
import type { Dataset } from '../data/types.ts';
import { datasetFiles, monthFilesSnapshot, type PublishedMonth } from './dataset.ts';

/**
 * Pinned means pinned: `/data/v/<release>/` is drawn from the release's own
 * month files (which the lock keeps unchanged) and the catalogue as it stood
 * when the release was recorded, and the lock keeps the sha256 of every file
 * it served. A change to code or catalogue that would rewrite a published
 * release stops the build instead.
 */

/** The site address the recorded hashes are computed with, so they do not depend on where the site is deployed. */
export const PINNED_SITE = 'https://pinned.invalid/';

/** The dataset as a pinned release draws it: every month file, and the catalogue of that release. */
export function pinnedDataset(dataset: Dataset, release: string): Dataset {
  const catalogue = dataset.pinnedCatalogues?.get(release);
  return catalogue ? { indicators: catalogue, releases: dataset.releases } : dataset;
}

/**
 * The files `/data/v/<release>/` serves, in the release's snapshot format: a full copy of its figures (1), or the
 * references to its month files (2, which are written once at `/data/months/`).
 */
export function snapshotFiles(dataset: Dataset, release: string, siteUrl: string, format: SnapshotFormat, months: readonly PublishedMonth[]): Map<string, string> {
  const drawn = pinnedDataset(dataset, release);
  return format === 1 ? datasetFiles(drawn, release, siteUrl) : monthFilesSnapshot(drawn, release, siteUrl, months);
}

/** sha256 of each file `/data/v/<release>/` serves, with the neutral site address. */
export function servedHashes(dataset: Dataset, release: string, format: SnapshotFormat, months: readonly PublishedMonth[]): Record<string, string> {
  const files = snapshotFiles(dataset, release, PINNED_SITE, format, months);
  return Object.fromEntries([...files].map(([name, text]) => [name, createHash('sha256').update(text).digest('hex')]));
}

/** Every pinned file that would no longer be what was published. */
export function verifyPinned(dataset: Dataset, lock: ReleaseLock, lockFile: string, months: readonly PublishedMonth[]): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const locked of lock.releases.filter((r): r is LockedRelease & { served: Record<string, string> } => r.served !== undefined)) {
    if (!dataset.releases.some((r) => r.id === locked.id)) continue; // reported by the lock check
    const now = servedHashes(dataset, locked.id, locked.snapshot ?? 1, months);
    for (const [name, hash] of Object.entries(locked.served)) {
      if (now[name] === hash) continue;
      issues.push({
        file: `/data/v/${locked.id}/${name}`,
        field: 'pinned output',
        found: now[name] === undefined ? 'no such file any more' : 'different bytes',
        expected: `the file as published with release ${locked.id} (${lockFile} keeps its sha256): a change to the code that writes it would rewrite a published release. Keep writing published releases as they were (add new columns or files from a new release on), or undo the change`,
      });
    }
  }
  return issues;
}

/**
 * Records new month files as published releases in `data/releases.lock.json`:
 * run by `npm run check-data` and `npm run build` once the data are valid, so
 * the commit that adds a month also records it. With each release it pins the
 * catalogue (`data/catalogues/<id>.json`), the snapshot format of
 * `/data/v/<release>/` (the current one, `CURRENT_SNAPSHOT_FORMAT`) and the
 * sha256 of every file it serves.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LockedRelease, MonthBytes } from '../../src/lib/data/release-lock.ts';
import { CATALOGUES_DIR, catalogueSnapshot, CURRENT_SNAPSHOT_FORMAT, formatLock, LOCK_FILE, parseLock, recordReleases } from '../../src/lib/data/release-lock.ts';
import { readDataDirectory } from '../../src/lib/data/read-directory.ts';
import { publishedMonths } from '../../src/lib/downloads/dataset.ts';
import type { Dataset } from '../../src/lib/data/types.ts';
import { servedHashes, verifyPinned } from '../../src/lib/downloads/pinned.ts';
import type { DataFiles } from '../../src/lib/data/load.ts';
import type { DataIssue } from '../../src/lib/data/errors.ts';

export function recordNewReleases(dataDir: string, months: readonly MonthBytes[], dataset: Dataset, log: (line: string) => void = console.log): void {
  if (months.length === 0) return;
  const path = join(dataDir, LOCK_FILE);
  const { lock } = parseLock(existsSync(path) ? readFileSync(path, 'utf8') : undefined, path);
  const snapshot = catalogueSnapshot(dataset.indicators);
  mkdirSync(join(dataDir, CATALOGUES_DIR), { recursive: true });
  const snapshotPath = join(dataDir, CATALOGUES_DIR, `${snapshot.id}.json`);
  if (!existsSync(snapshotPath)) writeFileSync(snapshotPath, snapshot.text);
  const pinned = new Map<string, Pick<LockedRelease, 'catalogue' | 'served' | 'snapshot'>>();
  const withSnapshot = (id: string): Dataset => ({ ...dataset, pinnedCatalogues: new Map([...(dataset.pinnedCatalogues ?? []), [id, dataset.indicators]]) });
  const published = publishedMonths(readDataDirectory(dataDir).months);
  for (const month of months) pinned.set(month.id, { catalogue: snapshot.id, served: servedHashes(withSnapshot(month.id), month.id, CURRENT_SNAPSHOT_FORMAT, published), snapshot: CURRENT_SNAPSHOT_FORMAT });
  writeFileSync(path, formatLock(recordReleases(lock, months, pinned)));
  const ids = months.map((m) => m.id).join(', ');
  log(`✓ Recorded ${months.length === 1 ? 'a new release' : `${months.length} new releases`} (${ids}) in data/${LOCK_FILE}, with the catalogue they are drawn with (data/${CATALOGUES_DIR}/${snapshot.id}.json): commit them with the month file${months.length === 1 ? '' : 's'}. From now on ${months.length === 1 ? 'this file' : 'these files'} must not change; corrections go in a later month.`);
}

/** The pinned outputs of recorded releases that the current code and data would change (none when all is well). */
export function pinnedOutputIssues(files: DataFiles, dataset: Dataset): DataIssue[] {
  if (!files.lock?.text) return [];
  return verifyPinned(dataset, parseLock(files.lock.text, files.lock.file).lock, files.lock.file, publishedMonths(files.months));
}

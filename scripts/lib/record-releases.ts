/**
 * Records new month files as published releases in `data/releases.lock.json`:
 * run by `npm run check-data` and `npm run build` once the data are valid, so
 * the commit that adds a month also records it.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MonthBytes } from '../../src/lib/data/release-lock.ts';
import { formatLock, LOCK_FILE, parseLock, recordReleases } from '../../src/lib/data/release-lock.ts';

export function recordNewReleases(dataDir: string, months: readonly MonthBytes[], log: (line: string) => void = console.log): void {
  if (months.length === 0) return;
  const path = join(dataDir, LOCK_FILE);
  const { lock } = parseLock(existsSync(path) ? readFileSync(path, 'utf8') : undefined, path);
  writeFileSync(path, formatLock(recordReleases(lock, months)));
  const ids = months.map((m) => m.id).join(', ');
  log(`✓ Recorded ${months.length === 1 ? 'a new release' : `${months.length} new releases`} (${ids}) in data/${LOCK_FILE}: commit it with the month file${months.length === 1 ? '' : 's'}. From now on ${months.length === 1 ? 'this file' : 'these files'} must not change; corrections go in a later month.`);
}

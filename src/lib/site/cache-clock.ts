/**
 * The time the build cache dates its entries with (scripts/lib/build-cache.ts, chart-store.ts): the file system's,
 * not the process clock, which a benchmark may set to another day (scripts/bench/fixed-clock.mjs) while the kernel
 * still dates the files it writes by its own. The build sets it once (BUILD_CACHE_NOW, milliseconds) so that every
 * part of a build uses the same time.
 */
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function fileSystemNow(): Date {
  const given = Number(process.env.BUILD_CACHE_NOW);
  return new Date(Number.isFinite(given) && given > 0 ? given : kernelNow());
}

/** The date a file written now gets. */
export function kernelNow(): number {
  const probe = join(tmpdir(), `de-an-06-now-${process.pid}-${Math.random().toString(36).slice(2)}`);
  writeFileSync(probe, '');
  try {
    return statSync(probe).mtimeMs;
  } finally {
    rmSync(probe, { force: true });
  }
}

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DataFiles } from './load.ts';
import { CATALOGUES_DIR, LOCK_FILE } from './release-lock.ts';

/** Reads a data directory (`indicators.json` + `months/`) from disk. Paths in issues are relative to `root`. */
export function readDataDirectory(dataDir: string, root: string = process.cwd()): DataFiles {
  const catalogueFile = join(dataDir, 'indicators.json');
  const monthsDir = join(dataDir, 'months');
  const lockFile = join(dataDir, LOCK_FILE);
  const cataloguesDir = join(dataDir, CATALOGUES_DIR);
  return {
    catalogue: { file: relative(root, catalogueFile), text: readFileSync(catalogueFile, 'utf8') },
    lock: { file: relative(root, lockFile), ...(existsSync(lockFile) ? { text: readFileSync(lockFile, 'utf8') } : {}) },
    catalogues: existsSync(cataloguesDir)
      ? readdirSync(cataloguesDir).filter((name) => name.endsWith('.json')).map((name) => ({ file: relative(root, join(cataloguesDir, name)), name, text: readFileSync(join(cataloguesDir, name), 'utf8') }))
      : [],
    months: readdirSync(monthsDir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => ({ file: relative(root, join(monthsDir, entry.name)), name: entry.name, bytes: readFileSync(join(monthsDir, entry.name)) })),
  };
}

/**
 * A content-addressed cache of expensive, pure build outputs (PNG bytes, XLSX workbooks, pinned embed pages), so a
 * build whose inputs did not change reuses them instead of drawing them again. An entry is named by the sha256 of
 * everything that makes its bytes (its inputs and the version of the code or renderer that writes them): a changed
 * input is a new name, never a stale hit. The folder is `.cache/build/` in the project (git-ignored; BUILD_CACHE_DIR
 * moves it; BUILD_CACHE=off turns it off); the deploy workflow keeps it between deploys (actions/cache).
 * Writes go to a temporary file renamed into place, so a killed build never leaves half an entry.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileSystemNow } from '../../src/lib/site/cache-clock.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BuildCache {
  /** The folder, or undefined when the cache is off. */
  readonly dir: string | undefined;
  get(kind: string, key: string): Buffer | undefined;
  has(kind: string, key: string): boolean;
  /** The entry's file (it must exist: see has). */
  pathOf(kind: string, key: string): string;
  set(kind: string, key: string, bytes: string | Uint8Array): void;
  /** The entry for `key`, made by `produce` (and stored) when missing. */
  through(kind: string, key: string, produce: () => Promise<string | Uint8Array>): Promise<Buffer>;
  /** Entries reused and made (written) so far, for the build's summary. */
  readonly stats: { hits: number; misses: number };
  /**
   * Deletes the entries no build has used for `days` days (every use renews an entry's date), so the cache does not
   * grow for ever with outputs of inputs long gone; returns how many. Entries used by this build are never old.
   */
  prune(days: number, now?: number): number;
}

/** How long an unused entry is kept: a build of an older commit within this time still finds its outputs. */
export const CACHE_KEEP_DAYS = 30;

/** sha256 (hex) of the parts, each length-prefixed so that ("ab", "c") and ("a", "bc") differ. */
export function cacheKey(...parts: ReadonlyArray<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part) : part;
    hash.update(`${bytes.length}:`).update(bytes);
  }
  return hash.digest('hex');
}

export function buildCache(dir: string | undefined = defaultCacheDir()): BuildCache {
  const stats = { hits: 0, misses: 0 };
  // Entries this build used or made: never pruned, and dated now (see prune).
  const usedFiles = new Set<string>();
  // The date used entries get, read once: without the build's BUILD_CACHE_NOW, reading it writes a probe file.
  let usedAt: Date | undefined;
  const used = (file: string) => {
    const now = (usedAt ??= fileSystemNow());
    utimesSync(file, now, now);
    usedFiles.add(file);
    return file;
  };
  const path = (kind: string, key: string) => join(dir!, kind, key.slice(0, 2), key);
  const cache: BuildCache = {
    dir,
    stats,
    has(kind, key) {
      return dir !== undefined && existsSync(path(kind, key));
    },
    pathOf(kind, key) {
      stats.hits++;
      return used(path(kind, key));
    },
    get(kind, key) {
      if (!dir) return undefined;
      const file = path(kind, key);
      if (!existsSync(file)) return undefined;
      stats.hits++;
      return readFileSync(used(file));
    },
    set(kind, key, bytes) {
      if (!dir) return;
      stats.misses++;
      const file = path(kind, key);
      mkdirSync(dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, file);
      usedFiles.add(file);
    },
    prune(days, now = fileSystemNow().getTime()) {
      if (!dir || !existsSync(dir)) return 0;
      const before = now - days * 86_400_000;
      let removed = 0;
      for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const file = join(entry.parentPath, entry.name);
        if (!usedFiles.has(file) && statSync(file).mtimeMs < before) {
          rmSync(file, { force: true });
          removed++;
        }
      }
      return removed;
    },
    async through(kind, key, produce) {
      const known = cache.get(kind, key);
      if (known) return known;
      const made = await produce();
      cache.set(kind, key, made);
      return Buffer.isBuffer(made) ? made : Buffer.from(made);
    },
  };
  return cache;
}

/** `.cache/build/` in the project, BUILD_CACHE_DIR when set; undefined (no cache) with BUILD_CACHE=off. */
export function defaultCacheDir(): string | undefined {
  if (/^(off|0|false|no)$/i.test(process.env.BUILD_CACHE ?? '')) return undefined;
  return resolve(process.env.BUILD_CACHE_DIR ?? join(root, '.cache', 'build'));
}

/**
 * sha256 of the code that makes an output: every file under the given paths (files or folders, relative to the
 * project), by path and bytes. Part of a cache key, so a change to that code is a new key.
 */
export function sourceIdentity(paths: readonly string[], base: string = root): string {
  const files: string[] = [];
  for (const path of paths) {
    const full = join(base, path);
    if (!existsSync(full)) continue;
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full, { recursive: true, withFileTypes: true })) if (entry.isFile()) files.push(join(entry.parentPath, entry.name));
    } else files.push(full);
  }
  files.sort();
  return cacheKey(...files.flatMap((file) => [relative(base, file), readFileSync(file)]));
}

/** The build cache (scripts/lib/build-cache.ts): entries by content, and pruning of what no build used for a while. */
import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildCache, cacheKey } from '../../scripts/lib/build-cache.ts';
import { drawingStore } from '../../src/lib/site/chart-store.ts';

const folders: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'de-an-06-cache-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const DAY = 86_400_000;
/** Dates a file as last used `days` ago. */
function age(file: string, days: number): void {
  const then = new Date(Date.now() - days * DAY);
  utimesSync(file, then, then);
}

describe('build cache', () => {
  it('names entries by content: parts are length-prefixed, so a different split is a different key', () => {
    expect(cacheKey('ab', 'c')).not.toBe(cacheKey('a', 'bc'));
    expect(cacheKey('ab', 'c')).toBe(cacheKey('ab', 'c'));
  });

  it('deletes entries unused for the given days, keeps recent ones and renews those a build uses', () => {
    const dir = folder();
    const old = buildCache(dir);
    old.set('png', 'unused', 'a');
    old.set('png', 'used-again', 'b');
    old.set('xlsx', 'recent', 'c');
    age(old.pathOf('png', 'unused'), 40);
    age(old.pathOf('png', 'used-again'), 40);
    age(old.pathOf('xlsx', 'recent'), 5);

    const next = buildCache(dir); // the next build uses one of the old entries
    expect(next.get('png', 'used-again')?.toString()).toBe('b');
    expect(statSync(next.pathOf('png', 'used-again')).mtimeMs).toBeGreaterThan(Date.now() - DAY);
    expect(next.prune(30)).toBe(1);
    expect(next.has('png', 'unused')).toBe(false);
    expect(next.has('png', 'used-again')).toBe(true);
    expect(next.has('xlsx', 'recent')).toBe(true);
  });

  it('keeps what this build made even when the process clock says another day (the growth bench fixes it ahead)', () => {
    const dir = folder();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(Date.now() + 45 * DAY));
      const cache = buildCache(dir);
      cache.set('png', 'made-now', 'a');
      const other = buildCache(dir); // another build, same clock: the entry is fresh by the file system's time
      expect(cache.prune(30)).toBe(0);
      expect(other.prune(30)).toBe(0);
      expect(other.has('png', 'made-now')).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('renews drawn charts a build reuses, so pruning keeps them', () => {
    const dir = folder();
    const cache = buildCache(dir);
    const drawings = drawingStore(join(dir, 'drawings'), 'code-1')!;
    drawings.entry('chart a').set('svg', '<svg>a</svg>');
    drawings.entry('chart b').set('svg', '<svg>b</svg>');
    for (const file of filesIn(join(dir, 'drawings'))) age(file, 40);
    expect(drawings.entry('chart a').get('svg')).toBe('<svg>a</svg>');
    expect(cache.prune(30)).toBe(1);
    expect(drawings.entry('chart a').get('svg')).toBe('<svg>a</svg>');
    expect(drawings.entry('chart b').get('svg')).toBeUndefined();
    expect(filesIn(join(dir, 'drawings'))).toHaveLength(1);
  });

  it('keeps drawings of one code apart from another: a code change is a new entry', () => {
    const dir = folder();
    drawingStore(dir, 'code-1')!.entry('chart').set('svg', '<svg>old</svg>');
    expect(drawingStore(dir, 'code-2')!.entry('chart').get('svg')).toBeUndefined();
    expect(drawingStore(dir, 'code-1')!.entry('chart').get('svg')).toBe('<svg>old</svg>');
    expect(drawingStore(dir, 'code-1')!.entry('chart').get('share-svg')).toBeUndefined();
  });

  it('has no store without a folder, and an off cache prunes nothing', () => {
    // (Not buildCache(undefined): an undefined folder is the default one, the project's own cache.)
    vi.stubEnv('DRAWING_CACHE_DIR', '');
    vi.stubEnv('BUILD_CACHE', 'off');
    try {
      expect(drawingStore()).toBeUndefined();
      const off = buildCache();
      expect(off.dir).toBeUndefined();
      expect(off.prune(0)).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

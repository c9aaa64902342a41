/**
 * The build's store of drawn charts (see `keepDrawingsIn` in src/lib/charts/render.ts): a folder of the build cache
 * (scripts/lib/build-cache.ts), named in DRAWING_CACHE_DIR by the build together with DRAWING_CODE, the hash of the
 * code that draws (src/lib and the locked package versions). An entry is named by the sha256 of that code and of
 * everything the picture is made from, so a changed figure, spec, language or code is a new entry, never a stale one.
 * Without DRAWING_CACHE_DIR (tests, the dev server) there is no store and every chart is drawn.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DrawingStore } from '../charts/render.ts';
import { fileSystemNow } from './cache-clock.ts';

export function drawingStore(dir: string | undefined = process.env.DRAWING_CACHE_DIR, code: string = process.env.DRAWING_CODE ?? ''): DrawingStore | undefined {
  if (!dir) return undefined;
  return {
    entry(identity) {
      // Hashed once per chart; each picture of it is a file named by that hash and its part.
      const name = createHash('sha256').update(code).update('\n').update(identity).digest('hex');
      const file = (part: string) => join(dir, name.slice(0, 2), `${name}.${part}`);
      return {
        get(part) {
          const path = file(part);
          if (!existsSync(path)) return undefined;
          const now = fileSystemNow();
          utimesSync(path, now, now); // used: kept by the cache's pruning (scripts/lib/build-cache.ts)
          return readFileSync(path, 'utf8');
        },
        set(part, picture) {
          const path = file(part);
          mkdirSync(dirname(path), { recursive: true });
          // Written beside, then renamed: a killed build never leaves half an entry.
          const temporary = `${path}.${process.pid}.tmp`;
          writeFileSync(temporary, picture);
          renameSync(temporary, path);
        },
      };
    },
  };
}

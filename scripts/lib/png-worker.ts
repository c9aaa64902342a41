/** A worker thread of the PNG pool (png-pool.ts): draws SVG to a palette PNG (resvg, then sharp), off the main thread. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import { renderPalettePng } from '../../src/lib/png/render.ts';
import type { PngOptions } from '../../src/lib/png/render.ts';

// resvg's picture and tree live in native memory, freed only when V8 collects their small JS handles, and V8 does not
// count that memory: without a collection now and then, a few hundred drawings keep gigabytes. So this worker
// collects its (small) heap every few drawings.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as (() => void) | undefined;
const EVERY = 4;
let drawn = 0;
// One drawing at a time per worker, and one worker per core: sharp's own threads would only compete with them.
sharp.concurrency(1);
sharp.cache(false);

parentPort!.on('message', async ({ id, svg, options }: { id: number; svg: string; options: PngOptions }) => {
  try {
    parentPort!.postMessage({ id, png: await renderPalettePng(svg, options) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
  if (collect && ++drawn % EVERY === 0) collect();
});

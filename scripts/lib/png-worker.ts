/** A worker thread of the PNG pool (png-pool.ts): draws SVG to PNG with resvg, off the main thread. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { renderPng } from '../../src/lib/png/render.ts';
import type { PngOptions } from '../../src/lib/png/render.ts';

// resvg's picture and tree live in native memory, freed only when V8 collects their small JS handles, and V8 does not
// count that memory: without a collection now and then, a few hundred drawings keep gigabytes. So this worker
// collects its (small) heap every few drawings.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as (() => void) | undefined;
const EVERY = 4;
let drawn = 0;

parentPort!.on('message', ({ id, svg, options }: { id: number; svg: string; options: PngOptions }) => {
  try {
    parentPort!.postMessage({ id, png: renderPng(svg, options) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
  if (collect && ++drawn % EVERY === 0) collect();
});

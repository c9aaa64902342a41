/** A worker thread of the PNG pool (png-pool.ts): draws SVG to PNG with resvg, off the main thread. */
import { parentPort } from 'node:worker_threads';
import { renderPng } from '../../src/lib/png/render.ts';
import type { PngOptions } from '../../src/lib/png/render.ts';

parentPort!.on('message', ({ id, svg, options }: { id: number; svg: string; options: PngOptions }) => {
  try {
    parentPort!.postMessage({ id, png: renderPng(svg, options) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});

/**
 * SVG → PNG for the build, the expensive part of the downloads and link-preview images:
 * - drawn in worker threads (rendering and PNG encoding both off the main thread, which meanwhile writes pages,
 *   workbooks and data files), one per core;
 * - cached by content (build-cache.ts): the key is the SVG, the options, the renderer's version and the fonts' bytes,
 *   so an unchanged chart is never drawn twice, across builds too.
 * The bytes are exactly those of `renderPng` (src/lib/png/render.ts), which every worker calls.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { fontFiles } from '../../src/lib/png/fonts.ts';
import type { PngOptions } from '../../src/lib/png/render.ts';
import { type BuildCache, cacheKey } from './build-cache.ts';

interface Pending {
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
}

/** What else makes a PNG's bytes besides its SVG and options: the renderer's version and the fonts. */
let rendererId: string | undefined;
function rendererIdentity(): string {
  if (rendererId) return rendererId;
  const version = (createRequire(import.meta.url)('@resvg/resvg-js/package.json') as { version: string }).version;
  rendererId = cacheKey(`resvg-js ${version}`, ...fontFiles().map((file) => readFileSync(file)));
  return rendererId;
}

export interface PngPool {
  render(svg: string, options?: PngOptions): Promise<Buffer>;
  close(): Promise<void>;
}

/** A pool of `size` workers; idle workers do not keep the process alive. */
export function pngPool(cache?: BuildCache, size = Math.max(1, Math.min(4, availableParallelism()))): PngPool {
  const workers: Array<{ worker: Worker; busy: number }> = [];
  const pending = new Map<number, Pending>();
  let next = 0;
  const start = () => {
    const worker = new Worker(new URL('./png-worker.ts', import.meta.url));
    const slot = { worker, busy: 0 };
    worker.on('message', ({ id, png, error }: { id: number; png?: Uint8Array; error?: string }) => {
      const job = pending.get(id)!;
      pending.delete(id);
      if (--slot.busy === 0) worker.unref();
      if (error !== undefined) job.reject(new Error(error));
      else job.resolve(Buffer.from(png!.buffer, png!.byteOffset, png!.byteLength));
    });
    worker.on('error', (error) => {
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    });
    worker.unref();
    workers.push(slot);
    return slot;
  };
  const draw = (svg: string, options: PngOptions) => new Promise<Buffer>((resolve, reject) => {
    const slot = workers.length < size ? start() : workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = next++;
    pending.set(id, { resolve, reject });
    if (slot.busy++ === 0) slot.worker.ref();
    slot.worker.postMessage({ id, svg, options });
  });
  return {
    render(svg, options = {}) {
      if (!cache) return draw(svg, options);
      return cache.through('png', cacheKey('png', rendererIdentity(), JSON.stringify(options), svg), () => draw(svg, options));
    },
    async close() {
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
      workers.length = 0;
    },
  };
}

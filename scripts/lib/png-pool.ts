/**
 * SVG → PNG for the build, the expensive part of the downloads and link-preview images:
 * - drawn in worker threads (rendering and PNG encoding both off the main thread, which meanwhile writes pages,
 *   workbooks and data files), one per core;
 * - cached by content (build-cache.ts): the key is the SVG, the options, the renderer's version and the fonts' bytes,
 *   so an unchanged chart is never drawn twice, across builds too.
 * The bytes are exactly those of `renderPalettePng` (src/lib/png/render.ts), which every worker calls.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { fontFiles } from '../../src/lib/png/fonts.ts';
import { type PngOptions, paletteEncoderIdentity } from '../../src/lib/png/render.ts';
import { type BuildCache, cacheKey } from './build-cache.ts';

interface Pending {
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
}

/** What else makes a PNG's bytes besides its SVG and options: the renderer's version, the fonts and the palette encoder. */
let rendererId: string | undefined;
function rendererIdentity(): string {
  if (rendererId) return rendererId;
  const version = (createRequire(import.meta.url)('@resvg/resvg-js/package.json') as { version: string }).version;
  rendererId = cacheKey(`resvg-js ${version}`, paletteEncoderIdentity(), ...fontFiles().map((file) => readFileSync(file)));
  return rendererId;
}

export interface PngPool {
  render(svg: string, options?: PngOptions): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * A pool of `size` workers, each given one drawing at a time (the rest wait here): between two drawings a worker's
 * event loop turns, so resvg's native pictures are freed as they go instead of piling up. Idle workers do not keep
 * the process alive.
 */
export function pngPool(cache?: BuildCache, size = Math.max(1, Math.min(4, availableParallelism()))): PngPool {
  interface Job extends Pending {
    svg: string;
    options: PngOptions;
  }
  const idle: Worker[] = [];
  const all: Worker[] = [];
  const waiting: Job[] = [];
  const running = new Map<Worker, Job>();
  const dispatch = () => {
    while (waiting.length > 0) {
      const worker = idle.pop() ?? (all.length < size ? start() : undefined);
      if (!worker) return;
      const job = waiting.shift()!;
      running.set(worker, job);
      worker.ref();
      worker.postMessage({ id: 0, svg: job.svg, options: job.options });
    }
  };
  const start = () => {
    const worker = new Worker(new URL('./png-worker.ts', import.meta.url));
    worker.on('message', ({ png, error }: { png?: Uint8Array; error?: string }) => {
      const job = running.get(worker)!;
      running.delete(worker);
      worker.unref();
      idle.push(worker);
      if (error !== undefined) job.reject(new Error(error));
      else job.resolve(Buffer.from(png!.buffer, png!.byteOffset, png!.byteLength));
      dispatch();
    });
    worker.on('error', (error) => {
      running.get(worker)?.reject(error);
      running.delete(worker);
      for (const job of waiting.splice(0)) job.reject(error);
    });
    all.push(worker);
    return worker;
  };
  const draw = (svg: string, options: PngOptions) => new Promise<Buffer>((resolve, reject) => {
    waiting.push({ svg, options, resolve, reject });
    dispatch();
  });
  return {
    render(svg, options = {}) {
      if (!cache) return draw(svg, options);
      return cache.through('png', cacheKey('png', rendererIdentity(), JSON.stringify(options), svg), () => draw(svg, options));
    },
    async close() {
      await Promise.all(all.map((worker) => worker.terminate()));
      all.length = 0;
      idle.length = 0;
    },
  };
}

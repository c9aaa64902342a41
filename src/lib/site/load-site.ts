import { resolve } from 'node:path';
import { loadDataset } from '../data/load.ts';
import { readDataDirectory } from '../data/read-directory.ts';
import type { SiteModel } from './model.ts';
import { buildSiteModel } from './model.ts';
import { keepDrawingsIn } from '../charts/render.ts';
import { drawingStore } from './chart-store.ts';

/** The data directory the site is built from: `DATA_DIR` (used by tests with fixtures) or `data/`. */
export function dataDirectory(): string {
  return resolve(process.env.DATA_DIR ?? 'data');
}

/** The authored content directory (articles, pages, month commentary): `CONTENT_DIR` or `content/`. */
export function contentDirectory(): string {
  return resolve(process.env.CONTENT_DIR ?? 'content');
}

let cached: SiteModel | undefined;

/** Where scripts/build.ts leaves the model it made, for the pages Astro renders in the same process. */
const HANDED_OVER = Symbol.for('de-an-06.site-model');

/**
 * The build script has already read, checked and modelled the data before it starts Astro, in the same process: it
 * hands the model over so that the content configuration, the route collection and the pages (each a module graph of
 * its own) do not read and check the data again. Only a model made from the same data folder is taken.
 */
export function handOverSiteModel(model: SiteModel, dataDir: string): void {
  (globalThis as Record<symbol, unknown>)[HANDED_OVER] = { model, dataDir: resolve(dataDir) };
}

function handedOver(): SiteModel | undefined {
  const given = (globalThis as Record<symbol, { model: SiteModel; dataDir: string } | undefined>)[HANDED_OVER];
  return given?.dataDir === dataDirectory() ? given.model : undefined;
}

/** Loads and validates the data once per build (or takes the build script's model); pages share the result. */
export function getSiteModel(): SiteModel {
  if (!cached) keepDrawingsIn(drawingStore()); // charts drawn by an earlier build from the same inputs are reused
  cached ??= handedOver() ?? buildSiteModel(loadDataset(readDataDirectory(dataDirectory())));
  return cached;
}

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

/** Loads and validates the data once per build; pages share the result. */
export function getSiteModel(): SiteModel {
  if (!cached) keepDrawingsIn(drawingStore()); // charts drawn by an earlier build from the same inputs are reused
  cached ??= buildSiteModel(loadDataset(readDataDirectory(dataDirectory())));
  return cached;
}

/**
 * Pinned embed pages (/embed/v/<release>/<chart>/) of published releases never change, so the build renders each
 * once and afterwards copies it from its cache (scripts/lib/pinned-embeds.ts). The build names the pages it will copy
 * in a JSON file (PINNED_EMBEDS_REUSED); the pinned embed route leaves them out of its paths. Unset, every page is
 * rendered.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Locale } from '../data/types.ts';

/** The name of one pinned embed page in the reuse list. */
export function pinnedEmbedName(locale: Locale, release: string, chart: string): string {
  return `${locale}/${release}/${chart}`;
}

let reused: ReadonlySet<string> | undefined;

/** The pinned embed pages this build copies from its cache instead of rendering. */
export function reusedPinnedEmbeds(file: string | undefined = process.env.PINNED_EMBEDS_REUSED): ReadonlySet<string> {
  if (reused) return reused;
  reused = new Set(file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as string[]) : []);
  return reused;
}

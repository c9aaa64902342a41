/**
 * Incremental pinned embeds: /embed/v/<release>/<chart>/ is rendered once, stored in the build cache, and copied from
 * there by later builds instead of being rendered again. That includes the releases this build records for the first
 * time (data/releases.lock.json): the build that publishes a month stores its pages, so the next one copies them.
 *
 * A page is stored under the sha256 of everything it is made from: the spec it is drawn with at that release, the
 * data as it stood then (the figures of that release and of every earlier one, and the catalogue the release is drawn
 * with: `releaseDataIdentities`, computed once per release, so planning stays linear in the releases), the page it
 * links back to, the release's snapshot format (the embed links the release's data files), the language, the site
 * address, and the code that renders it (src/, the Astro config, the lock file of the dependencies). So a code change, a new
 * article that takes over a chart's page, or a corrected figure re-renders exactly the pages it reaches, and a warm
 * build writes the same bytes as a cold one (test/build/incremental.test.ts).
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Dataset, Indicator, Locale } from '../../src/lib/data/types.ts';
import { rootLocalePath } from '../../src/lib/i18n/routes.ts';
import type { RegisteredChart } from '../../src/lib/site/chart-registry.ts';
import { specAt } from '../../src/lib/site/chart-registry.ts';
import type { SiteModel } from '../../src/lib/site/model.ts';
import { pinnedEmbedName } from '../../src/lib/site/pinned-reuse.ts';
import { datasetSnapshotFormat } from '../../src/lib/data/release-lock.ts';
import type { SiteAddress } from '../../src/lib/site/address.ts';
import { type BuildCache, cacheKey, sourceIdentity } from './build-cache.ts';

const KIND = 'pinned-embed';
/** What renders a pinned embed page, besides its data: all of it, so no change to the code can leave a stale page. */
export const PINNED_EMBED_CODE = ['src', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

export interface PinnedEmbedPage {
  name: string;
  /** The page's file, relative to the output folder. */
  file: string;
  /** Its chart and language (`<locale>/<chart-id>`): the pages of one chart in one language link the same assets. */
  chart: string;
  key: string;
}

export interface PinnedEmbedPlan {
  /** Pages found in the cache: copied, not rendered. */
  reused: PinnedEmbedPage[];
  /** Pages not in the cache yet: rendered, then stored. */
  toStore: PinnedEmbedPage[];
}

/** Which pinned embed pages the cache already holds. */
export function planPinnedEmbeds(options: {
  model: SiteModel;
  registry: ReadonlyMap<string, RegisteredChart>;
  cache: BuildCache;
  address: SiteAddress;
  root: string;
}): PinnedEmbedPlan {
  const plan: PinnedEmbedPlan = { reused: [], toStore: [] };
  if (!options.cache.dir) return plan;
  const { model, address } = options;
  const code = sourceIdentity(PINNED_EMBED_CODE, options.root);
  const dataOf = releaseDataIdentities(model.dataset);
  for (const chart of options.registry.values()) {
    for (const release of chart.versions) {
      const spec = specAt(model, chart, release) ?? chart.spec;
      const format = datasetSnapshotFormat(model.dataset, release);
      const inputs = JSON.stringify({ spec, data: dataOf.get(release), dataVersion: release, page: chart.page, id: chart.spec.id, format });
      for (const locale of ['vi', 'en'] as const satisfies readonly Locale[]) {
        const key = cacheKey(KIND, code, address.root, address.base, locale, release, inputs);
        const page = { name: pinnedEmbedName(locale, release, chart.spec.id), file: join(`.${rootLocalePath(locale, `embed/v/${release}/${chart.spec.id}`)}`, 'index.html'), chart: `${locale}/${chart.spec.id}`, key };
        (options.cache.has(KIND, key) ? plan.reused : plan.toStore).push(page);
      }
    }
  }
  return plan;
}

/**
 * For each release, the sha256 of the data a page pinned to it is drawn from: the release's figures chained with
 * every earlier release's (series as of a release read no later one: `seriesAt`), and the catalogue it is drawn
 * with (its own when the lock pins one, else today's). Each release's figures are serialised once, so this is
 * linear in the figures; hashing each chart's series at each release grew with releases × history (55 s at 80 dense
 * releases).
 */
export function releaseDataIdentities(dataset: Dataset): Map<string, string> {
  const catalogues = new Map<readonly Indicator[], string>();
  const catalogueOf = (indicators: readonly Indicator[]) => {
    const known = catalogues.get(indicators);
    if (known) return known;
    const id = cacheKey(JSON.stringify(indicators));
    catalogues.set(indicators, id);
    return id;
  };
  const identities = new Map<string, string>();
  let chain = '';
  for (const release of dataset.releases) { // oldest first
    chain = cacheKey(chain, JSON.stringify(release));
    identities.set(release.id, cacheKey(chain, catalogueOf(dataset.pinnedCatalogues?.get(release.id) ?? dataset.indicators)));
  }
  return identities;
}

/** Writes the list of pages the route leaves out (read by src/lib/site/pinned-reuse.ts); returns its path. */
export function writeReuseList(plan: PinnedEmbedPlan, file: string): string {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(plan.reused.map((page) => page.name)));
  return file;
}

/**
 * After the Astro build: stores the pages it rendered, and copies the reused ones into the
 * output. Every asset a copied page links to (/_astro/…) must exist in this build: otherwise the cache is wrong
 * and the build stops rather than publish a broken page.
 */
export function storeAndRestorePinnedEmbeds(plan: PinnedEmbedPlan, outDir: string, cache: BuildCache): { stored: number; reused: number } {
  let stored = 0;
  for (const page of plan.toStore) {
    const file = join(outDir, page.file);
    if (!existsSync(file)) throw new Error(`Pinned embed ${page.name}: the build did not write ${page.file}`);
    cache.set(KIND, page.key, readFileSync(file));
    stored++;
  }
  const checked = new Set<string>();
  for (const page of plan.reused) {
    const target = join(outDir, page.file);
    mkdirSync(dirname(target), { recursive: true });
    linkOrCopy(cache.pathOf(KIND, page.key), target);
    // The key covers the code, so a page from the cache links the assets this build made, unless the bundler is not
    // deterministic: that would reach every page of a chart alike, so one page a chart and language is checked.
    if (checked.has(page.chart)) continue;
    checked.add(page.chart);
    for (const [, asset] of readFileSync(target, 'utf8').matchAll(/(?:href|src)="[^"]*?(\/_astro\/[^"]+)"/g)) {
      if (!existsSync(join(outDir, asset!))) throw new Error(`Pinned embed ${page.name} from the build cache links to ${asset}, which this build does not have: delete ${cache.dir} and build again`);
    }
  }
  return { stored, reused: plan.reused.length };
}

/**
 * A hard link to the cached page where the cache and the output share a filesystem (a fraction of a copy's time, and
 * no second copy on disk: 29,000 pages at 80 dense releases), else a copy. Safe because nothing writes into a cached
 * file: the cache replaces an entry by renaming a new file over it, and the output is deleted, never edited.
 */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

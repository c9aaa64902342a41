/**
 * Writes what journalists download: per chart and language
 * `/downloads/<lang>/<chart-id>.{csv,json,svg,png,xlsx}` (latest data) and the chart's oEmbed answer
 * `/oembed/<lang>/<chart-id>.json` (made from the same drawing: its thumbnail is the PNG), and the
 * whole dataset at `/data/latest/` and `/data/v/<release>/` for every release, in the snapshot format the release
 * lock records for it (new releases: references to the month files, each written once at `/data/months/<file>`).
 * Runs on the staging folder after the Astro build; reads data/ and content/ itself.
 */
import { chartXlsx } from '../../src/lib/downloads/chart-xlsx.ts';
import { absoluteUrl, siteAddress } from '../../src/lib/site/address.ts';
import { indicatorsOf } from '../../src/lib/charts/spec.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { loadDataset } from '../../src/lib/data/load.ts';
import { readDataDirectory } from '../../src/lib/data/read-directory.ts';
import { readArticleFiles } from '../../src/lib/content/read-articles.ts';
import { buildSiteModel, type SiteModel } from '../../src/lib/site/model.ts';
import { type ArticleSource, type RegisteredChart, chartRegistry } from '../../src/lib/site/chart-registry.ts';
import { chartDataAt } from '../../src/lib/site/charts.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { CHART_PNG_ZOOM, chartCsv, chartJson, chartSvgFile } from '../../src/lib/downloads/chart-files.ts';
import { datasetFiles, monthFileSchema, MONTHS_FOLDER, publishedMonths } from '../../src/lib/downloads/dataset.ts';
import { snapshotFiles } from '../../src/lib/downloads/pinned.ts';
import { datasetSnapshotFormat } from '../../src/lib/data/release-lock.ts';
import { downloadPath } from '../../src/lib/embed/citation.ts';
import { oembedPath } from '../../src/lib/embed/embed.ts';
import { oembedJson } from '../../src/lib/embed/oembed.ts';
import { localePath } from '../../src/lib/i18n/routes.ts';
import { type PngPool, pngPool } from '../lib/png-pool.ts';
import { type BuildCache, cacheKey, sourceIdentity } from '../lib/build-cache.ts';
import type { Locale } from '../../src/lib/data/types.ts';
import type { RenderedChart } from '../../src/lib/charts/render.ts';
import type { ChartFileContext } from '../../src/lib/downloads/chart-files.ts';

export interface DownloadOptions {
  dataDir: string;
  contentDir: string;
  siteUrl: string;
  model?: SiteModel;
  registry?: ReadonlyMap<string, RegisteredChart>;
  /** The month files the build read and checked (read from dataDir when not given). */
  monthFiles?: ReadonlyArray<{ name: string; bytes: Uint8Array }>;
  png?: PngPool;
  cache?: BuildCache;
}

/** The articles' MDX, for the chart registry (the charts they place and the page each chart belongs to). */
export function articleSources(contentDir: string): ArticleSource[] {
  return readArticleFiles(contentDir).map(({ file, text }) => {
    const lang = (/\/(vi|en)\/[^/]+\.mdx$/.exec(file)?.[1] ?? 'vi') as Locale;
    return { file, lang, path: `articles/${basename(file, '.mdx')}`, body: text };
  });
}

export async function writeDownloads(outDir: string, options: DownloadOptions): Promise<{ files: number }> {
  const png = options.png ?? pngPool(options.cache);
  try {
    return await writeAll(outDir, options, png);
  } finally {
    if (!options.png) await png.close();
  }
}

async function writeAll(outDir: string, options: DownloadOptions, png: PngPool): Promise<{ files: number }> {
  // The build passes the model and registry it made (the data read and checked once); alone, this reads them itself.
  const model = options.model ?? buildSiteModel(loadDataset(readDataDirectory(options.dataDir)));
  const registry = options.registry ?? chartRegistry(model, articleSources(options.contentDir));
  const data = chartDataAt(model);
  // The month files as committed: each is published once, and new releases' snapshots reference them.
  const monthFiles = options.monthFiles ?? readDataDirectory(options.dataDir).months;
  const months = publishedMonths(monthFiles);
  // Each file is written as soon as it is made, not gathered first: a month of 100,000 figures makes charts' CSV, JSON
  // and workbooks of hundreds of megabytes in all, which the build need not hold at once. Only the PNGs, drawn by the
  // pool's worker threads while this thread goes on, are awaited at the end.
  const written = new Set<string>();
  const write = async (path: string, content: string | Buffer) => {
    const target = join(outDir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
    written.add(path);
  };
  const pictures: Array<{ path: string; picture: Promise<Buffer>; keep?: string }> = [];

  const code = options.cache?.dir ? sourceIdentity(DOWNLOAD_CODE) : '';
  // Each series is serialised and hashed once, not once for every chart that draws it (an indicator's own charts,
  // every comparison it is part of, in both languages: about 20 times at 120 dense releases).
  const seriesHashes = new Map<string, string>();
  const seriesHash = (id: string) => {
    let hash = seriesHashes.get(id);
    if (hash === undefined) seriesHashes.set(id, (hash = cacheKey('series', JSON.stringify(data.series.get(id) ?? null))));
    return hash;
  };
  for (const chart of registry.values()) {
    for (const locale of ['vi', 'en'] as const) {
      const context = { locale, pageUrl: absoluteUrl(localePath(locale, chart.page[locale])), siteUrl: options.siteUrl };
      // A chart's files are a pure function of its spec, its indicators' series, the language, the addresses and the
      // code: when an earlier build made them from the same, they are copied and the chart is not drawn again.
      const key = options.cache?.dir ? cacheKey('chart-downloads', code, siteAddressKey(), JSON.stringify({ spec: chart.spec, context, series: indicatorsOf(chart.spec).map(seriesHash) })) : '';
      const pathOf = (file: ChartFile) => (file === 'oembed' ? oembedPath(locale, chart.spec.id) : downloadPath(locale, chart.spec.id, file));
      const kept = options.cache?.dir ? CHART_FILES.map((file) => options.cache!.get('chart-downloads', `${key}.${file}`)) : [];
      if (kept.length > 0 && kept.every((bytes) => bytes !== undefined)) {
        for (const [i, file] of CHART_FILES.entries()) await write(pathOf(file), kept[i]!);
        continue;
      }
      const rendered = renderChart(chart.spec, data, locale);
      const svg = chartSvgFile(rendered, locale);
      // PNGs at CHART_PNG_ZOOM (2×; oEmbed states their size from the same SVG, see chartPngSize), drawn by the pool's
      // worker threads while this thread goes on; both PNG and workbook are reused from the cache when unchanged.
      const picture = png.render(svg, { zoom: CHART_PNG_ZOOM });
      picture.catch(() => {}); // awaited (and its error thrown) when written, below
      const made: Record<Exclude<ChartFile, 'png'>, string | Buffer> = {
        csv: chartCsv(rendered, locale),
        json: chartJson(rendered, context),
        svg,
        xlsx: await cachedXlsx(rendered, context, options.cache),
        oembed: oembedJson(chart.spec.id, locale, rendered, svg),
      };
      for (const file of ['csv', 'json', 'svg', 'xlsx', 'oembed'] as const) {
        const content = made[file];
        await write(pathOf(file), content);
        // Kept for the next build, which reuses a chart's files only when all of CHART_FILES are kept (the PNG last, below).
        if (options.cache?.dir) options.cache.set('chart-downloads', `${key}.${file}`, content);
      }
      pictures.push({ path: pathOf('png'), picture, ...(options.cache?.dir ? { keep: key } : {}) });
    }
  }
  for (const release of model.dataset.releases) {
    const format = datasetSnapshotFormat(model.dataset, release.id);
    for (const [name, content] of snapshotFiles(model.dataset, release.id, options.siteUrl, format, months)) await write(`/data/v/${release.id}/${name}`, content);
  }
  // Each month file once, as committed (the lock keeps its sha256): what month-files snapshots reference.
  for (const month of monthFiles) if (months.some((m) => m.name === month.name)) await write(`/${MONTHS_FOLDER}${month.name}`, Buffer.from(month.bytes));
  const schema = monthFileSchema();
  await write(`/${schema.path}`, schema.text);
  if (model.latestRelease) {
    for (const [name, content] of datasetFiles(model.dataset, model.latestRelease.id, options.siteUrl)) await write(`/data/latest/${name}`, content);
  }
  for (const { path, picture, keep } of pictures) {
    const bytes = await picture;
    await write(path, bytes);
    if (keep !== undefined) options.cache!.set('chart-downloads', `${keep}.png`, bytes);
  }
  return { files: written.size };
}

/** The chart's workbook, from the cache when the same figures and context gave it before (it is a pure function of both). */
async function cachedXlsx(rendered: RenderedChart, context: ChartFileContext, cache: BuildCache | undefined): Promise<Buffer> {
  if (!cache) return chartXlsx(rendered, context);
  // Everything the workbook is written from (chartRecords, chartCitation, the title), without the pictures and the
  // site's data version (the workbook prints the chart's own release), and the code that writes it.
  const { svg: _svg, shareSvg: _shareSvg, bigNumber: _bigNumber, dataVersion: _dataVersion, ...view } = rendered;
  xlsxCode ??= sourceIdentity(DOWNLOAD_CODE);
  return cache.through('xlsx', cacheKey('xlsx', xlsxCode, JSON.stringify(context), JSON.stringify(view)), () => chartXlsx(rendered, context));
}
let xlsxCode: string | undefined;

/** The files of one chart and language, in the order they are kept in the cache. */
const CHART_DOWNLOADS = ['csv', 'json', 'svg', 'png', 'xlsx'] as const;
/** A chart's files in a language: its downloads and its oEmbed answer. */
const CHART_FILES = [...CHART_DOWNLOADS, 'oembed'] as const;
type ChartFile = (typeof CHART_FILES)[number];
/** The code a chart's files are made with: the pure core, the fonts, the dependencies. */
const DOWNLOAD_CODE = ['src/lib', 'assets/fonts', 'scripts/post-build/downloads.ts', 'package-lock.json'];

/** The site's address as the files print it (SITE_URL, BASE_PATH). */
function siteAddressKey(): string {
  const address = siteAddress();
  return `${address.root}|${address.base}`;
}

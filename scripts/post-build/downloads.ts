/**
 * Writes what journalists download: per chart and language
 * `/downloads/<lang>/<chart-id>.{csv,json,svg,png}` (latest data), and the
 * whole dataset at `/data/latest/` and `/data/v/<release>/` for every release, in the snapshot format the release
 * lock records for it (new releases: references to the month files, each written once at `/data/months/<file>`).
 * Runs on the staging folder after the Astro build; reads data/ and content/ itself.
 */
import { chartXlsx } from '../../src/lib/downloads/chart-xlsx.ts';
import { absoluteUrl } from '../../src/lib/site/address.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { loadDataset } from '../../src/lib/data/load.ts';
import { readDataDirectory } from '../../src/lib/data/read-directory.ts';
import { readArticleFiles } from '../../src/lib/content/read-articles.ts';
import { buildSiteModel } from '../../src/lib/site/model.ts';
import { chartRegistry } from '../../src/lib/site/chart-registry.ts';
import { chartDataAt } from '../../src/lib/site/charts.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { CHART_PNG_ZOOM, chartCsv, chartJson, chartSvgFile } from '../../src/lib/downloads/chart-files.ts';
import { datasetFiles, monthFileSchema, MONTHS_FOLDER, publishedMonths } from '../../src/lib/downloads/dataset.ts';
import { snapshotFiles } from '../../src/lib/downloads/pinned.ts';
import { datasetSnapshotFormat } from '../../src/lib/data/release-lock.ts';
import { downloadPath } from '../../src/lib/embed/citation.ts';
import { localePath } from '../../src/lib/i18n/routes.ts';
import { renderPngAsync } from '../../src/lib/png/index.ts';
import type { Locale } from '../../src/lib/data/types.ts';

export async function writeDownloads(outDir: string, options: { dataDir: string; contentDir: string; siteUrl: string }): Promise<{ files: number }> {
  const dataFiles = readDataDirectory(options.dataDir);
  const model = buildSiteModel(loadDataset(dataFiles));
  const months = publishedMonths(dataFiles.months);
  const articles = readArticleFiles(options.contentDir).map(({ file, text }) => {
    const lang = (/\/(vi|en)\/[^/]+\.mdx$/.exec(file)?.[1] ?? 'vi') as Locale;
    return { file, lang, path: `articles/${basename(file, '.mdx')}`, body: text };
  });
  const registry = chartRegistry(model, articles);
  const data = chartDataAt(model);
  const files = new Map<string, string | Buffer>();
  const pngJobs: Array<{ path: string; svg: string }> = [];

  for (const chart of registry.values()) {
    for (const locale of ['vi', 'en'] as const) {
      const rendered = renderChart(chart.spec, data, locale);
      const context = { locale, pageUrl: absoluteUrl(localePath(locale, chart.page[locale])), siteUrl: options.siteUrl };
      const svg = chartSvgFile(rendered, locale);
      files.set(downloadPath(locale, chart.spec.id, 'csv'), chartCsv(rendered, locale));
      files.set(downloadPath(locale, chart.spec.id, 'json'), chartJson(rendered, context));
      files.set(downloadPath(locale, chart.spec.id, 'svg'), svg);
      files.set(downloadPath(locale, chart.spec.id, 'xlsx'), await chartXlsx(rendered, context));
      pngJobs.push({ path: downloadPath(locale, chart.spec.id, 'png'), svg });
    }
  }
  for (const release of model.dataset.releases) {
    const format = datasetSnapshotFormat(model.dataset, release.id);
    for (const [name, content] of snapshotFiles(model.dataset, release.id, options.siteUrl, format, months)) files.set(`/data/v/${release.id}/${name}`, content);
  }
  // Each month file once, as committed (the lock keeps its sha256): what month-files snapshots reference.
  for (const month of dataFiles.months) if (months.some((m) => m.name === month.name)) files.set(`/${MONTHS_FOLDER}${month.name}`, Buffer.from(month.bytes));
  const schema = monthFileSchema();
  files.set(`/${schema.path}`, schema.text);
  if (model.latestRelease) {
    for (const [name, content] of datasetFiles(model.dataset, model.latestRelease.id, options.siteUrl)) files.set(`/data/latest/${name}`, content);
  }

  // PNGs at CHART_PNG_ZOOM (2×; oEmbed states their size from the same SVG, see chartPngSize), rendered on libuv's thread pool, a few at a time.
  const queue = [...pngJobs];
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, async () => {
    for (let job = queue.shift(); job; job = queue.shift()) files.set(job.path, await renderPngAsync(job.svg, { zoom: CHART_PNG_ZOOM }));
  }));

  for (const [path, content] of files) {
    const target = join(outDir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return { files: files.size };
}

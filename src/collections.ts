/**
 * Astro-side helpers over the content collections. They live outside
 * src/lib, the pure core, because they read `astro:content`.
 */
import { getCollection } from 'astro:content';
import type { CollectionEntry } from 'astro:content';
import type { Locale } from './lib/data/types.ts';
import type { ArticleSummary } from './lib/site/articles.ts';
import { newestCitedAsOf } from './lib/site/articles.ts';
import { chartRegistry } from './lib/site/chart-registry.ts';
import type { RegisteredChart } from './lib/site/chart-registry.ts';
import { getSiteModel } from './lib/site/load-site.ts';

export type ArticleEntry = CollectionEntry<'articles'>;

const dataDates = new Map<string, string | undefined>();

export function summaryOf(entry: ArticleEntry): ArticleSummary {
  const slug = entry.id.split('/')[1]!;
  if (!dataDates.has(entry.id)) dataDates.set(entry.id, newestCitedAsOf(getSiteModel(), entry.body ?? ''));
  const dataAsOf = dataDates.get(entry.id);
  return { slug, ...entry.data, ...(entry.data.updated ? { updated: entry.data.updated } : {}), ...(dataAsOf ? { dataAsOf } : {}) };
}

export async function allArticles(): Promise<ArticleEntry[]> {
  return getCollection('articles');
}

export async function articlesIn(locale: Locale): Promise<ArticleSummary[]> {
  return (await allArticles()).filter((entry) => entry.data.lang === locale).map(summaryOf);
}

let registry: Promise<Map<string, RegisteredChart>> | undefined;

/** Every chart on the site (indicator pages, home, articles), by id; built once per build. */
export function getChartRegistry(): Promise<Map<string, RegisteredChart>> {
  registry ??= allArticles().then((entries) =>
    chartRegistry(
      getSiteModel(),
      entries.map((entry) => ({ file: entry.filePath ?? entry.id, lang: entry.data.lang, path: `articles/${summaryOf(entry).slug}`, body: entry.body ?? '' })),
    ),
  );
  return registry;
}

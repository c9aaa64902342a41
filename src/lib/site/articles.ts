import type { Locale, Source, Topic } from '../data/types.ts';
import type { SiteModel } from './model.ts';
import { mdxUses } from '../content/mdx-uses.ts';

/** The fields of an article the site logic needs (the collection entry's data, plus its slug). */
export interface ArticleSummary {
  slug: string;
  lang: Locale;
  title: string;
  dek: string;
  date: Date;
  updated?: Date;
  translationKey: string;
  topics: Topic[];
  indicators: string[];
  /** The newest as-of date among the figures the story shows (see newestCitedAsOf): what its figures are current to. */
  dataAsOf?: string;
}

/** Minutes to read, at about 220 words a minute, ignoring MDX tags. */
export function readingMinutes(body: string): number {
  const words = body.replace(/^---[\s\S]*?---/, '').replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / 220));
}

/** Newest first (by date, then title) — for lists and feeds. */
export function newestFirst<T extends { date: Date; title: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.date.getTime() - a.date.getTime() || a.title.localeCompare(b.title));
}

/** Other articles in the same language that share topics, most shared first. */
export function relatedArticles(article: ArticleSummary, all: readonly ArticleSummary[], limit = 3): ArticleSummary[] {
  return newestFirst(all.filter((other) => other.lang === article.lang && other.slug !== article.slug))
    .map((other) => ({ other, shared: other.topics.filter((t) => article.topics.includes(t)).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared)
    .slice(0, limit)
    .map(({ other }) => other);
}

/** The sources of every current figure of the given indicators, one entry per source, with the indicators it backs. */
export function sourcesOfIndicators(model: SiteModel, ids: readonly string[]): Array<{ source: Source; indicators: string[] }> {
  const bySource = new Map<string, { source: Source; indicators: string[] }>();
  for (const id of ids) {
    for (const point of model.series.get(id)?.points ?? []) {
      for (const figure of point.current) {
        const key = `${figure.source.url ?? ''}|${figure.source.title}`;
        const entry = bySource.get(key) ?? { source: figure.source, indicators: [] };
        if (!entry.indicators.includes(id)) entry.indicators.push(id);
        bySource.set(key, entry);
      }
    }
  }
  return [...bySource.values()].sort((a, b) => (b.source.published ?? '').localeCompare(a.source.published ?? ''));
}

/** The components that show figures, and whether they show one date (`Value` with `at`) or an indicator's whole series. */
const FIGURE_COMPONENTS = new Set(['Value', 'Chart', 'BigNumber', 'DataTable']);

/**
 * The newest as-of date among the figures a story's body shows: a `<Value at="…">` shows that date ("latest" or no
 * `at`: the indicator's latest), a `<Chart>`, `<BigNumber>` or `<DataTable>` shows its indicators up to their latest.
 * A story written once and not rewritten is still as current as the data it draws; this says how current that is.
 * Undefined when the body shows no figure.
 */
export function newestCitedAsOf(model: SiteModel, body: string): string | undefined {
  let newest: string | undefined;
  const see = (asOf: string | undefined) => {
    if (asOf && (!newest || asOf > newest)) newest = asOf;
  };
  const latestOf = (id: string) => model.series.get(id)?.points.at(-1)?.asOf;
  for (const use of mdxUses(body).components) {
    if (!FIGURE_COMPONENTS.has(use.name)) continue;
    const { indicator, indicators, at } = use.props;
    if (use.name === 'Value' && typeof indicator === 'string') {
      see(typeof at === 'string' && at !== 'latest' ? model.series.get(indicator)?.points.find((p) => p.asOf === at)?.asOf : latestOf(indicator));
      continue;
    }
    for (const id of [indicator, ...(Array.isArray(indicators) ? indicators : [])]) if (typeof id === 'string') see(latestOf(id));
  }
  return newest;
}

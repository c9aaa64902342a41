import type { Locale, Source, Topic } from '../data/types.ts';
import type { SiteModel } from './model.ts';

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

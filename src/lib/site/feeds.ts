/**
 * RSS feeds: per language (articles and monthly bulletins) and per indicator (its figures as published). Every date
 * comes from the data or the content, never the clock, so two builds of the same files write the same bytes. Pure:
 * no Astro imports; the routes hand the items to @astrojs/rss.
 */
import type { Indicator, Locale } from '../data/types.ts';
import { compareAsOf } from '../data/values.ts';
import { formatAsOf } from '../format/index.ts';
import { localePath } from '../i18n/routes.ts';
import { t } from '../i18n/ui.ts';
import { absoluteUrl } from './address.ts';
import { displayAsOf, displayValue, publisherLabel } from './display.ts';
import type { SiteModel } from './model.ts';
import { releaseDate } from './page-dates.ts';

export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

/** The site path of a feed, under the base path: `feedPath('en', 'indicators/x')` → `/en/indicators/x/rss.xml`. */
export function feedPath(locale: Locale, under = ''): string {
  return localePath(locale, `${under.replace(/^\/+|\/+$/g, '')}/rss.xml`).replace(/\/$/, '');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The channel's extra elements (for @astrojs/rss `customData`, with `xmlns: { atom: ATOM_NAMESPACE }`): its language,
 * an `atom:link rel="self"` to the feed's own absolute URL, and lastBuildDate = the newest item's date, so the feed
 * changes only when its items do.
 */
export function channelExtras(options: { locale: Locale; selfUrl: string; items: ReadonlyArray<{ pubDate: Date }> }): string {
  const newest = options.items.reduce<Date | undefined>((max, item) => (max === undefined || item.pubDate > max ? item.pubDate : max), undefined);
  return [
    `<language>${options.locale === 'vi' ? 'vi-VN' : 'en-US'}</language>`,
    newest ? `<lastBuildDate>${newest.toUTCString()}</lastBuildDate>` : '',
    `<atom:link href="${escapeXml(options.selfUrl)}" rel="self" type="application/rss+xml"/>`,
  ].join('');
}

export interface FigureFeedItem {
  title: string;
  description: string;
  link: string;
  pubDate: Date;
  /** `<guid isPermaLink="false">`: every item links to the indicator page, so the guid names the figure. */
  customData: string;
}

/**
 * An indicator's figures as we published them, newest release first (within a release, the latest as-of date first):
 * the value with the source's qualifier words, its as-of date and its source. An item is dated at its release.
 */
export function indicatorFeedItems(model: SiteModel, indicator: Indicator, locale: Locale): FigureFeedItem[] {
  const figures = (model.series.get(indicator.id)?.points ?? []).flatMap((point) => point.figures);
  const ordered = [...figures].sort((a, b) => compareAsOf(b.release, a.release) || compareAsOf(b.asOf, a.asOf));
  const link = absoluteUrl(localePath(locale, `indicators/${indicator.id}`));
  const seen = new Map<string, number>();
  return ordered.map((figure) => {
    const value = displayValue(indicator, figure, locale);
    const asOf = displayAsOf(figure, locale);
    const { source } = figure;
    const published = source.published ? formatAsOf(source.published, locale) : t(locale, 'figure.unknownPublished');
    const sourceText = `${source.title} — ${publisherLabel(source, locale)}, ${published}${source.url ? ` (${source.url})` : ''}`;
    const key = `${indicator.id}/${figure.release}/${figure.asOf}/${source.url ?? source.title}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return {
      title: locale === 'vi' ? `${indicator.name[locale]}: ${value} (${asOf})` : `${indicator.name[locale]}: ${value} (as of ${asOf})`,
      description: locale === 'vi'
        ? `${value}, tính đến ${asOf}. Nguồn: ${sourceText}. Bản cập nhật ${formatAsOf(figure.release, locale)} (${figure.release}).`
        : `${value}, as of ${asOf}. Source: ${sourceText}. Update of ${formatAsOf(figure.release, locale)} (${figure.release}).`,
      link,
      pubDate: new Date(`${releaseDate(figure.release)}T00:00:00Z`),
      customData: `<guid isPermaLink="false">${escapeXml(`${key}${n > 1 ? `#${n}` : ''}`)}</guid>`,
    };
  });
}

/**
 * The sitemap, written by us rather than @astrojs/sitemap: that integration pairs pages across languages only when
 * their paths are equal (article slugs differ per language), and knows no page's date. Here every indexable page has
 * its <lastmod> (from data and content dates, never the clock: see page-dates.ts), its alternates in both languages
 * (articles paired by translationKey) and an x-default (the Vietnamese page). Pure: no Astro imports.
 */
import type { Locale } from '../data/types.ts';
import { localePath } from '../i18n/routes.ts';
import { absoluteUrl } from './address.ts';
import type { ArticleSummary } from './articles.ts';
import type { SiteModel } from './model.ts';
import { contentDate, dataModified, indicatorModified, newestDate, releaseDate } from './page-dates.ts';
import { EXPLORE_PATH } from './explore.ts';

/** One page in both languages: its locale-free path per language and the date it last changed. */
export interface SitemapPage {
  paths: Record<Locale, string>;
  lastmod?: string;
}

/** The file names the site serves (robots.txt points at the index). */
export const SITEMAP_INDEX = '/sitemap-index.xml';
export const SITEMAP_FILE = '/sitemap-0.xml';

/**
 * Every indexable page of the site (embeds are framed by others and carry noindex: they are not listed).
 * `standing` are the slugs of content/pages (about, methodology), the same in both languages.
 */
export function sitemapPages(model: SiteModel, articles: readonly ArticleSummary[], standing: readonly string[]): SitemapPage[] {
  const same = (path: string, lastmod: string | undefined): SitemapPage => ({ paths: { vi: path, en: path }, ...(lastmod ? { lastmod } : {}) });
  const articleDate = (a: ArticleSummary) => contentDate(a.updated ?? a.date);
  const newestArticle = newestDate(articles.map(articleDate));
  // Lists and the home page show the latest data and the newest stories; standing pages show the latest data version.
  const latest = newestDate([dataModified(model), newestArticle]);
  const pages: SitemapPage[] = [
    same('', latest),
    same('indicators', dataModified(model)),
    same('months', dataModified(model)),
    same('articles', newestArticle),
    same('search', latest),
    ...standing.map((slug) => same(slug, dataModified(model))),
    // The explore page has a name per language (/kham-pha/, /en/explore/).
    { paths: { ...EXPLORE_PATH }, ...(dataModified(model) ? { lastmod: dataModified(model)! } : {}) },
    ...model.publishedIndicators.map((indicator) => same(`indicators/${indicator.id}`, indicatorModified(model, indicator.id))),
    ...model.changes.map((changes) => same(`months/${changes.release.id}`, releaseDate(changes.release.id))),
    ...model.topics.map(({ topic, indicators }) => same(`topics/${topic}`, newestDate([
      ...indicators.map((indicator) => indicatorModified(model, indicator.id)),
      ...articles.filter((a) => a.topics.includes(topic)).map(articleDate),
    ]))),
  ];
  // Articles: one entry per translation pair (same translationKey), with the later of the two dates.
  const byKey = new Map<string, Partial<Record<Locale, ArticleSummary>>>();
  for (const article of articles) byKey.set(article.translationKey, { ...byKey.get(article.translationKey), [article.lang]: article });
  for (const pair of byKey.values()) {
    const vi = pair.vi ?? pair.en!;
    const en = pair.en ?? pair.vi!;
    pages.push({ paths: { vi: `articles/${vi.slug}`, en: `articles/${en.slug}` }, lastmod: newestDate([articleDate(vi), articleDate(en)])! });
  }
  return pages;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The sitemap: a <url> per page and language, each with hreflang alternates (vi, en, x-default = vi). */
export function sitemapXml(pages: readonly SitemapPage[]): string {
  const urls = (['vi', 'en'] as const).flatMap((locale) =>
    pages.map((page) => {
      const href = (l: Locale) => escapeXml(absoluteUrl(localePath(l, page.paths[l])));
      return [
        '<url>',
        `<loc>${href(locale)}</loc>`,
        page.lastmod ? `<lastmod>${page.lastmod}</lastmod>` : '',
        `<xhtml:link rel="alternate" hreflang="vi" href="${href('vi')}"/>`,
        `<xhtml:link rel="alternate" hreflang="en" href="${href('en')}"/>`,
        `<xhtml:link rel="alternate" hreflang="x-default" href="${href('vi')}"/>`,
        '</url>',
      ].join('');
    }),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}

/** The sitemap index: the one sitemap file, dated by its newest page. */
export function sitemapIndexXml(pages: readonly SitemapPage[]): string {
  const lastmod = newestDate(pages.map((page) => page.lastmod));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${escapeXml(absoluteUrl(SITEMAP_FILE))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap></sitemapindex>\n`;
}

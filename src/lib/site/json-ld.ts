/**
 * Structured data (schema.org JSON-LD) of the pages: a Dataset per indicator page, a NewsArticle per story.
 * Pure: no Astro imports; every URL is absolute (absoluteUrl/localePath) and every date comes from the data or the
 * content, never the clock. The layout serialises the object (src/layouts/Base.astro).
 */
import type { Indicator, Locale, Source } from '../data/types.ts';
import { downloadPath } from '../embed/citation.ts';
import { localePath } from '../i18n/routes.ts';
import { t, TOPIC_NAMES } from '../i18n/ui.ts';
import { absoluteUrl } from './address.ts';
import type { ArticleSummary } from './articles.ts';
import { publisherLabel } from './display.ts';
import type { SiteModel } from './model.ts';
import { contentDate, dateTimeInVietnam, indicatorModified } from './page-dates.ts';

export type JsonLd = Record<string, unknown>;

/** The licence of the compilation (the figures belong to their sources). */
export const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';

/** The square PNG icon (public/icons, rendered at build from public/favicon.svg): the publisher's logo. */
export const LOGO = { path: '/icons/icon-512.png', width: 512, height: 512 } as const; // see ICONS in site-files.ts

/** The site as an organisation: the creator of datasets, the author and publisher of stories. */
export function siteOrganization(locale: Locale, options: { logo?: boolean } = {}): JsonLd {
  return {
    '@type': 'Organization',
    name: t(locale, 'site.name'),
    url: absoluteUrl(localePath(locale, 'about')),
    ...(options.logo ? { logo: { '@type': 'ImageObject', url: absoluteUrl(LOGO.path), width: LOGO.width, height: LOGO.height } } : {}),
  };
}

/** The place every figure is about. */
function vietnam(locale: Locale): JsonLd {
  return { '@type': 'Country', name: locale === 'vi' ? 'Việt Nam' : 'Vietnam' };
}

/** The sources an indicator's Dataset names (`isBasedOn`) at most: the newest ones. */
export const DATASET_SOURCES = 50;

/** An indicator page as a schema.org Dataset: its figures, their sources (the newest DATASET_SOURCES) and the files to download. */
export function indicatorJsonLd(model: SiteModel, indicator: Indicator, locale: Locale): JsonLd {
  const series = model.series.get(indicator.id);
  const points = series?.points ?? [];
  const figures = points.flatMap((point) => point.figures).reverse();
  const pageUrl = absoluteUrl(localePath(locale, `indicators/${indicator.id}`));
  const modified = indicatorModified(model, indicator.id);
  const newestRelease = figures.reduce((newest, figure) => (figure.release > newest ? figure.release : newest), '');
  // The newest sources first (figures are newest first), at most DATASET_SOURCES: a page's metadata does not grow
  // with every figure; each figure's source is in the downloads.
  const sources = [...new Map(figures.map((f) => [f.source.url ?? f.source.title, f.source] as const)).values()].slice(0, DATASET_SOURCES);
  // The indicator's main chart has the indicator's id: its downloads hold exactly this indicator's figures.
  const download = (extension: 'csv' | 'json', encodingFormat: string): JsonLd => ({
    '@type': 'DataDownload',
    encodingFormat,
    contentUrl: absoluteUrl(downloadPath(locale, indicator.id, extension)),
  });
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: indicator.name[locale],
    description: indicator.definition[locale],
    url: pageUrl,
    identifier: indicator.id,
    inLanguage: locale,
    license: LICENCE_URL,
    isAccessibleForFree: true,
    creator: siteOrganization(locale),
    keywords: [TOPIC_NAMES[indicator.topic][locale], indicator.name[locale], locale === 'vi' ? 'Đề án 06' : 'Project 06', locale === 'vi' ? 'Việt Nam' : 'Vietnam'],
    // The release of the indicator's newest figure (the site's newest release would change every indicator's page).
    ...(newestRelease ? { version: newestRelease } : {}),
    ...(modified ? { dateModified: modified } : {}),
    ...(points.length > 0 ? { temporalCoverage: `${points[0]!.asOf}/${points.at(-1)!.asOf}` } : {}),
    spatialCoverage: vietnam(locale),
    variableMeasured: { '@type': 'PropertyValue', name: indicator.name[locale], unitText: indicator.unit[locale] },
    includedInDataCatalog: { '@type': 'DataCatalog', name: t(locale, 'site.name'), url: absoluteUrl(localePath(locale, 'indicators')) },
    distribution: [download('csv', 'text/csv'), download('json', 'application/json')],
    isBasedOn: sources.map((source) => sourceWork(source, locale)),
  };
}

function sourceWork(source: Source, locale: Locale): JsonLd {
  return {
    '@type': 'CreativeWork',
    name: source.title,
    publisher: { '@type': 'Organization', name: publisherLabel(source, locale) },
    ...(source.url ? { url: source.url } : {}),
    ...(source.published ? { datePublished: source.published } : {}),
  };
}

/** A picture of the page that exists in dist/, with its size. */
export interface PageImage {
  path: string;
  width: number;
  height: number;
}

/**
 * A story as a schema.org NewsArticle. Dates are the frontmatter's days in Vietnam's timezone. `images` lists only
 * pictures that are built (today the 1200×630 link-preview card): no ratio is promised that has no file.
 */
export function articleJsonLd(article: ArticleSummary, options: { locale: Locale; path: string; images: readonly PageImage[] }): JsonLd {
  const { locale, path, images } = options;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.dek,
    inLanguage: locale,
    datePublished: dateTimeInVietnam(contentDate(article.date)),
    dateModified: dateTimeInVietnam(contentDate(article.updated ?? article.date)),
    mainEntityOfPage: absoluteUrl(localePath(locale, path)),
    image: images.map((image) => ({ '@type': 'ImageObject', url: absoluteUrl(image.path), width: image.width, height: image.height })),
    publisher: siteOrganization(locale, { logo: true }),
    author: siteOrganization(locale),
    about: article.topics.map((topic) => ({ '@type': 'Thing', name: TOPIC_NAMES[topic][locale] })),
  };
}

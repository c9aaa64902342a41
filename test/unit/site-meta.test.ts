/** Page metadata as pure functions: descriptions (≤ 160 characters, cut at a word), JSON-LD, page dates. */
import { describe, expect, it } from 'vitest';
import { buildSiteModel } from '../../src/lib/site/model.ts';
import { articleJsonLd, DATASET_SOURCES, indicatorJsonLd } from '../../src/lib/site/json-ld.ts';
import { META_DESCRIPTION_MAX, bulletinDescription, metaDescription, topicDescription } from '../../src/lib/site/meta.ts';
import { dateTimeInVietnam, indicatorModified, releaseDate } from '../../src/lib/site/page-dates.ts';
import type { Dataset, Figure, Indicator } from '../../src/lib/data/types.ts';

const indicator: Indicator = {
  id: 'cards', topic: 'identity', kind: 'cumulative',
  name: { vi: 'Thẻ căn cước đã cấp', en: 'ID cards issued' }, unit: { vi: 'thẻ', en: 'cards' }, definition: { vi: 'Số thẻ đã cấp.', en: 'Cards issued.' },
};
const figure = (value: number, asOf: string, release: string, url: string): Figure => ({
  indicator: 'cards', value, asOf, asOfInferred: false,
  source: { title: `Bài ${value}`, publisher: 'Bộ Công an', publisherEn: 'Ministry of Public Security', url, published: asOf },
  quote: { text: String(value), language: 'vi', translated: false }, release, location: { file: `${release}.csv` },
});
const dataset: Dataset = {
  indicators: [indicator],
  releases: [
    { id: '2024-07', file: '2024-07.csv', figures: [figure(10, '2024-07-10', '2024-07', 'https://example.org/a')] },
    { id: '2024-08', file: '2024-08.csv', figures: [figure(20, '2024-08-10', '2024-08', 'https://example.org/b')] },
  ],
};
const model = buildSiteModel(dataset);

describe('meta descriptions', () => {
  it('keeps a short text whole, on one line', () => {
    expect(metaDescription('  Một  câu\nngắn. ')).toBe('Một câu ngắn.');
  });
  it('cuts a long text at a word boundary with "…", within the limit', () => {
    const long = 'Số tài khoản định danh điện tử đã kích hoạt, '.repeat(8);
    const cut = metaDescription(long);
    expect([...cut].length).toBeLessThanOrEqual(META_DESCRIPTION_MAX);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut).not.toMatch(/[ ,]…$/);
    expect(long.charAt(cut.length - 1)).toMatch(/[ ,]/); // the cut falls between words
  });
  it('cuts a text without spaces mid-word rather than overflow', () => {
    expect([...metaDescription('x'.repeat(400))].length).toBe(META_DESCRIPTION_MAX);
  });
  it('bulletins and topics get their own descriptions', () => {
    expect(bulletinDescription('Bản tin tháng 8/2024', 'Tháng này có 2 số liệu mới.')).toBe('Bản tin tháng 8/2024: Tháng này có 2 số liệu mới.');
    expect(topicDescription('Identity and ID cards', [indicator], 'en')).toBe('Identity and ID cards: stories, bulletins and 1 indicator of Project 06 (ID cards issued).');
  });
});

describe('page dates', () => {
  it('dates a release at the end of its month and an indicator at its newest release', () => {
    expect(releaseDate('2024-02')).toBe('2024-02-29');
    expect(indicatorModified(model, 'cards')).toBe('2024-08-31');
    expect(dateTimeInVietnam('2026-11-26')).toBe('2026-11-26T00:00:00+07:00');
  });
});

describe('JSON-LD', () => {
  it('a Dataset has its downloads, dates, place, catalogue and licence, with absolute URLs', () => {
    const ld = indicatorJsonLd(model, indicator, 'en');
    expect(ld).toMatchObject({
      '@type': 'Dataset', name: 'ID cards issued', dateModified: '2024-08-31', temporalCoverage: '2024-07-10/2024-08-10',
      isAccessibleForFree: true, spatialCoverage: { '@type': 'Country', name: 'Vietnam' },
      includedInDataCatalog: { '@type': 'DataCatalog' }, creator: { '@type': 'Organization', url: expect.stringMatching(/^https?:\/\/.+\/en\/about\/$/) },
    });
    expect(ld.distribution).toEqual([
      { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: expect.stringMatching(/^https?:\/\/.+\/downloads\/en\/cards\.csv$/) },
      { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: expect.stringMatching(/^https?:\/\/.+\/downloads\/en\/cards\.json$/) },
    ]);
    expect(ld.keywords).toContain('Identity and ID cards');
    expect(ld.isBasedOn).toHaveLength(2);
    expect((ld.isBasedOn as Array<{ publisher: unknown }>)[0]!.publisher).toEqual({ '@type': 'Organization', name: 'Ministry of Public Security' });
  });
  it('a Dataset names the newest DATASET_SOURCES sources of a long history, not every one', () => {
    const days = Array.from({ length: 120 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
    const long = buildSiteModel({ indicators: [indicator], releases: [{ id: '2024-07', file: '2024-07.csv', figures: days.map((day, i) => figure(i + 1, day, '2024-07', `https://example.org/${i}`)) }] });
    const sources = indicatorJsonLd(long, indicator, 'en').isBasedOn as Array<{ url: string }>;
    expect(sources).toHaveLength(DATASET_SOURCES);
    expect(sources[0]!.url).toBe('https://example.org/119');
    expect(sources.at(-1)!.url).toBe(`https://example.org/${120 - DATASET_SOURCES}`);
  });
  it('a NewsArticle has datetimes with a timezone, a logo, an author URL, and only the images that exist', () => {
    const article = { slug: 's', lang: 'vi' as const, title: 'T', dek: 'D', date: new Date('2026-11-26T00:00:00Z'), translationKey: 'k', topics: ['identity' as const], indicators: [] };
    const ld = articleJsonLd(article, { locale: 'vi', path: 'articles/s', images: [{ path: '/og/vi/articles/s.png', width: 1200, height: 630 }] });
    expect(ld).toMatchObject({
      datePublished: '2026-11-26T00:00:00+07:00', dateModified: '2026-11-26T00:00:00+07:00',
      author: { url: expect.stringMatching(/\/about\/$/) },
      publisher: { logo: { '@type': 'ImageObject', url: expect.stringMatching(/\/icons\/icon-512\.png$/), width: 512, height: 512 } },
    });
    expect(ld.image).toEqual([{ '@type': 'ImageObject', url: expect.stringMatching(/\/og\/vi\/articles\/s\.png$/), width: 1200, height: 630 }]);
  });
});

describe('language of parts', async () => {
  const { guessLanguage, langAttribute, publisherNameLanguage, sourceTitleLanguage } = await import('../../src/lib/site/language.ts');
  it('tells Vietnamese titles and names from English ones', () => {
    expect(guessLanguage('Mở rộng sinh trắc học: ngân hàng vào cuộc')).toBe('vi');
    expect(guessLanguage('Vietnam Unveils Chip-Based ID Cards for Citizens')).toBe('en');
    expect(guessLanguage('Bộ Công an')).toBe('vi');
  });
  it('a source read in a language, or in a translated edition, carries that language', () => {
    expect(sourceTitleLanguage({ title: 'Anything' }, 'de')).toBe('de');
    expect(sourceTitleLanguage({ title: 'Anything', edition: 'ja' }, 'en')).toBe('ja');
    // A Vietnamese headline read in the page's English edition is still Vietnamese.
    expect(sourceTitleLanguage({ title: 'Đẩy nhanh cấp phiếu lý lịch tư pháp trên VNeID' }, 'en')).toBe('vi');
    expect(sourceTitleLanguage({ title: 'Vietnam Unveils Chip-Based ID Cards' }, 'vi')).toBe('en');
  });
  it('marks only runs in another language than the page', () => {
    expect(langAttribute('en', 'vi')).toBe('en');
    expect(langAttribute('vi', 'vi')).toBeUndefined();
    expect(publisherNameLanguage({ publisher: 'Bộ Công an', publisherEn: 'Ministry of Public Security' }, 'en')).toBe('en');
    expect(publisherNameLanguage({ publisher: 'Bộ Công an' }, 'en')).toBe('vi');
    expect(publisherNameLanguage({ publisher: 'Reuters' }, 'vi')).toBe('vi');
  });
});

describe('sitemap and site files', async () => {
  const { sitemapPages, sitemapXml } = await import('../../src/lib/site/sitemap.ts');
  const { robotsTxt, webManifest, iconSvg } = await import('../../src/lib/site/site-files.ts');
  const article = (lang: 'vi' | 'en', slug: string) => ({ slug, lang, title: slug, dek: '', date: new Date('2024-08-05T00:00:00Z'), translationKey: 'k', topics: ['identity' as const], indicators: [] });
  it('pairs articles by translation, dates every page from the data, and gives each URL its alternates and x-default', () => {
    const pages = sitemapPages(model, [article('vi', 'bai-viet'), article('en', 'story')], ['about']);
    expect(pages.find((p) => p.paths.vi === 'articles/bai-viet')).toEqual({ paths: { vi: 'articles/bai-viet', en: 'articles/story' }, lastmod: '2024-08-05' });
    expect(pages.find((p) => p.paths.vi === 'indicators/cards')!.lastmod).toBe('2024-08-31');
    expect(pages.every((p) => p.lastmod !== undefined)).toBe(true);
    const xml = sitemapXml(pages);
    expect(xml.match(/<url>/g)!.length).toBe(2 * pages.length);
    expect(xml).toMatch(/<loc>[^<]*\/en\/articles\/story\/<\/loc><lastmod>2024-08-05<\/lastmod><xhtml:link rel="alternate" hreflang="vi" href="[^"]*\/articles\/bai-viet\/"\/><xhtml:link rel="alternate" hreflang="en" href="[^"]*\/en\/articles\/story\/"\/><xhtml:link rel="alternate" hreflang="x-default" href="[^"]*\/articles\/bai-viet\/"\/>/);
  });
  it('robots.txt names the sitemap index by its absolute address; the manifest starts at the language home', () => {
    expect(robotsTxt()).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap-index\.xml$/m);
    expect(webManifest('en')).toMatchObject({ start_url: '/en/', scope: '/en/', short_name: 'Project 06' });
    expect(iconSvg('<svg viewBox="0 0 32 32"><rect rx="6"/></svg>', 180, true)).toBe('<svg width="180" height="180" viewBox="0 0 32 32"><rect/></svg>');
  });
});

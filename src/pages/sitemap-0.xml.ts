import { getCollection } from 'astro:content';
import { allArticles, summaryOf } from '../collections.ts';
import { getSiteModel } from '../lib/site/load-site.ts';
import { sitemapPages, sitemapXml } from '../lib/site/sitemap.ts';

/** Every indexable page in both languages, with <lastmod> and hreflang pairs (src/lib/site/sitemap.ts). */
export async function GET() {
  const standing = [...new Set((await getCollection('pages')).map((entry) => entry.id.split('/')[1]!))].sort();
  const pages = sitemapPages(getSiteModel(), (await allArticles()).map(summaryOf), standing);
  return new Response(sitemapXml(pages), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
}

import { getCollection } from 'astro:content';
import { allArticles, summaryOf } from '../collections.ts';
import { getSiteModel } from '../lib/site/load-site.ts';
import { sitemapIndexXml, sitemapPages } from '../lib/site/sitemap.ts';

/** The sitemap index (robots.txt names it): the one sitemap file, dated by its newest page. */
export async function GET() {
  const standing = [...new Set((await getCollection('pages')).map((entry) => entry.id.split('/')[1]!))].sort();
  const pages = sitemapPages(getSiteModel(), (await allArticles()).map(summaryOf), standing);
  return new Response(sitemapIndexXml(pages), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
}

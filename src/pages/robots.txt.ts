import { robotsTxt } from '../lib/site/site-files.ts';

/** robots.txt: everything may be crawled (embeds say noindex themselves); the sitemap index's absolute address. */
export function GET() {
  return new Response(robotsTxt(), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

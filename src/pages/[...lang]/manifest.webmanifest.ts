import type { APIContext } from 'astro';
import { langParam } from '../../lib/i18n/routes.ts';
import { webManifest } from '../../lib/site/site-files.ts';
import type { Locale } from '../../lib/data/types.ts';

/** The web app manifest per language (/manifest.webmanifest, /en/manifest.webmanifest). */
export function getStaticPaths() {
  return (['vi', 'en'] as const).map((locale) => ({ params: { lang: langParam(locale) }, props: { locale } }));
}

export function GET(context: APIContext) {
  const { locale } = context.props as { locale: Locale };
  return new Response(`${JSON.stringify(webManifest(locale), null, 2)}\n`, { headers: { 'content-type': 'application/manifest+json; charset=utf-8' } });
}

/**
 * A chart's static oEmbed answer (type "rich"), per language: /oembed/<lang>/<chart-id>.json, the latest version.
 * Written by the downloads step (scripts/post-build/downloads.ts) from the picture it draws anyway: the thumbnail is
 * the chart's downloadable PNG, and its size comes from the same SVG.
 */
import type { RenderedChart } from '../charts/render.ts';
import type { Locale } from '../data/types.ts';
import { chartPngSize } from '../downloads/chart-files.ts';
import { localePath } from '../i18n/routes.ts';
import { t } from '../i18n/ui.ts';
import { absoluteUrl } from '../site/address.ts';
import { downloadPath } from './citation.ts';
import { EMBED_WIDTH, defaultEmbedHeight, embedSnippet, embedUrl, resizerUrl } from './embed.ts';

/** The oEmbed JSON of a chart, drawn (`rendered`) in `locale`, whose download SVG is `svgFile`. */
export function oembedJson(chartId: string, locale: Locale, rendered: RenderedChart, svgFile: string): string {
  const height = defaultEmbedHeight(rendered);
  const thumbnail = chartPngSize(svgFile);
  const body = {
    version: '1.0',
    type: 'rich',
    provider_name: t(locale, 'site.name'),
    provider_url: absoluteUrl(localePath(locale, '')),
    title: rendered.title,
    html: embedSnippet({ src: embedUrl(locale, chartId), title: rendered.title, height, resizer: resizerUrl() }),
    width: EMBED_WIDTH,
    height,
    thumbnail_url: absoluteUrl(downloadPath(locale, chartId, 'png')),
    thumbnail_width: thumbnail.width,
    thumbnail_height: thumbnail.height,
    cache_age: 86400,
  };
  return JSON.stringify(body, null, 2);
}

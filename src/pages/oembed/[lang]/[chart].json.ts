import { absoluteUrl } from '../../../lib/site/address.ts';
import { localePath } from '../../../lib/i18n/routes.ts';
import type { APIContext } from 'astro';
import { getChartRegistry } from '../../../collections.ts';
import { renderChart } from '../../../lib/charts/render.ts';
import { chartDataAt } from '../../../lib/site/charts.ts';
import { getSiteModel } from '../../../lib/site/load-site.ts';
import { EMBED_WIDTH, defaultEmbedHeight, embedSnippet, embedUrl, resizerUrl } from '../../../lib/embed/embed.ts';
import { downloadPath } from '../../../lib/embed/citation.ts';
import { chartPngSize, chartSvgFile } from '../../../lib/downloads/chart-files.ts';
import { t } from '../../../lib/i18n/ui.ts';
import type { RegisteredChart } from '../../../lib/site/chart-registry.ts';
import type { Locale } from '../../../lib/data/types.ts';

/** Static oEmbed (type "rich") per chart and language: /oembed/<lang>/<chart-id>.json. */
export async function getStaticPaths() {
  const registry = await getChartRegistry();
  return (['vi', 'en'] as const).flatMap((lang) => [...registry.values()].map((chart) => ({ params: { lang, chart: chart.spec.id }, props: { chart } })));
}

export function GET(context: APIContext) {
  const locale = context.params.lang as Locale;
  const { chart } = context.props as { chart: RegisteredChart };
  const rendered = renderChart(chart.spec, chartDataAt(getSiteModel()), locale);
  const height = defaultEmbedHeight(rendered);
  // The thumbnail is the downloadable PNG (scripts/post-build/downloads.ts): its size, from the same SVG it is drawn from.
  const thumbnail = chartPngSize(chartSvgFile(rendered, locale));
  const body = {
    version: '1.0',
    type: 'rich',
    provider_name: t(locale, 'site.name'),
    provider_url: absoluteUrl(localePath(locale, '')),
    title: rendered.title,
    html: embedSnippet({ src: embedUrl(locale, chart.spec.id), title: rendered.title, height, resizer: resizerUrl() }),
    width: EMBED_WIDTH,
    height,
    thumbnail_url: absoluteUrl(downloadPath(locale, chart.spec.id, 'png')),
    thumbnail_width: thumbnail.width,
    thumbnail_height: thumbnail.height,
    cache_age: 86400,
  };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}

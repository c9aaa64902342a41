import type { APIContext } from 'astro';
import { figuresOf } from '../../lib/data/series.ts';
import type { Indicator } from '../../lib/data/types.ts';
import type { IndicatorData } from '../../lib/explore/data.ts';
import { getSiteModel } from '../../lib/site/load-site.ts';

/**
 * /explore-data/<indicator-id>.json: what the explorer fetches when a reader adds an indicator or changes the range —
 * the catalogue entry and every figure in release order, from which the browser builds the series with the same
 * `buildSeries` as the build. Only published indicators (with a figure) have one.
 */
export function getStaticPaths() {
  return getSiteModel().publishedIndicators.map((indicator) => ({ params: { id: indicator.id }, props: { indicator } }));
}

export function GET(context: APIContext) {
  const { indicator } = context.props as { indicator: Indicator };
  const model = getSiteModel();
  const figures = figuresOf(model.dataset.releases).filter((figure) => figure.indicator === indicator.id);
  // Figures come in release order: the last one's release is the indicator's own data version.
  const body: IndicatorData = { indicator, figures, dataVersion: figures.at(-1)?.release ?? model.latestRelease?.id ?? '' };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}

import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { absoluteUrl } from '../../../../lib/site/address.ts';
import { getSiteModel } from '../../../../lib/site/load-site.ts';
import { localePath, localeStaticPaths } from '../../../../lib/i18n/routes.ts';
import { t } from '../../../../lib/i18n/ui.ts';
import { ATOM_NAMESPACE, channelExtras, feedPath, indicatorFeedItems } from '../../../../lib/site/feeds.ts';
import type { Indicator, Locale } from '../../../../lib/data/types.ts';

/** One feed per indicator and language (/indicators/<id>/rss.xml, /en/indicators/<id>/rss.xml): its figures as published, newest first. */
export function getStaticPaths() {
  return localeStaticPaths(getSiteModel().publishedIndicators.map((indicator) => ({ params: { id: indicator.id }, props: { indicator } })));
}

export function GET(context: APIContext) {
  const { locale, indicator } = context.props as { locale: Locale; indicator: Indicator };
  const items = indicatorFeedItems(getSiteModel(), indicator, locale);
  return rss({
    title: `${indicator.name[locale]} — ${t(locale, 'site.name')}`,
    description: indicator.definition[locale],
    site: absoluteUrl(localePath(locale, `indicators/${indicator.id}`)),
    xmlns: { atom: ATOM_NAMESPACE },
    items,
    customData: channelExtras({ locale, selfUrl: absoluteUrl(feedPath(locale, `indicators/${indicator.id}`)), items }),
  });
}

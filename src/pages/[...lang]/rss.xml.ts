import { absoluteUrl } from '../../lib/site/address.ts';
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { articlesIn } from '../../collections.ts';
import { newestFirst } from '../../lib/site/articles.ts';
import { getSiteModel } from '../../lib/site/load-site.ts';
import { chartDataAt } from '../../lib/site/charts.ts';
import { bulletinText } from '../../lib/bulletin/sentences.ts';
import { endOfMonth } from '../../lib/data/values.ts';
import { formatAsOf } from '../../lib/format/index.ts';
import { langParam, localePath } from '../../lib/i18n/routes.ts';
import { t } from '../../lib/i18n/ui.ts';
import type { Locale } from '../../lib/data/types.ts';
import { ATOM_NAMESPACE, channelExtras, feedPath } from '../../lib/site/feeds.ts';

/** One feed per language (/rss.xml, /en/rss.xml): articles and monthly bulletins, newest first. */
export function getStaticPaths() {
  return (['vi', 'en'] as const).map((locale) => ({ params: { lang: langParam(locale) }, props: { locale } }));
}

export async function GET(context: APIContext) {
  const locale = (context.props as { locale: Locale }).locale;
  const model = getSiteModel();
  const articles = (await articlesIn(locale)).map((article) => ({
    title: article.title,
    description: article.dek,
    date: article.date,
    link: localePath(locale, `articles/${article.slug}`),
  }));
  // A bulletin is dated at the end of its month: the release holds what was published that month.
  const bulletins = model.changes.map((changes) => ({
    title: t(locale, 'month.bulletin', { month: formatAsOf(changes.release.id, locale) }),
    description: bulletinText(changes, chartDataAt(model, changes.release.id).series, locale).lede,
    date: new Date(`${endOfMonth(changes.release.id)}T00:00:00Z`),
    link: localePath(locale, `months/${changes.release.id}`),
  }));
  const items = newestFirst([...articles, ...bulletins]).map(({ date, ...item }) => ({ ...item, pubDate: date }));
  return rss({
    title: t(locale, 'site.name'),
    description: t(locale, 'site.tagline'),
    site: absoluteUrl(localePath(locale, '')),
    xmlns: { atom: ATOM_NAMESPACE },
    items,
    customData: channelExtras({ locale, selfUrl: absoluteUrl(feedPath(locale)), items }),
  });
}

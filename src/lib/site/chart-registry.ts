import type { ChartSpec } from '../charts/spec.ts';
import { indicatorsOf, specFromProps } from '../charts/spec.ts';
import type { Locale } from '../data/types.ts';
import { compareAsOf } from '../data/values.ts';
import { chartUsages } from '../content/chart-usages.ts';
import type { ChartUsage } from '../content/chart-usages.ts';
import { chartDataAt, homeCharts, indicatorCharts } from './charts.ts';
import type { SiteModel } from './model.ts';

/** An article's MDX, for finding the charts it places. */
export interface ArticleSource {
  file: string;
  lang: Locale;
  /** Locale-free path of the article, e.g. `articles/bao-cao-thang-7`. */
  path: string;
  body: string;
}

/** A chart with an embed page and downloads: its spec, and the releases in which its figures changed. */
export interface RegisteredChart {
  spec: ChartSpec;
  /** Releases (oldest first) that published a figure of the chart's indicators: each is a pinned version. */
  versions: string[];
  /** The page the chart belongs to, per language (locale-free path): where an embed links back to. */
  page: Record<Locale, string>;
  /** For an indicator page's chart, the indicator: its spec is chosen from the data (a big number until there is a history). */
  indicator?: string;
}

/** The spec a `<Chart …/>` or `<BigNumber …/>` in MDX draws (as the component itself decides). */
export function specOfUsage(model: SiteModel, usage: ChartUsage): ChartSpec | undefined {
  const props = usage.props;
  return props.kind || props.indicators ? specFromProps(props) : props.indicator ? indicatorCharts(model, props.indicator)[0] : undefined;
}

/** Ids of the charts an article body places. */
export function articleChartIds(model: SiteModel, body: string): string[] {
  return chartUsages(body).flatMap((usage) => specOfUsage(model, usage)?.id ?? []);
}

/**
 * The chart's spec as it was after a release: an indicator page's chart may
 * have been a big number before it became a line. Undefined when the chart
 * did not exist yet.
 */
export function specAt(model: SiteModel, chart: RegisteredChart, release: string): ChartSpec | undefined {
  if (!chart.indicator) return chart.spec;
  return indicatorCharts(model, chart.indicator, chartDataAt(model, release)).find((spec) => spec.id === chart.spec.id);
}

/**
 * Every chart on the site, by id: indicator pages, the home page and articles.
 * An id always means one spec; two different specs under one id fail the build.
 */
export function chartRegistry(model: SiteModel, articles: readonly ArticleSource[] = []): Map<string, RegisteredChart> {
  const specs = new Map<string, ChartSpec>();
  const origin = new Map<string, string>();
  const pages = new Map<string, Partial<Record<Locale, string>>>();
  const indicatorOf = new Map<string, string>();
  const add = (spec: ChartSpec, where: string, page?: { locale?: Locale; path: string }) => {
    const known = pages.get(spec.id) ?? {};
    if (page) for (const locale of page.locale ? [page.locale] : (['vi', 'en'] as const)) known[locale] ??= page.path;
    pages.set(spec.id, known);
    const existing = specs.get(spec.id);
    if (existing) {
      const same = JSON.stringify({ ...existing, title: undefined }) === JSON.stringify({ ...spec, title: undefined });
      if (!same) throw new Error(`Chart id "${spec.id}" is used for two different charts (${origin.get(spec.id)} and ${where}); give one of them another id="…"`);
      // Article charts carry a title per language: merge them.
      if (spec.title || existing.title) specs.set(spec.id, { ...existing, title: { vi: existing.title?.vi || spec.title?.vi || '', en: existing.title?.en || spec.title?.en || '' } } as ChartSpec);
      return;
    }
    specs.set(spec.id, spec);
    origin.set(spec.id, where);
  };
  // An indicator with no figure yet has no page and no chart.
  for (const indicator of model.publishedIndicators) for (const spec of indicatorCharts(model, indicator.id)) {
    add(spec, `indicator page ${indicator.id}`, { path: `indicators/${indicator.id}` });
    indicatorOf.set(spec.id, indicator.id);
  }
  const home = homeCharts(model);
  // The home page once placed these charts; it now shows its figures as cards (src/lib/site/headline.ts). They keep
  // their embed pages and downloads, so embeds already published keep working, and link back to their indicator's page.
  for (const spec of [...home.bigNumbers, ...(home.lead ? [home.lead] : []), ...home.progress, ...home.comparisons]) add(spec, 'home page', { path: `indicators/${indicatorsOf(spec)[0]}` });
  for (const article of articles) {
    for (const usage of chartUsages(article.body)) {
      const spec = specOfUsage(model, usage);
      if (!spec) continue;
      // A title written in one language is that language's title; the other falls back to it.
      const titled = spec.title ? ({ ...spec, title: { vi: article.lang === 'vi' ? spec.title.vi : '', en: article.lang === 'en' ? spec.title.en : '' } } as ChartSpec) : spec;
      add(titled, `${article.file}:${usage.line}`, { locale: article.lang, path: article.path });
    }
  }
  const registry = new Map<string, RegisteredChart>();
  for (const [id, spec] of specs) {
    const finalSpec = spec.title ? ({ ...spec, title: { vi: spec.title.vi || spec.title.en, en: spec.title.en || spec.title.vi } } as ChartSpec) : spec;
    const ids = new Set(indicatorsOf(spec));
    const page = pages.get(id) ?? {};
    const fallback = `indicators/${indicatorsOf(spec)[0]}`;
    const indicator = indicatorOf.get(id);
    const chart: RegisteredChart = { spec: finalSpec, versions: [], page: { vi: page.vi ?? page.en ?? fallback, en: page.en ?? page.vi ?? fallback }, ...(indicator ? { indicator } : {}) };
    // A version per release that published one of the chart's figures, once the chart exists.
    chart.versions = model.dataset.releases
      .filter((r) => r.figures.some((f) => ids.has(f.indicator)))
      .map((r) => r.id)
      .sort(compareAsOf)
      .filter((release) => specAt(model, chart, release) !== undefined);
    registry.set(id, chart);
  }
  return registry;
}

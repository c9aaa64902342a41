import type { Indicator, Locale } from '../data/types.ts';
import type { Series, SeriesPoint } from '../data/series.ts';
import { parseIsoDate } from '../data/values.ts';
import { formatAsOf } from '../format/index.ts';
import type { SiteModel } from './model.ts';

/**
 * Which figures lead the home page. The rule, in order:
 * 1. Relevance: an indicator the editors mark `featured` (data/indicators.json) counts 2; one whose latest figure
 *    arrived in the newest update counts 1 (it is news). Indicators with neither are not candidates.
 * 2. Freshness: a figure is stale when its date is more than `staleAfterMonths` months before the newest date in
 *    the whole dataset (the data's own "now": no clock, so a build is the same on any day). A stale figure never
 *    leads while a fresh one is left out; when it must fill a slot it carries its age ("số liệu từ tháng 6/2023").
 * 3. Ties: the newer figure first, then catalogue order.
 * An indicator appears once: the home page shows a lead figure as a card and nowhere else.
 */

export interface Headline {
  indicator: Indicator;
  series: Series;
  /** The figure the card shows: the series' latest point. */
  point: SeriesPoint;
  featured: boolean;
  /** Its latest figure arrived in the newest update. */
  inLatestUpdate: boolean;
  /** Older than the freshness window: the card must say how old it is. */
  stale: boolean;
}

export interface HeadlineOptions {
  /** How many lead figures (default 4). */
  count?: number;
  /** At least this many cards when stale figures are all that is left to fill them (default 3). */
  minimum?: number;
  /** A figure older than this, counted back from the newest date in the data, is stale (default 12). */
  staleAfterMonths?: number;
}

/** Whole months from `from` to `to` (ISO dates of any precision): 2025-02-13 → 2026-02-25 is 12. */
export function monthsBetween(from: string, to: string): number {
  const a = parseIsoDate(from)!;
  const b = parseIsoDate(to)!;
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (a.day !== undefined && b.day !== undefined && b.day < a.day) months--;
  return months;
}

/** The newest as-of date among all figures: the reference for freshness. */
export function newestAsOf(series: Iterable<Series>): string | undefined {
  let newest: string | undefined;
  for (const s of series) {
    const last = s.points.at(-1)?.asOf;
    if (last && (!newest || last > newest)) newest = last;
  }
  return newest;
}

/** The ids of indicators whose latest figure came with the newest update. */
function updatedInLatest(model: SiteModel): Set<string> {
  const latest = model.latestRelease;
  if (!latest) return new Set();
  return new Set(model.changesByRelease.get(latest.id)?.changedLatest.map((c) => c.indicator.id) ?? []);
}

/** The lead figures of the home page, most relevant and freshest first (see the rule above). */
export function chooseHeadlines(model: SiteModel, options: HeadlineOptions = {}): { lead: Headline[]; others: Headline[] } {
  const { count = 4, minimum = 3, staleAfterMonths = 12 } = options;
  const now = newestAsOf(model.series.values());
  const updated = updatedInLatest(model);
  const order = new Map(model.indicators.map((indicator, index) => [indicator.id, index]));
  const candidates: Headline[] = [];
  for (const indicator of model.publishedIndicators) {
    const featured = indicator.featured === true;
    const inLatestUpdate = updated.has(indicator.id);
    if (!featured && !inLatestUpdate) continue;
    const series = model.series.get(indicator.id)!;
    const point = series.points.at(-1)!;
    const stale = now !== undefined && monthsBetween(point.asOf, now) > staleAfterMonths;
    candidates.push({ indicator, series, point, featured, inLatestUpdate, stale });
  }
  const relevance = (h: Headline) => (h.featured ? 2 : 0) + (h.inLatestUpdate ? 1 : 0);
  const rank = (a: Headline, b: Headline) =>
    Number(a.stale) - Number(b.stale) || relevance(b) - relevance(a) || (a.point.asOf < b.point.asOf ? 1 : a.point.asOf > b.point.asOf ? -1 : 0) || order.get(a.indicator.id)! - order.get(b.indicator.id)!;
  const sorted = candidates.sort(rank);
  const fresh = sorted.filter((h) => !h.stale);
  const lead = fresh.slice(0, count);
  // Stale figures fill only the slots below the minimum.
  for (const h of sorted) if (lead.length < minimum && h.stale) lead.push(h);
  const shown = new Set(lead.map((h) => h.indicator.id));
  // The editors' other headline indicators, listed once, below: fresh first.
  const others = sorted.filter((h) => !shown.has(h.indicator.id) && h.featured);
  return { lead, others };
}

/** What a stale figure says of its age: "số liệu từ tháng 6/2023" / "figure from June 2023". */
export function staleNote(point: Pick<SeriesPoint, 'asOf'>, locale: Locale): string {
  const date = parseIsoDate(point.asOf)!;
  const month = `${date.year}-${String(date.month).padStart(2, '0')}`;
  return locale === 'vi' ? `số liệu từ ${formatAsOf(month, locale)}` : `figure from ${formatAsOf(month, locale)}`;
}

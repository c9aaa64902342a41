/**
 * When each page last changed, from the data and the content only (never the clock), so that builds are
 * reproducible: feeds' lastBuildDate, the sitemap's <lastmod>, JSON-LD dateModified. Pure: no Astro imports.
 *
 * A release (month file `YYYY-MM`) is dated at the end of its month: it holds what was published that month.
 */
import { compareAsOf, endOfMonth } from '../data/values.ts';
import type { SiteModel } from './model.ts';

/** The date of a release: the last day of its month, `YYYY-MM-DD`. */
export function releaseDate(releaseId: string): string {
  return endOfMonth(releaseId);
}

/** The newest of some `YYYY-MM-DD` dates (undefined for none). */
export function newestDate(dates: Iterable<string | undefined>): string | undefined {
  let newest: string | undefined;
  for (const date of dates) if (date !== undefined && (newest === undefined || date > newest)) newest = date;
  return newest;
}

/** The date of the newest release that published a figure of the indicator. */
export function indicatorModified(model: SiteModel, indicatorId: string): string | undefined {
  const releases = model.series.get(indicatorId)?.points.flatMap((point) => point.figures.map((figure) => figure.release)) ?? [];
  const newest = [...releases].sort(compareAsOf).at(-1);
  return newest === undefined ? undefined : releaseDate(newest);
}

/** The date of the latest release: when every page that shows the latest data last changed. */
export function dataModified(model: SiteModel): string | undefined {
  return model.latestRelease ? releaseDate(model.latestRelease.id) : undefined;
}

/** `YYYY-MM-DD` of a content date (frontmatter dates are read as UTC midnight). */
export function contentDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Vietnam's UTC offset: a date-only content date is that day in Vietnam. */
export const SITE_TIMEZONE_OFFSET = '+07:00';

/** A date-only `YYYY-MM-DD` as a datetime with the site's timezone: `2026-11-26T00:00:00+07:00`. */
export function dateTimeInVietnam(date: string): string {
  return `${date}T00:00:00${SITE_TIMEZONE_OFFSET}`;
}

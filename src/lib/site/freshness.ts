/**
 * How fresh an indicator's latest figure is, measured against the newest release of the dataset (never the clock:
 * a build of the same data says the same thing on any day).
 */

/** A figure this many months older than the newest release is called stale: the list says so in words. */
export const STALE_AFTER_MONTHS = 12;

/** Months from an as-of date (`YYYY-MM` or `YYYY-MM-DD`) to a release (`YYYY-MM`); 0 when the date is in that month. */
export function monthsBefore(asOf: string, release: string): number {
  const [y1, m1] = asOf.split('-').map(Number) as [number, number];
  const [y2, m2] = release.split('-').map(Number) as [number, number];
  return (y2 - y1) * 12 + (m2 - m1);
}

/** True when the latest figure is more than STALE_AFTER_MONTHS older than the newest release. */
export function isStale(asOf: string, release: string | undefined): boolean {
  return release !== undefined && monthsBefore(asOf, release) > STALE_AFTER_MONTHS;
}

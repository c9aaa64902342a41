/**
 * Date formatting for "as of" stamps, chart axes and release headings.
 *
 * Inputs are the ISO strings of the data (`YYYY-MM` or `YYYY-MM-DD`),
 * parsed by hand: no `Date` is ever built in local time, so output does
 * not depend on the machine's time zone. Vietnamese dates are numeric
 * (day/month/year, no leading zeros) and assembled here, independent of
 * ICU version; English month names come from Intl (`en-US`, UTC).
 */

import type { Locale } from '../data/types.ts';
import { dateFormat } from './intl.ts';

/** A calendar month, or a day when `day` is set. */
interface CalendarDate {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31, absent for a month. */
  day?: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
const ISO_MONTH = /^\d{4}-\d{2}$/;

/** Parse `YYYY-MM` or `YYYY-MM-DD`; throws a RangeError on anything else. */
function parseIsoDate(text: string): CalendarDate {
  const match = ISO_DATE.exec(text);
  if (!match) throw new RangeError(`Expected YYYY-MM or YYYY-MM-DD, got "${text}"`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) throw new RangeError(`Invalid month in "${text}"`);
  if (match[3] === undefined) return { year, month };
  const day = Number(match[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (day < 1 || check.getUTCMonth() !== month - 1) throw new RangeError(`Invalid day in "${text}"`);
  return { year, month, day };
}

/** English name of a month, `long` ("July") or `short` ("Jul", "Sep"). */
function englishMonth(date: CalendarDate, width: 'long' | 'short'): string {
  return dateFormat('en-US', { month: width }).format(Date.UTC(date.year, date.month - 1, 1));
}

/**
 * The date a figure refers to, for prose ("as of …").
 * A month: vi `tháng 7/2024`, en `July 2024`.
 * A day: vi `7/10/2024` (day/month/year), en `7 October 2024`.
 *
 * @param date `YYYY-MM` or `YYYY-MM-DD`.
 * @example
 * formatAsOf('2024-07', 'vi')    // "tháng 7/2024"
 * formatAsOf('2024-10-07', 'vi') // "7/10/2024"
 * formatAsOf('2024-10-07', 'en') // "7 October 2024"
 */
export function formatAsOf(date: string, locale: Locale): string {
  const parsed = parseIsoDate(date);
  const { year, month, day } = parsed;
  if (locale === 'vi') return day === undefined ? `tháng ${month}/${year}` : `${day}/${month}/${year}`;
  const name = englishMonth(parsed, 'long');
  return day === undefined ? `${name} ${year}` : `${day} ${name} ${year}`;
}

/**
 * The month of a date, short, for chart axes; a day is reduced to its month.
 *
 * @param date `YYYY-MM` or `YYYY-MM-DD`.
 * @example
 * formatMonthShort('2024-07', 'vi') // "7/2024"
 * formatMonthShort('2024-07', 'en') // "Jul 2024"
 */
export function formatMonthShort(date: string, locale: Locale): string {
  const parsed = parseIsoDate(date);
  if (locale === 'vi') return `${parsed.month}/${parsed.year}`;
  return `${englishMonth(parsed, 'short')} ${parsed.year}`;
}

/**
 * The title of a monthly release, capitalised for headings.
 *
 * @param releaseId `YYYY-MM` (a day is rejected).
 * @example
 * formatReleaseTitle('2024-07', 'vi') // "Tháng 7/2024"
 * formatReleaseTitle('2024-07', 'en') // "July 2024"
 */
export function formatReleaseTitle(releaseId: string, locale: Locale): string {
  if (!ISO_MONTH.test(releaseId)) throw new RangeError(`Expected a release id YYYY-MM, got "${releaseId}"`);
  const parsed = parseIsoDate(releaseId);
  if (locale === 'vi') return `Tháng ${parsed.month}/${parsed.year}`;
  return `${englishMonth(parsed, 'long')} ${parsed.year}`;
}

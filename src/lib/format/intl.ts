/**
 * Shared plumbing for the formatters: Intl locale tags, cached Intl
 * instances, and the house typography (spaces and minus sign).
 *
 * House style, applied by every formatter in this folder:
 * - Negative numbers use the typographic minus U+2212 (`−300`), never the
 *   hyphen-minus Intl emits. Zero, and values that round to zero, carry no sign.
 * - A number and its scale word (`triệu`, `million`, `tr`, `nghìn tỷ`…) are
 *   joined by a no-break space U+00A0, so they never wrap apart; the spaces
 *   inside a scale word (`nghìn tỷ`) are no-break too. Any narrow no-break
 *   space (U+202F), thin space or no-break space that Intl emits is
 *   normalised to U+00A0.
 * - A unit noun (`tài khoản`, `accounts`, `đồng`) follows after an ordinary
 *   space: the line may break there.
 * - Percentages carry no space before `%` in either language (`94,08%`).
 * - Everything is computed in UTC; output does not depend on the machine's
 *   time zone or default locale.
 */

import type { Locale } from '../data/types.ts';

/** No-break space, U+00A0: glues a number to its scale word. */
export const NBSP = '\u00A0';

/** Typographic minus sign, U+2212. */
export const MINUS = '\u2212';

/** Intl locale tag used for numbers: `vi-VN` (`26.300.000`), `en-US` (`26,300,000`). */
const NUMBER_TAGS: Readonly<Record<Locale, string>> = { vi: 'vi-VN', en: 'en-US' };

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A cached `Intl.NumberFormat` for `(locale, options)`. */
export function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(NUMBER_TAGS[locale], options);
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * A cached `Intl.DateTimeFormat` for `(tag, options)`, always in UTC.
 * Takes a raw Intl tag because English month names come from `en-US`
 * (`Sep`, where `en-GB` now writes `Sept`).
 */
export function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const withZone: Intl.DateTimeFormatOptions = { ...options, timeZone: 'UTC' };
  const key = `${tag}|${JSON.stringify(withZone)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, withZone);
    dateFormats.set(key, format);
  }
  return format;
}

/** Replace every kind of space Intl may emit with the house no-break space. */
export function normalizeSpaces(text: string): string {
  return text.replace(/[\u00A0\u2007\u2009\u202F ]/g, NBSP);
}

/** Throw on NaN and ±Infinity: figures are validated upstream, so these are bugs. */
export function assertFinite(value: number, what = 'value'): void {
  if (!Number.isFinite(value)) {
    throw new RangeError(`Cannot format non-finite ${what}: ${String(value)}`);
  }
}

/**
 * Number formatting for prose, tables and chart axes, in Vietnamese and
 * English. Pure functions over Intl; see `intl.ts` for the house style
 * (U+2212 minus, U+00A0 between a number and its scale word, no space before `%`).
 *
 * Separators: Vietnamese groups with `.` and writes decimals with `,`
 * (`26.300.000`, `94,08`); English uses `en-US` (`26,300,000`, `94.08`).
 */

import type { Bilingual, Locale } from '../data/types.ts';
import { MINUS, NBSP, assertFinite, normalizeSpaces, numberFormat } from './intl.ts';

/** A unit of magnitude: numbers ≥ `divisor` are written as a count of it. */
interface Scale {
  divisor: number;
  /** Fraction digits kept on the count (trailing zeros are always dropped). */
  maxFraction: number;
  /** Text written after the count, including its leading (no-break) space if any. */
  suffix: Readonly<Record<Locale, string>>;
}

/**
 * Scales for prose. Vietnamese counts big numbers in triệu (10⁶), tỷ (10⁹)
 * and nghìn tỷ (10¹²); there is no larger word in use, so 10¹⁵ is
 * `1.000 nghìn tỷ`. Below one million, numbers are written in full.
 */
const PROSE_SCALES: readonly Scale[] = [
  { divisor: 1, maxFraction: 2, suffix: { vi: '', en: '' } },
  { divisor: 1e6, maxFraction: 2, suffix: { vi: `${NBSP}triệu`, en: `${NBSP}million` } },
  { divisor: 1e9, maxFraction: 2, suffix: { vi: `${NBSP}tỷ`, en: `${NBSP}billion` } },
  { divisor: 1e12, maxFraction: 2, suffix: { vi: `${NBSP}nghìn${NBSP}tỷ`, en: `${NBSP}trillion` } },
];

/**
 * Scales for axis ticks, starting at a thousand. Vietnamese writes the words a newspaper prints on an axis
 * (nghìn, triệu, tỷ: "500 nghìn", "20 triệu", "1,5 tỷ"; never "N" or "tr", which readers do not use); English the
 * usual letters. Two fraction digits so that evenly spaced ticks (1,25 triệu; 1,5 triệu) stay distinct.
 */
const TICK_SCALES: readonly Scale[] = [
  { divisor: 1, maxFraction: 2, suffix: { vi: '', en: '' } },
  { divisor: 1e3, maxFraction: 2, suffix: { vi: `${NBSP}nghìn`, en: 'K' } },
  { divisor: 1e6, maxFraction: 2, suffix: { vi: `${NBSP}triệu`, en: 'M' } },
  { divisor: 1e9, maxFraction: 2, suffix: { vi: `${NBSP}tỷ`, en: 'B' } },
  { divisor: 1e12, maxFraction: 2, suffix: { vi: `${NBSP}nghìn${NBSP}tỷ`, en: 'T' } },
];

/** A magnitude written without its sign, and whether the sign is to be shown. */
interface Unsigned {
  body: string;
  /** The value is non-zero once rounded: a sign belongs in front of it. */
  nonZero: boolean;
}

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function hasNonZeroDigit(text: string): boolean {
  return /[1-9]/.test(text);
}

/**
 * Write `|value|` as a count of the largest fitting scale. The rounding is
 * done before the scale is chosen for good: a count that rounds up to the
 * next scale moves there (999 950 000 → `1 tỷ`, never `1.000 triệu`).
 */
function scaled(value: number, locale: Locale, scales: readonly Scale[], exact = false): Unsigned {
  assertFinite(value);
  const abs = Math.abs(value);
  let index = 0;
  scales.forEach((scale, i) => {
    if (abs >= scale.divisor) index = i;
  });
  // Exact: step down to a smaller scale until the count loses nothing (29.807 tỷ, not 29,81 nghìn tỷ).
  while (exact && index > 0 && !isExactAt(abs, scales[index]!)) index -= 1;
  for (;;) {
    const scale = scales[index]!;
    const count = roundTo(abs / scale.divisor, scale.maxFraction);
    const next = scales[index + 1];
    if (!exact && next && count * scale.divisor >= next.divisor) {
      index += 1;
      continue;
    }
    const digits = normalizeSpaces(
      numberFormat(locale, { maximumFractionDigits: scale.maxFraction }).format(count),
    );
    return { body: digits + scale.suffix[locale], nonZero: count !== 0 };
  }
}

function isExactAt(abs: number, scale: Scale): boolean {
  const count = roundTo(abs / scale.divisor, scale.maxFraction);
  return Math.abs(count * scale.divisor - abs) <= abs * 1e-12;
}

function withMinus({ body, nonZero }: Unsigned, negative: boolean): string {
  return negative && nonZero ? MINUS + body : body;
}

/**
 * Full-precision number with grouping, keeping up to two fraction digits
 * (trailing zeros dropped). For tables and exact figures.
 *
 * @example
 * formatNumber(26_300_000, 'vi') // "26.300.000"
 * formatNumber(26_300_000, 'en') // "26,300,000"
 * formatNumber(94.08, 'vi')      // "94,08"
 * formatNumber(-300, 'en')       // "−300" (U+2212)
 */
export function formatNumber(value: number, locale: Locale): string {
  assertFinite(value);
  const body = normalizeSpaces(numberFormat(locale, { maximumFractionDigits: 2 }).format(Math.abs(value)));
  return withMinus({ body, nonZero: hasNonZeroDigit(body) }, value < 0);
}

/**
 * A number for reading in prose.
 *
 * Rule: below one million (in absolute value) the number is written in
 * full, as `formatNumber` does. From one million up it is a count of
 * million / billion / trillion (triệu / tỷ / nghìn tỷ) with at most two
 * fraction digits (published figures such as 9,58 triệu stay exact), never a trailing zero (`1 triệu`, not `1,0 triệu`),
 * joined to the scale word by a no-break space. Rounding happens first:
 * a count that rounds to 1000 moves to the next scale.
 *
 * @example
 * formatCompact(26_349_999, 'vi')        // "26,35 triệu" (two decimals keep published figures such as 9,58 triệu exact)
 * formatCompact(1_500_000_000, 'en')     // "1.5 billion"
 * formatCompact(239_000_000_000_000, 'vi') // "239 nghìn tỷ"
 * formatCompact(148_000, 'vi')           // "148.000"
 * formatCompact(999_950_000, 'en')       // "1 billion"
 */
export function formatCompact(value: number, locale: Locale): string {
  return withMinus(scaled(value, locale, PROSE_SCALES), value < 0);
}

/**
 * A stated figure for prose: like `formatCompact`, but never rounded. The largest scale that writes the value
 * exactly with two fraction digits at most, else the number in full — as the source wrote it: a rounding would
 * change what "hơn 29.807 tỷ" claims ("hơn 29,81 nghìn tỷ" says more than the source).
 *
 * @example
 * formatStated(26_300_000, 'vi')         // "26,3 triệu"
 * formatStated(29_807_000_000_000, 'vi') // "29.807 tỷ"
 * formatStated(26_349_999, 'vi')         // "26.349.999"
 */
export function formatStated(value: number, locale: Locale): string {
  return withMinus(scaled(value, locale, PROSE_SCALES, true), value < 0);
}

/**
 * A short label for a chart axis tick: thousands and up are written as a count of the scale
 * (vi `nghìn`, `triệu`, `tỷ`, `nghìn tỷ` after a no-break space, as Vietnamese newspapers print them;
 * en `K`, `M`, `B`, `T` attached), with up to two fraction digits.
 *
 * @example
 * formatTick(20_000_000, 'vi') // "20 triệu"
 * formatTick(1_500_000_000, 'en') // "1.5B"
 * formatTick(500_000, 'vi')    // "500 nghìn"
 * formatTick(0, 'en')          // "0"
 */
export function formatTick(value: number, locale: Locale): string {
  return withMinus(scaled(value, locale, TICK_SCALES), value < 0);
}

/**
 * A percentage given on a 0–100 scale, up to two fraction digits, with no
 * space before `%` in either language.
 *
 * @example
 * formatPercent(94.08, 'vi') // "94,08%"
 * formatPercent(94.08, 'en') // "94.08%"
 */
export function formatPercent(value: number, locale: Locale): string {
  return `${formatNumber(value, locale)}%`;
}

/** ISO 4217 codes that English writes before the amount (`VND 8.2 trillion`). */
const ISO_CURRENCY = /^[A-Z]{3}$/;

/**
 * A number with its unit, for prose. The number is written by
 * `formatStated` (never rounded); the unit follows after an ordinary space. Special units:
 * `%` gives `formatPercent`; in English a currency code (`VND`, `USD`) goes
 * before the amount, joined by a no-break space; an empty unit gives the
 * bare number.
 *
 * @param unit the unit in both languages, or one string used for both.
 * @example
 * formatQuantity(26_300_000, { vi: 'tài khoản', en: 'accounts' }, 'vi') // "26,3 triệu tài khoản"
 * formatQuantity(8.2e12, { vi: 'đồng', en: 'VND' }, 'en')             // "VND 8.2 trillion"
 * formatQuantity(94.08, '%', 'vi')                                     // "94,08%"
 */
export function formatQuantity(value: number, unit: Bilingual | string, locale: Locale): string {
  const name = typeof unit === 'string' ? unit : unit[locale];
  if (name === '%') return formatPercent(value, locale);
  const amount = formatStated(value, locale);
  if (name === '') return amount;
  if (locale === 'en' && ISO_CURRENCY.test(name)) return `${name}${NBSP}${amount}`;
  return `${amount} ${name}`;
}

/**
 * "x out of total", both numbers in full, no spaces around the slash.
 *
 * @example
 * formatRatio(54, 76, 'vi')          // "54/76"
 * formatRatio(12_275, 13_047, 'vi')  // "12.275/13.047"
 * formatRatio(12_275, 13_047, 'en')  // "12,275/13,047"
 */
export function formatRatio(value: number, total: number, locale: Locale): string {
  return `${formatNumber(value, locale)}/${formatNumber(total, locale)}`;
}

/**
 * A signed change, written like `formatCompact`: `+` for a rise, `−`
 * (U+2212) for a fall, no sign when it rounds to zero.
 *
 * @example
 * formatChange(1_200_000, 'vi') // "+1,2 triệu"
 * formatChange(-300, 'vi')      // "−300"
 * formatChange(1_200_000, 'en') // "+1.2 million"
 */
export function formatChange(delta: number, locale: Locale): string {
  const unsigned = scaled(delta, locale, PROSE_SCALES);
  if (!unsigned.nonZero) return unsigned.body;
  return (delta < 0 ? MINUS : '+') + unsigned.body;
}

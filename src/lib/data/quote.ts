import type { Qualifier } from './types.ts';

/**
 * Reading numbers in a source's own sentence, the way its readers read them:
 * "132,4 triệu", "26.300.000", "132.4 million", "1,2 tỷ", "10 Milliarden",
 * "1億4800万", "98,9%", with the words that qualify them ("hơn", "gần",
 * "more than", "rund", "以上"). Used to check that a figure's value can be read
 * from its quote, and that the figure carries the quote's qualifier.
 */

/** A number as it stands in a quote: every value it can mean, and the qualifier written on it. */
export interface QuotedNumber {
  /** The text of the number, with its scale word ("132,4 triệu"). */
  text: string;
  /** Every reading of the digits (a dot or comma may group thousands or mark decimals), times the scale word. */
  readings: number[];
  qualifier?: Qualifier;
  index: number;
}

/**
 * Scale words after a number, longest first so "nghìn tỷ" wins over "nghìn". A scale word must end
 * the word it starts ("(?!\p{L})"): "07 tỉnh" is 7 provinces, not 7 "tỉ"; "33 ngành" is not 33 "ngàn".
 */
const SCALES: ReadonlyArray<[RegExp, number]> = [
  [/^\s*(?:nghìn|ngàn)\s+(?:tỷ|tỉ)(?!\p{L})/iu, 1e12],
  [/^\s*(?:tỷ|tỉ)(?!\p{L})/iu, 1e9],
  [/^\s*triệu(?!\p{L})/iu, 1e6],
  [/^\s*(?:nghìn|ngàn)(?!\p{L})/iu, 1e3],
  [/^\s*trillions?(?!\p{L})/iu, 1e12],
  [/^\s*billions?(?!\p{L})/iu, 1e9],
  [/^\s*bn(?!\p{L})/iu, 1e9],
  [/^\s*millions?(?!\p{L})/iu, 1e6],
  [/^\s*thousands?(?!\p{L})/iu, 1e3],
  [/^\s*(?:Billionen|Billion)(?!\p{L})/u, 1e12],
  [/^\s*(?:Milliarden|Milliarde|Mrd\.?)(?!\p{L})/u, 1e9],
  [/^\s*(?:Millionen|Million|Mio\.?)(?!\p{L})/u, 1e6],
  [/^\s*Tausend(?!\p{L})/u, 1e3],
];

/** Japanese (and Chinese) number units, summed in sequence: 1億4800万 = 148 000 000. */
const CJK_UNITS: Readonly<Record<string, number>> = { 千: 1e3, 万: 1e4, 億: 1e8, 兆: 1e12 };

/** Qualifier words written before the number, per qualifier (vi, en, de, ja). */
const BEFORE: ReadonlyArray<[Qualifier, RegExp]> = [
  ['at-least', /(?:ít nhất|tối thiểu|at least|no fewer than|mindestens)\s*$/iu],
  ['more-than', /(?:hơn|trên|vượt|more than|over|above|in excess of|exceeding|upwards of|mehr als|über)\s*$/iu],
  ['nearly', /(?:gần|suýt|nearly|almost|close to|just under|fast|knapp|beinahe|nahezu)\s*$/iu],
  ['about', /(?:khoảng|xấp xỉ|chừng|ước tính|ước|about|approximately|around|roughly|an estimated|some|circa|rund|etwa|ungefähr|約|およそ)\s*$/iu],
  ['less-than', /(?:dưới|chưa đến|chưa tới|less than|fewer than|under|below|weniger als|unter)\s*$/iu],
];

/** Qualifier words written after the number and its counter word (Japanese). */
const AFTER: ReadonlyArray<[Qualifier, RegExp]> = [
  ['at-least', /^[^\s\d、。,]{0,3}?以上/u],
  ['more-than', /^[^\s\d、。,]{0,3}?(?:超|余り|余)/u],
  ['nearly', /^[^\s\d、。,]{0,3}?(?:近く|弱)/u],
  ['about', /^[^\s\d、。,]{0,3}?(?:程度|ほど|前後)/u],
];

const DIGITS = /\d+(?:[.,]\d+)*/gu;

/** Every value a run of digits and separators can stand for. "1.086" → 1086 and 1.086; "98,9" → 98.9. */
export function readingsOfDigits(token: string): number[] {
  const parts = token.split(/([.,])/u);
  const groups = parts.filter((_, i) => i % 2 === 0);
  const separators = parts.filter((_, i) => i % 2 === 1);
  const readings = new Set<number>();
  if (separators.length === 0) readings.add(Number(token));
  const groupsOfThree = groups.slice(1).every((g) => g.length === 3);
  // Every separator groups thousands: "26.300.000", "33,920,141".
  if (separators.length > 0 && groupsOfThree && new Set(separators).size === 1) readings.add(Number(groups.join('')));
  // The last separator marks decimals, any before it group thousands: "132,4", "1.234,5", "5.677".
  if (separators.length > 0) {
    const decimal = separators.at(-1)!;
    const earlier = separators.slice(0, -1);
    const earlierGroupsOfThree = groups.slice(1, -1).every((g) => g.length === 3);
    if (earlier.every((s) => s !== decimal) && earlierGroupsOfThree) {
      readings.add(Number(`${groups.slice(0, -1).join('')}.${groups.at(-1)}`));
    }
  }
  return [...readings].filter((n) => Number.isFinite(n));
}

/**
 * A currency written between the qualifier and the number ("more than VND 10 trillion", "over VND600
 * billion", "hơn US$ 5 triệu"): skipped, so that the qualifier is still read as standing on the number.
 */
const CURRENCY_BEFORE = /(?:VNĐ|VND|đồng|USD|US\$|\$|€|EUR|¥|円)\s*$/u;

function qualifierAround(before: string, after: string): Qualifier | undefined {
  for (const [qualifier, pattern] of AFTER) if (pattern.test(after)) return qualifier;
  const lead = before.slice(-30).replace(CURRENCY_BEFORE, '');
  for (const [qualifier, pattern] of BEFORE) if (pattern.test(lead)) return qualifier;
  return undefined;
}

/** The numbers of a quote, in order, with their readings and qualifiers. */
export function numbersInQuote(text: string): QuotedNumber[] {
  const found: QuotedNumber[] = [];
  const matches = [...text.matchAll(DIGITS)];
  for (let m = 0; m < matches.length; m++) {
    const match = matches[m]!;
    const start = match.index;
    let end = start + match[0].length;
    let readings = readingsOfDigits(match[0]);
    const rest = text.slice(end);
    const cjk = /^([千万億兆])/u.exec(rest);
    if (cjk) {
      // 1億4800万: sum each (digits, unit) pair that follows without a gap.
      let total = 0;
      let cursor = start;
      let consumed = m;
      while (consumed < matches.length && matches[consumed]!.index === cursor) {
        const digits = matches[consumed]!;
        const unit = CJK_UNITS[text.charAt(digits.index + digits[0].length)];
        const value = readingsOfDigits(digits[0]).at(-1) ?? Number.NaN;
        total += unit ? value * unit : value;
        cursor = digits.index + digits[0].length + (unit ? 1 : 0);
        consumed++;
        if (!unit) break;
      }
      m = consumed - 1;
      end = cursor;
      readings = [total];
    } else {
      for (const [pattern, factor] of SCALES) {
        const scale = pattern.exec(rest);
        if (scale) {
          readings = readings.map((r) => r * factor);
          end += scale[0].length;
          break;
        }
      }
    }
    found.push({ text: text.slice(start, end).trim(), readings, qualifier: qualifierAround(text.slice(0, start), text.slice(end)), index: start });
  }
  return found;
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 1e-9;
}

/** Where (and how qualified) a value stands in a quote; `found` false when no number of the quote reads as it. */
export function findValueInQuote(text: string, value: number): { found: boolean; occurrences: QuotedNumber[] } {
  const occurrences = numbersInQuote(text).filter((n) => n.readings.some((r) => same(r, value)));
  return { found: occurrences.length > 0, occurrences };
}

/** Two qualifiers that say the same thing about a number: equal, or both a lower bound ("hơn" vs "以上"). */
export function qualifiersAgree(a: Qualifier | undefined, b: Qualifier | undefined): boolean {
  if (a === b) return true;
  const lowerBound = (q: Qualifier | undefined) => q === 'more-than' || q === 'at-least';
  return lowerBound(a) && lowerBound(b);
}

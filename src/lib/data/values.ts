/**
 * Parsing of the loose text a maintainer types into a month file: plain
 * numbers and dates. Each parser returns the value or `undefined`; the
 * `suggest*` helpers turn a common mistake into a concrete hint.
 */

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** A plain number: digits, optional minus, dot as decimal separator. "26300000", "94.08". */
export function parsePlainNumber(raw: string): number | undefined {
  const text = raw.trim();
  if (!PLAIN_NUMBER.test(text)) return undefined;
  return Number(text);
}

const MULTIPLIERS: ReadonlyArray<[RegExp, number]> = [
  [/nghìn tỷ|nghìn tỉ|ngàn tỷ|ngàn tỉ|trillion/u, 1e12],
  [/tỷ|tỉ|billion|\bbn\b/u, 1e9],
  [/triệu|million|\btr\b|\bm\b/u, 1e6],
  [/nghìn|ngàn|thousand|\bk\b/u, 1e3],
];

/**
 * Reads a number written the way people write it in Vietnamese or English
 * ("26,3 triệu", "26.300.000", "1,086", "9.58 million", "94,08%") and returns
 * the plain number it stands for, or undefined when it cannot tell.
 */
export function suggestPlainNumber(raw: string): number | undefined {
  let text = raw.trim().toLowerCase().replace(/^(hơn|gần|khoảng|trên|over|nearly|about|more than)\s+/u, '');
  let multiplier = 1;
  for (const [pattern, factor] of MULTIPLIERS) {
    if (pattern.test(text)) {
      multiplier = factor;
      text = text.replace(pattern, '');
      break;
    }
  }
  text = text.replace(/[%\s\u00a0]/gu, '');
  if (!/^-?[\d.,]+$/.test(text)) return undefined;
  let normalised: string;
  const dots = (text.match(/\./g) ?? []).length;
  const commas = (text.match(/,/g) ?? []).length;
  if (dots > 0 && commas > 0) {
    // Whichever comes last is the decimal separator.
    const decimalIsComma = text.lastIndexOf(',') > text.lastIndexOf('.');
    normalised = decimalIsComma ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (dots > 1 || (dots === 1 && /\.\d{3}$/.test(text) && multiplier === 1)) {
    normalised = text.replace(/\./g, ''); // 26.300.000 or 1.086 (vi grouping)
  } else if (commas > 1 || (commas === 1 && /,\d{3}$/.test(text) && multiplier === 1)) {
    normalised = text.replace(/,/g, ''); // 26,300,000 or 1,086 (en grouping)
  } else {
    normalised = text.replace(',', '.'); // 26,3 (vi decimal)
  }
  const value = Number(normalised);
  if (!Number.isFinite(value)) return undefined;
  return Math.round(value * multiplier * 1e6) / 1e6;
}

/** A calendar date the way the data contract spells it. */
export type DatePrecision = 'day' | 'month';

const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** Parses `YYYY-MM` or `YYYY-MM-DD` and checks that the date exists. */
export function parseIsoDate(raw: string): { precision: DatePrecision; year: number; month: number; day?: number } | undefined {
  const match = ISO_DATE.exec(raw.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12 || year < 1900 || year > 2999) return undefined;
  if (match[3] === undefined) return { precision: 'month', year, month };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { precision: 'day', year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Turns a date typed as in a spreadsheet ("31/07/2024", "7/2024", "2024/7/31")
 * into the ISO spelling, when that is unambiguous (day first, as in Vietnam).
 */
export function suggestIsoDate(raw: string): string | undefined {
  const text = raw.trim();
  const pad = (n: string) => n.padStart(2, '0');
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) {
    const candidate = `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`;
    return parseIsoDate(candidate) ? candidate : undefined;
  }
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) {
    const candidate = `${m[2]}-${pad(m[1]!)}`;
    return parseIsoDate(candidate) ? candidate : undefined;
  }
  m = /^(\d{4})[/.-](\d{1,2})(?:[/.-](\d{1,2}))?$/.exec(text);
  if (m) {
    const candidate = m[3] === undefined ? `${m[1]}-${pad(m[2]!)}` : `${m[1]}-${pad(m[2]!)}-${pad(m[3])}`;
    return parseIsoDate(candidate) ? candidate : undefined;
  }
  return undefined;
}

/** Last day of a `YYYY-MM` month, as `YYYY-MM-DD`. */
export function endOfMonth(monthId: string): string {
  const [year, month] = monthId.split('-').map(Number) as [number, number];
  return `${monthId}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/**
 * Sort key of an as-of date: a month-precision date sorts before the days of
 * that month ("2024-07" < "2024-07-05"), which plain string order gives.
 */
export function compareAsOf(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

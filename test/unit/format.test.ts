import { afterEach, describe, expect, it } from 'vitest';
import {
  formatStated,
  MINUS,
  NBSP,
  formatAsOf,
  formatChange,
  formatCompact,
  formatMonthShort,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatRatio,
  formatReleaseTitle,
  formatTick,
} from '../../src/lib/format/index.ts';

/** No-break space, written out so that expectations are unambiguous. */
const N = '\u00A0';
/** Typographic minus. */
const M = '\u2212';

describe('house typography', () => {
  it('exports U+00A0 and U+2212', () => {
    expect(NBSP).toBe('\u00A0');
    expect(MINUS).toBe('\u2212');
  });

  it('never emits narrow no-break spaces, thin spaces or hyphen-minus signs', () => {
    const outputs = [
      formatNumber(-26_300_000.5, 'vi'),
      formatCompact(-239e12, 'vi'),
      formatTick(-1.5e9, 'vi'),
      formatPercent(-94.08, 'vi'),
      formatChange(-1_200_000, 'en'),
      formatAsOf('2024-10-07', 'en'),
    ];
    for (const text of outputs) expect(text).not.toMatch(/[\u202F\u2009\u2007-]/);
  });
});

describe('formatNumber', () => {
  it('groups in full', () => {
    expect(formatNumber(26_300_000, 'vi')).toBe('26.300.000');
    expect(formatNumber(26_300_000, 'en')).toBe('26,300,000');
    expect(formatNumber(239_000_000_000_000, 'vi')).toBe('239.000.000.000.000');
    expect(formatNumber(239_000_000_000_000, 'en')).toBe('239,000,000,000,000');
  });

  it('leaves values below 1000 ungrouped', () => {
    expect(formatNumber(204, 'vi')).toBe('204');
    expect(formatNumber(204, 'en')).toBe('204');
    expect(formatNumber(1_086, 'vi')).toBe('1.086');
    expect(formatNumber(1_086, 'en')).toBe('1,086');
  });

  it('keeps up to two fraction digits as given', () => {
    expect(formatNumber(94.08, 'vi')).toBe('94,08');
    expect(formatNumber(94.08, 'en')).toBe('94.08');
    expect(formatNumber(94.1, 'vi')).toBe('94,1');
    expect(formatNumber(94.1, 'en')).toBe('94.1');
    expect(formatNumber(1_234.5, 'vi')).toBe('1.234,5');
    expect(formatNumber(1_234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(3.14159, 'vi')).toBe('3,14');
    expect(formatNumber(2.996, 'en')).toBe('3');
  });

  it('writes zero and negatives with U+2212, never "−0"', () => {
    expect(formatNumber(0, 'vi')).toBe('0');
    expect(formatNumber(0, 'en')).toBe('0');
    expect(formatNumber(-0, 'en')).toBe('0');
    expect(formatNumber(-0.001, 'vi')).toBe('0');
    expect(formatNumber(-300, 'vi')).toBe(`${M}300`);
    expect(formatNumber(-1_234.56, 'vi')).toBe(`${M}1.234,56`);
    expect(formatNumber(-1_234.56, 'en')).toBe(`${M}1,234.56`);
  });

  it('rejects non-finite values', () => {
    expect(() => formatNumber(Number.NaN, 'vi')).toThrow(RangeError);
    expect(() => formatNumber(Number.POSITIVE_INFINITY, 'en')).toThrow(RangeError);
  });
});

describe('formatCompact', () => {
  it('writes values below one million in full', () => {
    expect(formatCompact(0, 'vi')).toBe('0');
    expect(formatCompact(204, 'vi')).toBe('204');
    expect(formatCompact(1_086, 'vi')).toBe('1.086');
    expect(formatCompact(1_086, 'en')).toBe('1,086');
    expect(formatCompact(20_000, 'vi')).toBe('20.000');
    expect(formatCompact(20_000, 'en')).toBe('20,000');
    expect(formatCompact(148_000, 'vi')).toBe('148.000');
    expect(formatCompact(999_999, 'en')).toBe('999,999');
    expect(formatCompact(12.5, 'vi')).toBe('12,5');
  });

  it('counts millions, billions and trillions with a no-break space', () => {
    expect(formatCompact(26_300_000, 'vi')).toBe(`26,3${N}triệu`);
    expect(formatCompact(26_300_000, 'en')).toBe(`26.3${N}million`);
    expect(formatCompact(1_500_000_000, 'vi')).toBe(`1,5${N}tỷ`);
    expect(formatCompact(1_500_000_000, 'en')).toBe(`1.5${N}billion`);
    expect(formatCompact(239_000_000_000_000, 'vi')).toBe(`239${N}nghìn${N}tỷ`);
    expect(formatCompact(239_000_000_000_000, 'en')).toBe(`239${N}trillion`);
    expect(formatCompact(8_200_000_000_000, 'vi')).toBe(`8,2${N}nghìn${N}tỷ`);
  });

  it('rounds to two fraction digits and drops trailing zeros', () => {
    expect(formatCompact(26_349_999, 'vi')).toBe(`26,35${N}triệu`);
    expect(formatCompact(9_580_000, 'vi')).toBe(`9,58${N}triệu`);
    expect(formatCompact(26_355_000, 'en')).toBe(`26.36${N}million`);
    expect(formatCompact(1_000_000, 'vi')).toBe(`1${N}triệu`);
    expect(formatCompact(1_000_000, 'en')).toBe(`1${N}million`);
    expect(formatCompact(1_004_000, 'vi')).toBe(`1${N}triệu`);
    expect(formatCompact(1_040_000, 'vi')).toBe(`1,04${N}triệu`);
    expect(formatCompact(123_900_000, 'vi')).toBe(`123,9${N}triệu`);
    expect(formatCompact(123_900_000, 'en')).toBe(`123.9${N}million`);
    expect(formatCompact(1_234_567_890, 'vi')).toBe(`1,23${N}tỷ`);
    expect(formatCompact(1_234_567_890, 'en')).toBe(`1.23${N}billion`);
  });

  it('moves up a scale when rounding reaches 1000', () => {
    expect(formatCompact(999_995_000, 'vi')).toBe(`1${N}tỷ`);
    expect(formatCompact(999_995_000, 'en')).toBe(`1${N}billion`);
    expect(formatCompact(999_940_000, 'vi')).toBe(`999,94${N}triệu`);
    expect(formatCompact(999_999_999_999, 'en')).toBe(`1${N}trillion`);
    expect(formatCompact(999_999.999, 'vi')).toBe(`1${N}triệu`);
  });

  it('stays in trillions beyond 1000 trillion', () => {
    expect(formatCompact(1e15, 'vi')).toBe(`1.000${N}nghìn${N}tỷ`);
    expect(formatCompact(1.5e15, 'en')).toBe(`1,500${N}trillion`);
  });

  it('never writes the abbreviations a Vietnamese reader does not use', () => {
    for (const value of [1_000, 20_000, 500_000, 1_000_000, 1_500_000, 150_000_000, 2e9, 3e12]) {
      expect(formatTick(value, 'vi')).not.toMatch(/(^|\s)(N|tr|K|M|B|T)$/);
    }
  });

  it('writes negatives with U+2212', () => {
    expect(formatCompact(-26_300_000, 'vi')).toBe(`${M}26,3${N}triệu`);
    expect(formatCompact(-300, 'en')).toBe(`${M}300`);
    expect(formatCompact(-0.001, 'en')).toBe('0');
  });
});

describe('formatTick', () => {
  it('writes zero and small values plainly', () => {
    expect(formatTick(0, 'vi')).toBe('0');
    expect(formatTick(0, 'en')).toBe('0');
    expect(formatTick(250, 'vi')).toBe('250');
    expect(formatTick(0.5, 'vi')).toBe('0,5');
    expect(formatTick(0.5, 'en')).toBe('0.5');
  });

  it('writes thousands and up as a newspaper does: nghìn, triệu, tỷ in Vietnamese (never "N" or "tr"), K, M, B in English', () => {
    expect(formatTick(500_000, 'vi')).toBe(`500${N}nghìn`);
    expect(formatTick(20_000, 'vi')).toBe(`20${N}nghìn`);
    expect(formatTick(500_000, 'en')).toBe('500K');
    expect(formatTick(1_000, 'en')).toBe('1K');
    expect(formatTick(20_000_000, 'vi')).toBe(`20${N}triệu`);
    expect(formatTick(20_000_000, 'en')).toBe('20M');
    expect(formatTick(1_500_000_000, 'vi')).toBe(`1,5${N}tỷ`);
    expect(formatTick(1_500_000_000, 'en')).toBe('1.5B');
    expect(formatTick(239_000_000_000_000, 'vi')).toBe(`239${N}nghìn${N}tỷ`);
    expect(formatTick(239_000_000_000_000, 'en')).toBe('239T');
  });

  it('keeps two fraction digits so that evenly spaced ticks stay distinct', () => {
    expect(formatTick(1_250_000, 'vi')).toBe(`1,25${N}triệu`);
    expect(formatTick(1_500_000, 'vi')).toBe(`1,5${N}triệu`);
    expect(formatTick(999_999, 'vi')).toBe(`1${N}triệu`);
    expect(formatTick(1_250_000, 'en')).toBe('1.25M');
    expect(formatTick(999_999, 'en')).toBe('1M');
  });

  it('never writes the abbreviations a Vietnamese reader does not use', () => {
    for (const value of [1_000, 20_000, 500_000, 1_000_000, 1_500_000, 150_000_000, 2e9, 3e12]) {
      expect(formatTick(value, 'vi')).not.toMatch(/(^|\s)(N|tr|K|M|B|T)$/);
    }
  });

  it('writes negatives with U+2212', () => {
    expect(formatTick(-500_000, 'en')).toBe(`${M}500K`);
    expect(formatTick(-500_000, 'vi')).toBe(`${M}500${N}nghìn`);
    expect(formatTick(-20_000_000, 'vi')).toBe(`${M}20${N}triệu`);
  });
});

describe('formatPercent', () => {
  it('puts no space before %', () => {
    expect(formatPercent(94.08, 'vi')).toBe('94,08%');
    expect(formatPercent(94.08, 'en')).toBe('94.08%');
    expect(formatPercent(100, 'vi')).toBe('100%');
    expect(formatPercent(0, 'en')).toBe('0%');
    expect(formatPercent(12.345, 'en')).toBe('12.35%');
    expect(formatPercent(-2.5, 'vi')).toBe(`${M}2,5%`);
  });
});

describe('formatQuantity', () => {
  const accounts = { vi: 'tài khoản', en: 'accounts' };
  const money = { vi: 'đồng', en: 'VND' };

  it('puts the unit after an ordinary space', () => {
    expect(formatQuantity(26_300_000, accounts, 'vi')).toBe(`26,3${N}triệu tài khoản`);
    expect(formatQuantity(26_300_000, accounts, 'en')).toBe(`26.3${N}million accounts`);
    expect(formatQuantity(148_000, accounts, 'vi')).toBe('148.000 tài khoản');
    expect(formatQuantity(148_000, accounts, 'en')).toBe('148,000 accounts');
    expect(formatQuantity(0, accounts, 'en')).toBe('0 accounts');
  });

  it('writes money in đồng in Vietnamese and with a VND prefix in English', () => {
    expect(formatQuantity(8_200_000_000_000, money, 'vi')).toBe(`8,2${N}nghìn${N}tỷ đồng`);
    expect(formatQuantity(8_200_000_000_000, money, 'en')).toBe(`VND${N}8.2${N}trillion`);
    expect(formatQuantity(-5e9, money, 'en')).toBe(`VND${N}${M}5${N}billion`);
  });

  it('formats % as a percentage', () => {
    expect(formatQuantity(94.08, '%', 'vi')).toBe('94,08%');
    expect(formatQuantity(94.08, '%', 'en')).toBe('94.08%');
    expect(formatQuantity(94.08, { vi: '%', en: '%' }, 'en')).toBe('94.08%');
  });

  it('accepts one string for both languages, or none', () => {
    expect(formatQuantity(54, 'km', 'vi')).toBe('54 km');
    expect(formatQuantity(2_500_000, '', 'en')).toBe(`2.5${N}million`);
  });
});

describe('formatRatio', () => {
  it('writes both numbers in full around a bare slash', () => {
    expect(formatRatio(54, 76, 'vi')).toBe('54/76');
    expect(formatRatio(54, 76, 'en')).toBe('54/76');
    expect(formatRatio(12_275, 13_047, 'vi')).toBe('12.275/13.047');
    expect(formatRatio(12_275, 13_047, 'en')).toBe('12,275/13,047');
    expect(formatRatio(0, 63, 'vi')).toBe('0/63');
  });
});

describe('formatChange', () => {
  it('signs rises and falls', () => {
    expect(formatChange(1_200_000, 'vi')).toBe(`+1,2${N}triệu`);
    expect(formatChange(1_200_000, 'en')).toBe(`+1.2${N}million`);
    expect(formatChange(-300, 'vi')).toBe(`${M}300`);
    expect(formatChange(-300, 'en')).toBe(`${M}300`);
    expect(formatChange(-2_500, 'vi')).toBe(`${M}2.500`);
    expect(formatChange(148_000, 'en')).toBe('+148,000');
    expect(formatChange(-239e12, 'vi')).toBe(`${M}239${N}nghìn${N}tỷ`);
    expect(formatChange(0.5, 'vi')).toBe('+0,5');
  });

  it('gives no sign to zero or to what rounds to zero', () => {
    expect(formatChange(0, 'vi')).toBe('0');
    expect(formatChange(-0, 'en')).toBe('0');
    expect(formatChange(0.001, 'en')).toBe('0');
    expect(formatChange(-0.004, 'vi')).toBe('0');
  });
});

describe('dates', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('formatAsOf writes a month', () => {
    expect(formatAsOf('2024-07', 'vi')).toBe('tháng 7/2024');
    expect(formatAsOf('2024-07', 'en')).toBe('July 2024');
    expect(formatAsOf('2025-12', 'vi')).toBe('tháng 12/2025');
    expect(formatAsOf('2025-01', 'en')).toBe('January 2025');
  });

  it('formatAsOf writes a day without leading zeros', () => {
    expect(formatAsOf('2024-10-07', 'vi')).toBe('7/10/2024');
    expect(formatAsOf('2024-10-07', 'en')).toBe('7 October 2024');
    expect(formatAsOf('2024-01-01', 'vi')).toBe('1/1/2024');
    expect(formatAsOf('2024-01-01', 'en')).toBe('1 January 2024');
    expect(formatAsOf('2024-12-31', 'vi')).toBe('31/12/2024');
    expect(formatAsOf('2024-12-31', 'en')).toBe('31 December 2024');
    expect(formatAsOf('2024-02-29', 'en')).toBe('29 February 2024');
  });

  it('does not drift with the time zone', () => {
    for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Ho_Chi_Minh']) {
      process.env.TZ = tz;
      expect(formatAsOf('2024-01-01', 'en')).toBe('1 January 2024');
      expect(formatAsOf('2024-12-31', 'en')).toBe('31 December 2024');
      expect(formatMonthShort('2024-01', 'en')).toBe('Jan 2024');
    }
  });

  it('formatMonthShort writes axis labels', () => {
    expect(formatMonthShort('2024-07', 'vi')).toBe('7/2024');
    expect(formatMonthShort('2024-07', 'en')).toBe('Jul 2024');
    expect(formatMonthShort('2024-09', 'en')).toBe('Sep 2024');
    expect(formatMonthShort('2024-10-07', 'vi')).toBe('10/2024');
    expect(formatMonthShort('2024-10-07', 'en')).toBe('Oct 2024');
  });

  it('formatReleaseTitle capitalises for headings', () => {
    expect(formatReleaseTitle('2024-07', 'vi')).toBe('Tháng 7/2024');
    expect(formatReleaseTitle('2024-07', 'en')).toBe('July 2024');
    expect(formatReleaseTitle('2022-01', 'vi')).toBe('Tháng 1/2022');
    expect(() => formatReleaseTitle('2024-07-01', 'vi')).toThrow(RangeError);
  });

  it('rejects malformed or impossible dates', () => {
    for (const bad of ['2024', '2024-7', '2024-13', '2024-00', '2023-02-29', '2024-04-31', '2024-07-00', '07/2024', '']) {
      expect(() => formatAsOf(bad, 'vi')).toThrow(RangeError);
    }
    expect(() => formatMonthShort('2024-13', 'en')).toThrow(RangeError);
  });
});

describe('formatStated: a stated figure is never rounded', () => {
  it('keeps the largest scale that writes the value exactly, else the number in full', () => {
    expect(formatStated(26_300_000, 'vi')).toBe('26,3\u00a0triệu');
    expect(formatStated(29_807_000_000_000, 'vi')).toBe('29.807\u00a0tỷ');
    expect(formatStated(29_807_000_000_000, 'en')).toBe('29,807\u00a0billion');
    expect(formatStated(26_349_999, 'vi')).toBe('26.349.999');
    expect(formatStated(67_910_130, 'en')).toBe('67,910,130');
    expect(formatStated(239_000_000_000_000, 'vi')).toBe('239\u00a0nghìn\u00a0tỷ');
    // formatCompact, for labels that may round, still rounds.
    expect(formatCompact(29_807_000_000_000, 'vi')).toBe('29,81\u00a0nghìn\u00a0tỷ');
  });

  it('is what a qualified figure shows: "hơn 29.807 tỷ đồng", not "hơn 29,81 nghìn tỷ"', () => {
    expect(formatQuantity(29_807_000_000_000, { vi: 'đồng', en: 'VND' }, 'vi')).toBe('29.807\u00a0tỷ đồng');
    expect(formatQuantity(29_807_000_000_000, { vi: 'đồng', en: 'VND' }, 'en')).toBe('VND\u00a029,807\u00a0billion');
  });
});

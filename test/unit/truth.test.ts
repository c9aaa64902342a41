import { describe, expect, it } from 'vitest';
import type { Figure, Indicator, Qualifier } from '../../src/lib/data/types.ts';
import { buildSeries, changeStatement, comparability, relateSameDate } from '../../src/lib/data/series.ts';
import { validateDataset } from '../../src/lib/data/load.ts';
import { formatIssue } from '../../src/lib/data/errors.ts';
import { displayCompact, displayExact, displayValue, publisherLabel } from '../../src/lib/site/display.ts';
import { changeClause, elapsed } from '../../src/lib/site/change.ts';
import { comparisonSentence, seriesSentence, takeawayFor } from '../../src/lib/charts/summary.ts';
import { CSV_HEADER, FIXTURE_INDICATORS } from '../fixtures/fixture-data.ts';

/**
 * The truth suite: every rule of the data contract and of the generated text,
 * on small synthetic series (test data, not real figures).
 */

const nb = (s: string | undefined) => (s ?? '').replace(/\u00a0/g, ' ');

const running: Indicator = {
  id: 'test-running-total',
  topic: 'identity',
  kind: 'cumulative',
  name: { vi: 'Tài khoản thử nghiệm', en: 'Test accounts' },
  unit: { vi: 'tài khoản', en: 'accounts' },
  definition: { vi: 'Dữ liệu thử nghiệm.', en: 'Test data.' },
};
const level: Indicator = { ...running, id: 'test-level', kind: 'level', unit: { vi: 'đồng', en: 'VND' }, name: { vi: 'Số tiền thử nghiệm', en: 'Test amount' } };

let line = 0;
function fig(value: number, asOf: string, options: Partial<Figure> & { publisher?: string } = {}): Figure {
  const { publisher = 'Test Daily', ...rest } = options;
  line++;
  return {
    indicator: running.id,
    value,
    asOf,
    asOfInferred: false,
    source: { title: `Test source ${line}`, publisher, url: `https://example.org/${line}` },
    quote: { text: `test ${value}`, language: 'vi', translated: false },
    release: asOf.slice(0, 7),
    location: { file: 'test.csv', line },
    ...rest,
  };
}
const series = (indicator: Indicator, figures: Figure[]) => buildSeries(indicator, figures.map((f) => ({ ...f, indicator: indicator.id })));

describe('qualifiers are part of the figure, in both languages', () => {
  const cases: Array<[Qualifier | undefined, string, string]> = [
    ['more-than', 'hơn 132,4 triệu tài khoản', 'more than 132.4 million accounts'],
    ['nearly', 'gần 86 triệu tài khoản', 'nearly 86 million accounts'],
    ['about', 'khoảng 38 triệu tài khoản', 'about 38 million accounts'],
    ['at-least', 'ít nhất 38 triệu tài khoản', 'at least 38 million accounts'],
    ['less-than', 'dưới 38 triệu tài khoản', 'less than 38 million accounts'],
    [undefined, '38 triệu tài khoản', '38 million accounts'],
  ];
  for (const [qualifier, vi, en] of cases) {
    it(`${qualifier ?? 'exact'}: "${vi}" / "${en}"`, () => {
      const value = vi.includes('132,4') ? 132_400_000 : vi.includes('86') ? 86_000_000 : 38_000_000;
      const figure = { value, ...(qualifier ? { qualifier } : {}) };
      expect(nb(displayValue(running, figure, 'vi'))).toBe(vi);
      expect(nb(displayValue(running, figure, 'en'))).toBe(en);
    });
  }
  it('tables, big numbers and ratios keep the qualifier too', () => {
    expect(nb(displayExact(running, { value: 20_000, qualifier: 'more-than' }, 'vi'))).toBe('hơn 20.000');
    expect(nb(displayCompact(running, { value: 1_800_000, qualifier: 'more-than' }, 'en').value)).toBe('more than 1.8 million');
    expect(displayExact(running, { value: 54, total: 76, qualifier: 'nearly' }, 'vi')).toBe('gần\u00a054/76');
  });
});

describe('publishers are named in the reader\'s language, with the edition that was read', () => {
  it('a translated edition says so; an institution has its name in each language', () => {
    expect(publisherLabel({ publisher: 'Lao Động', edition: 'en' }, 'vi')).toBe('Lao Động (bản tiếng Anh)');
    expect(publisherLabel({ publisher: 'Lao Động', edition: 'ja' }, 'en')).toBe('Lao Động (Japanese edition)');
    expect(publisherLabel({ publisher: 'Bộ Công an', publisherEn: 'Ministry of Public Security', edition: 'en' }, 'vi')).toBe('Bộ Công an (bản tiếng Anh)');
    expect(publisherLabel({ publisher: 'Bộ Công an', publisherEn: 'Ministry of Public Security' }, 'en')).toBe('Ministry of Public Security');
    expect(publisherLabel({ publisher: 'Biometric Update' }, 'vi')).toBe('Biometric Update');
  });
});

describe('the four same-date cases are told apart', () => {
  it('the same value stated again is a restatement, not a revision', () => {
    const s = series(running, [fig(63_000_000, '2025-08-15', { release: '2025-08' }), fig(63_000_000, '2025-08-15', { release: '2025-09' })]);
    expect(s.points[0]!.sameDate.map((x) => x.relation)).toEqual(['restatement']);
    expect(s.points[0]!.revisions).toEqual([]);
    expect(s.points[0]!.sourcesDisagree).toBe(false);
  });
  it('a rounded statement of an exact figure is the same figure; the exact one stands', () => {
    const exact = fig(33_920_141, '2021-04-27', { publisher: 'Paper A', release: '2021-04' });
    const rounded = fig(33_900_000, '2021-04-27', { publisher: 'Paper B', release: '2021-05' });
    const s = series(running, [exact, rounded]);
    expect(s.points[0]!.sameDate.map((x) => x.relation)).toEqual(['rounding']);
    expect(s.points[0]!.value).toBe(33_920_141);
    expect(s.points[0]!.revisions).toEqual([]);
    // and the other way round: "hơn 32 triệu" first, 32.062.931 later — the exact figure becomes primary
    const s2 = series(running, [fig(32_000_000, '2024-10-02', { qualifier: 'more-than', publisher: 'A' }), fig(32_062_931, '2024-10-02', { publisher: 'B' })]);
    expect(s2.points[0]!.sameDate.map((x) => x.relation)).toEqual(['rounding']);
    expect(s2.points[0]!.value).toBe(32_062_931);
    expect(s2.points[0]!.sourcesDisagree).toBe(false);
    // the relation describes the rounded figure, whichever came first
    expect(s2.points[0]!.sameDate[0]!.rounded!.value).toBe(32_000_000);
    expect(s.points[0]!.sameDate[0]!.rounded!.value).toBe(33_900_000);
  });
  it('"more than 32 million" is not a rounding of 31.9 million', () => {
    expect(relateSameDate(fig(32_000_000, '2024-10-02', { qualifier: 'more-than', publisher: 'A' }), fig(31_950_000, '2024-10-02', { publisher: 'B' }))).toBe('disagreement');
  });
  it('the same publisher giving another value in a later release is a revision', () => {
    const s = series(running, [fig(41_000_000, '2024-07-15', { release: '2024-07' }), fig(41_500_000, '2024-07-15', { release: '2024-08' })]);
    expect(s.points[0]!.sameDate.map((x) => x.relation)).toEqual(['revision']);
    expect(s.points[0]!.value).toBe(41_500_000);
    expect(s.points[0]!.revisions).toHaveLength(1);
  });
  it('another publisher giving another value is a disagreement: both stand, neither is revised', () => {
    const s = series(running, [fig(12_275, '2023-06', { publisher: 'Police paper', release: '2023-06' }), fig(12_455, '2023-06', { publisher: 'Insurance agency', release: '2023-07' })]);
    expect(s.points[0]!.sameDate.map((x) => x.relation)).toEqual(['disagreement']);
    expect(s.points[0]!.current.map((f) => f.value)).toEqual([12_275, 12_455]);
    expect(s.points[0]!.revisions).toEqual([]);
    expect(s.points[0]!.sourcesDisagree).toBe(true);
  });
  it('a maintainer can state the relation where the data cannot decide', () => {
    const s = series(running, [fig(41_000_000, '2024-07-15', { publisher: 'A', release: '2024-07' }), fig(41_500_000, '2024-07-15', { publisher: 'B', release: '2024-08', sameDate: 'revision' })]);
    expect(s.points[0]!.sameDate.map((x) => x.relation)).toEqual(['revision']);
  });
});

describe('a change is stated only between comparable figures', () => {
  const said = (s: ReturnType<typeof series>, locale: 'vi' | 'en' = 'vi') => nb(changeClause(s, s.points.at(-1)!, locale));

  it('exact figures: the difference and how long it took', () => {
    const s = series(running, [fig(80_500_000, '2023-06-19'), fig(87_000_000, '2025-06-02')]);
    expect(said(s)).toBe('tăng 6,5 triệu tài khoản trong 1 năm 11 tháng so với số liệu trước đó (19/6/2023)');
    expect(said(s, 'en')).toBe('up 6.5 million accounts in 1 year 11 months from the previous figure (19 June 2023)');
  });
  it('no change across a break', () => {
    const s = series(running, [fig(63_600_000, '2025-01'), fig(108_000_000, '2025-04', { seriesBreak: { vi: 'đổi cách đếm', en: 'counted differently' } })]);
    expect(comparability(s, s.points[0]!, s.points[1]!)).toBe('break');
    expect(said(s)).not.toMatch(/tăng|giảm|44,4/);
    expect(said(s)).toContain('cách tính đã đổi');
  });
  it('no change across an unknown or a different period', () => {
    const unknown = series(running, [fig(20_700_000, '2023-07-12'), fig(30_600_000, '2025-02-13', { period: 'unknown' })]);
    expect(said(unknown)).not.toMatch(/tăng|giảm|9,9/);
    const other = series(running, [fig(10e9, '2025-08-31', { period: { vi: 'riêng khoản quà Quốc khánh', en: 'the National Day gift only' } }), fig(326.8e9, '2025-09-24')]);
    expect(said(other)).not.toMatch(/tăng|316,8/);
  });
  it('no change from or to a point where sources disagree, nor for a running total reported lower', () => {
    const disputed = series(running, [fig(12_275, '2023-02'), fig(12_275, '2023-06', { publisher: 'A' }), fig(12_455, '2023-06', { publisher: 'B' })]);
    expect(said(disputed)).not.toMatch(/tăng|giảm|không đổi/);
    const lower = series(running, [fig(9_580_000, '2024-10-07'), fig(4_000_000, '2024-11-06', { note: { vi: 'nguồn khác', en: 'another source' } }), fig(17_100_000, '2025-06-02')]);
    expect(lower.points[1]!.belowEarlier).toBeDefined();
    expect(nb(changeClause(lower, lower.points[1]!, 'vi'))).not.toMatch(/giảm|5,58/);
    expect(said(lower)).not.toMatch(/tăng|13,1/);
  });
  it('with qualifiers, only what can be said', () => {
    // nearly 3.3 M, then over 3.3 M: it passed the mark
    const passed = series(running, [fig(3_300_000, '2022-12', { qualifier: 'nearly' }), fig(3_300_000, '2024-04', { qualifier: 'more-than' })]);
    expect(said(passed)).toBe('vượt mốc 3,3 triệu tài khoản trong 1 năm 4 tháng; số liệu trước đó là gần 3,3 triệu tài khoản (tháng 12/2022)');
    expect(said(passed)).not.toMatch(/không đổi/);
    // exact then "more than": rose by more than the difference
    expect(said(series(running, [fig(2_100_000, '2022-07'), fig(8_000_000, '2023-07', { qualifier: 'more-than' })]))).toMatch(/^tăng hơn 5,9 triệu/);
    // "about" at one end: about the difference
    expect(said(series(running, [fig(2_100_000, '2022-07'), fig(8_000_000, '2023-07', { qualifier: 'about' })]))).toMatch(/^tăng khoảng 5,9 triệu/);
    // "more than" at both ends: no number, no verb
    const both = said(series(running, [fig(15_000, '2024-07', { qualifier: 'more-than' }), fig(57_273, '2025-06', { qualifier: 'more-than' })]));
    expect(both).toBe('số liệu trước đó là hơn 15.000 tài khoản (tháng 7/2024)');
    // "nearly" after an exact figure: the size is unknown
    expect(said(series(running, [fig(2_100_000, '2022-07'), fig(8_000_000, '2023-07', { qualifier: 'nearly' })]))).not.toMatch(/tăng|giảm/);
  });
  it('unchanged exact figures say "không đổi", never "0 so với"', () => {
    const s = series(level, [fig(18, '2025-07'), fig(18, '2025-08-28')]);
    expect(said(s)).toBe('không đổi so với số liệu trước đó (tháng 7/2025)');
  });
  it('changeStatement never gives a precise difference from an approximate figure', () => {
    const qualifiers: Array<Qualifier | undefined> = [undefined, 'more-than', 'at-least', 'nearly', 'about', 'less-than'];
    for (const a of qualifiers) {
      for (const b of qualifiers) {
        const statement = changeStatement({ value: 10, ...(a ? { qualifier: a } : {}) }, { value: 20, ...(b ? { qualifier: b } : {}) });
        if (a !== undefined || b !== undefined) expect(statement.kind).not.toBe('exact');
      }
    }
  });
  it('an inferred date is flagged, and no time span is claimed from it', () => {
    const s = series(running, [fig(37_100_000, '2023-06-19'), fig(73_800_000, '2023-09', { asOfInferred: true })]);
    expect(said(s)).toBe('tăng 36,7 triệu tài khoản so với số liệu trước đó (19/6/2023)');
    expect(nb(takeawayFor(s, 'vi'))).toContain('(tháng 9/2023, ngày ước định)');
  });
  it('a lower bound is never rounded up: "more than 10,058,433" reads "hơn 10,05 triệu"', () => {
    const s = series(running, [fig(90_141_567, '2023-08-14'), fig(100_200_000, '2025-04-05', { qualifier: 'more-than' })]);
    expect(said(s)).toMatch(/^tăng hơn 10,05 triệu/);
  });
  it('a figure out of a total and one without are not compared, and not said to have "another total"', () => {
    const s = series(level, [fig(11_449, '2024-06-14', { total: 22_730 }), fig(45_000, '2024-10-02', { qualifier: 'more-than' })]);
    expect(said(s)).not.toMatch(/tổng số khác|tăng/);
    expect(said(s)).toContain('một trong hai số được nêu trên một tổng số');
  });
  it('elapsed time is counted in whole months, or days under a month', () => {
    expect(elapsed('2024-07-15', '2024-08-20', 'vi')).toBe('trong 1 tháng');
    expect(elapsed('2024-07-15', '2024-07-20', 'en')).toBe('in 5 days');
    expect(elapsed('2023-06-19', '2025-06-19', 'vi')).toBe('trong 2 năm');
    expect(elapsed('2024-07', '2024-07-20', 'vi')).toBe('');
  });
});

describe('summaries describe the whole series', () => {
  it('a series that goes up and down is not said to have "stayed" or "risen"', () => {
    const s = series(level, [fig(2.5e12, '2023-07'), fig(2.505e12, '2023-11'), fig(4e12, '2024-06'), fig(2.5e12, '2024-11')]);
    const text = nb(seriesSentence(s, 'vi'));
    expect(text).toContain('lúc tăng lúc giảm');
    expect(text).toContain('thấp nhất 2,5 nghìn tỷ đồng');
    expect(text).toContain('cao nhất 4 nghìn tỷ đồng (tháng 6/2024)');
    expect(text).not.toMatch(/giữ nguyên|tăng từ/);
    expect(nb(seriesSentence(s, 'en'))).toContain('go up and down');
  });
  it('a series that rose and then held is "never lower", not "up and down"; two "about" figures are not "unchanged"', () => {
    const held = series(level, [fig(22, '2024-07'), fig(32, '2025-08-15'), fig(32, '2025-09-22')]);
    expect(nb(seriesSentence(held, 'vi'))).toContain('Không số so sánh được nào thấp hơn số liệu trước đó.');
    expect(nb(seriesSentence(held, 'vi'))).not.toContain('lúc tăng lúc giảm');
    const about = series(level, [fig(57e6, '2025-08-15', { qualifier: 'about' }), fig(57e6, '2025-10-10', { qualifier: 'about' })]);
    expect(nb(seriesSentence(about, 'vi'))).not.toContain('không đổi');
  });
  it('a rising series says each comparable figure is higher, and names breaks and unknown periods', () => {
    const s = series(running, [fig(1, '2023-01'), fig(2, '2023-06'), fig(5, '2024-01', { seriesBreak: { vi: 'tính cả tra cứu bằng số định danh', en: 'now including look-ups by ID number' } }), fig(9, '2024-06', { period: 'unknown' })]);
    const text = nb(seriesSentence(s, 'vi'));
    expect(text).toContain('Mỗi số so sánh được đều cao hơn số liệu trước đó.');
    expect(text).toContain('Từ tháng 1/2024, số liệu theo cách tính khác, không so sánh với các số trước đó: tính cả tra cứu bằng số định danh.');
    expect(text).toContain('1 số liệu không rõ được tính trong kỳ nào');
  });
  it('takeaways start from the latest figure with its qualifier', () => {
    const s = series(running, [fig(52_700_000, '2023-09'), fig(62_000_000, '2025-04-22', { qualifier: 'more-than' })]);
    expect(nb(takeawayFor(s, 'vi'))).toBe('Hơn 62 triệu tài khoản (22/4/2025), tăng hơn 9,3 triệu tài khoản trong 1 năm 7 tháng so với số liệu trước đó (tháng 9/2023).');
  });
  it('comparisons list, rank nothing, and say "higher" for two only when certain', () => {
    const a = series({ ...running, id: 'a', name: { vi: 'Tài khoản A', en: 'Accounts A' } }, [fig(148_000_000, '2025-09')]);
    const b = series({ ...running, id: 'b', name: { vi: 'Tài khoản B', en: 'Accounts B' } }, [fig(19_000_000, '2024-07-05')]);
    const text = nb(comparisonSentence([{ series: a, point: a.points[0]! }, { series: b, point: b.points[0]! }], 'vi'));
    expect(text).not.toMatch(/lớn nhất|nhỏ nhất/i);
    expect(text).toContain('Số của tài khoản A cao hơn số của tài khoản B.');
    expect(text).toContain('Các số tính đến những thời điểm khác nhau.');
    const c = series({ ...running, id: 'c', name: { vi: 'Tài khoản C', en: 'Accounts C' } }, [fig(140_000_000, '2025-09', { qualifier: 'more-than' })]);
    const unsure = nb(comparisonSentence([{ series: a, point: a.points[0]! }, { series: c, point: c.points[0]! }], 'en'));
    expect(unsure).not.toMatch(/higher|lower|largest|smallest/);
  });
});

describe('validation: the quote holds the value and its qualifier', () => {
  const encoder = new TextEncoder();
  const check = (row: string, header = CSV_HEADER) => validateDataset({
    catalogue: { file: 'data/indicators.json', text: JSON.stringify({ indicators: FIXTURE_INDICATORS }) },
    months: [{ file: 'data/months/2024-07.csv', name: '2024-07.csv', bytes: encoder.encode(`${header}\n${row}\n`) }],
  }).issues.map(formatIssue);
  const base = (qualifier: string, value: string, quote: string, extra = '') =>
    `eid-accounts-activated,${qualifier},${value},,2024-07-15,,T,Test Daily,2024-07-20,https://example.org/t,"${quote}",${extra}`;

  it('accepts a value written the way the source writes it, in several languages', () => {
    expect(check(base('more-than', '132400000', 'hơn 132,4 triệu hồ sơ', ',,,'))).toEqual([]);
    expect(check(base('', '26300000', 'của 26,3 triệu hồ sơ khách hàng', ',,,'))).toEqual([]);
    expect(check(base('more-than', '128900000', 'more than 128.9 million individual customer records', 'en,yes,,'))).toEqual([]);
    expect(check(base('about', '10000000000', 'rund 10 Milliarden VND', 'de,yes,,'))).toEqual([]);
    expect(check(base('', '148000000', '1億4800万件', 'ja,yes,,'))).toEqual([]);
  });
  it('a value that is not in the quote names the row and the field', () => {
    const [issue] = check(base('', '26300000', 'của 23,6 triệu hồ sơ', ',,,'));
    expect(issue).toMatch(/^data\/months\/2024-07\.csv:2 field "quote": found "của 23,6 triệu hồ sơ"; expected a sentence of the source in which the value 26300000 can be read/);
  });
  it('a dropped qualifier is caught, with the words of the quote', () => {
    const [issue] = check(base('', '86000000', 'loại bỏ gần 86 triệu tài khoản', ',,,'));
    expect(issue).toContain('field "qualifier": found ""; expected nearly: the quote says "86 triệu"');
  });
  it('a justified exception is accepted', () => {
    const header = 'indicator,qualifier,value,total,as_of,as_of_inferred,source_title,source_publisher,source_published,source_url,quote,quote_exception';
    expect(check(base('', '3', 'ba tiện ích mới', 'the source writes the number in words (ba)'), header)).toEqual([]);
    expect(check(base('', '3', 'ba tiện ích mới', ''), header)[0]).toContain('field "quote"');
  });
  it('a figure without a quote is refused', () => {
    const [issue] = check('eid-accounts-activated,,41000000,,2024-07-15,,T,Test Daily,2024-07-20,https://example.org/t,,,,,');
    expect(issue).toContain('field "quote": missing; expected the sentence of the source that holds the number');
  });
  it('a publisher with ";" (a meeting or report glued to the name) is refused', () => {
    const [issue] = check('eid-accounts-activated,,41000000,,2024-07-15,,T,Lao Động; họp báo,2024-07-20,https://example.org/t,41 triệu,,,,');
    expect(issue).toContain('field "source_publisher": found "Lao Động; họp báo"; expected the publisher\'s name only');
  });

  it('an unknown qualifier or same-date word names the allowed words', () => {
    const [issue] = check(base('roughly', '41000000', '41 triệu', ',,,'));
    expect(issue).toContain('field "qualifier": found "roughly"; expected empty when the source gives the number exactly, or one of: more-than (hơn, trên)');
  });
});

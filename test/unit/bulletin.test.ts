import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/data/load.ts';
import { releaseChanges, seriesAt } from '../../src/lib/data/releases.ts';
import { bulletinText } from '../../src/lib/bulletin/sentences.ts';
import { AUGUST_2024_JSON, FIXTURE_INDICATORS, JULY_2024_CSV, SEPTEMBER_2024_CSV } from '../fixtures/fixture-data.ts';

const encoder = new TextEncoder();
const dataset = loadDataset({
  catalogue: { file: 'indicators.json', text: JSON.stringify({ indicators: FIXTURE_INDICATORS }) },
  months: Object.entries({ '2024-07.csv': JULY_2024_CSV, '2024-08.json': AUGUST_2024_JSON, '2024-09.csv': SEPTEMBER_2024_CSV }).map(([name, text]) => ({ file: `months/${name}`, name, bytes: encoder.encode(text) })),
});
const [july, august, september] = releaseChanges(dataset);
/** The series as they stood after each release: what that release's bulletin is written from. */
const at = (changes: typeof august) => seriesAt(dataset, changes!.release.id);
const nb = (s: string) => s.replace(/\u00a0/g, ' ');

describe('bulletin text', () => {
  it('the lede counts the release exactly, in both languages', () => {
    expect(nb(bulletinText(august!, at(august), 'vi').lede)).toBe('Tháng 8/2024: bản cập nhật này ghi 5 số liệu về 4 chỉ số của Đề án 06, trong đó 2 chỉ số lần đầu có số liệu; 1 số liệu được chính nguồn đã công bố điều chỉnh.');
    expect(nb(bulletinText(august!, at(august), 'en').lede)).toBe('August 2024: this update holds 5 figures for 4 Project 06 indicators, 2 of them reported for the first time; 1 figure is revised by its publisher.');
    expect(nb(bulletinText(september!, at(september), 'en').lede)).toBe('September 2024: this update holds 2 figures for 2 Project 06 indicators.');
  });

  it('when every indicator is new, the lede says all, not "of which"', () => {
    expect(nb(bulletinText(july!, at(july), 'vi').lede)).toBe('Tháng 7/2024: bản cập nhật này ghi 4 số liệu về 3 chỉ số của Đề án 06, tất cả đều lần đầu có số liệu.');
    expect(nb(bulletinText(july!, at(july), 'en').lede)).toBe('July 2024: this update holds 4 figures for 3 Project 06 indicators, all reported for the first time.');
  });

  it('each change states the new figure, what can be said of the change, how long it took and the previous date', () => {
    const vi = bulletinText(august!, at(august), 'vi').changes.map((c) => `${c.lead}: ${nb(c.clause)}`);
    const en = bulletinText(august!, at(august), 'en').changes.map((c) => `${c.lead}: ${nb(c.clause)}`);
    expect(vi).toEqual([
      'Tài khoản định danh điện tử đã kích hoạt: hơn 45,2 triệu tài khoản (20/8/2024), tăng hơn 3,7 triệu tài khoản trong 1 tháng so với số liệu trước đó (15/7/2024).',
      'Tài khoản định danh điện tử mức 2: lần đầu có số liệu, 30,1 triệu tài khoản (20/8/2024).',
      'Dịch vụ công thiết yếu trực tuyến: 54/76 dịch vụ (10/8/2024), số liệu trước đó là 25/53 dịch vụ (tháng 7/2024, ngày ước định), trên một tổng số khác.',
      'Lượt dùng VNeID mỗi tháng: lần đầu có số liệu, khoảng 1,25 triệu lượt (tháng 8/2024).',
    ]);
    expect(en).toEqual([
      'Electronic ID accounts activated: more than 45.2 million accounts (20 August 2024), up more than 3.7 million accounts in 1 month from the previous figure (15 July 2024).',
      'Level-2 electronic ID accounts: first figure, 30.1 million accounts (20 August 2024).',
      'Essential public services online: 54/76 services (10 August 2024), the previous figure was 25/53 services (July 2024, inferred date), out of a different total.',
      'VNeID uses per month: first figure, about 1.25 million uses (August 2024).',
    ]);
  });

  it('no difference is computed from a "more than" figure to an exact one', () => {
    const text = bulletinText(september!, at(september), 'vi').changes.find((c) => c.indicator.id === 'eid-accounts-activated')!;
    expect(nb(text.clause)).toBe('48,7 triệu tài khoản (18/9/2024), số liệu trước đó là hơn 45,2 triệu tài khoản (20/8/2024).');
  });

  it('a rate changes in percentage points', () => {
    const text = bulletinText(september!, at(september), 'vi').changes.find((c) => c.indicator.id === 'online-dossier-rate')!;
    expect(nb(text.clause)).toBe('52,25% (tháng 9/2024), tăng 11,75 điểm phần trăm trong 2 tháng so với số liệu trước đó (tháng 7/2024).');
  });

  it('the numbers in every sentence equal the data', () => {
    for (const changes of [august!, september!]) {
      for (const { indicator, after } of changes.changedLatest) {
        const clause = nb(bulletinText(changes, at(changes), 'en').changes.find((c) => c.indicator.id === indicator.id)!.clause);
        const numbers = [...clause.replace(/\(\d+ \w+ \d{4}\)|\(\w+ \d{4}\)|in \d+ months?/g, '').matchAll(/(\d[\d,]*(?:\.\d+)?)( million)?/g)].map((m) => Number(m[1]!.replace(/,/g, '')) * (m[2] ? 1e6 : 1));
        const expected = after.total !== undefined ? [after.value, after.total] : [after.value];
        const round = (n: number) => Math.round(n * 100) / 100;
        expect(numbers.slice(0, expected.length).map(round)).toEqual(expected);
        const before = at(changes).get(indicator.id)!.points.at(-2);
        if (before && /\b(up|down)\b/.test(clause)) expect(round(numbers[expected.length]!)).toBe(round(Math.abs(after.value - before.value)));
      }
    }
  });

  it('revisions say old and new values', () => {
    expect(nb(bulletinText(august!, at(august), 'vi').revisions[0]!)).toBe('Fixture Gazette (bản tiếng Anh) điều chỉnh số liệu tài khoản định danh điện tử đã kích hoạt tính đến 15/7/2024: nay là 41,5 triệu tài khoản, trước đó ghi 41 triệu tài khoản.');
  });
});

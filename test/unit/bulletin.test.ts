import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/data/load.ts';
import { releaseChanges } from '../../src/lib/data/releases.ts';
import { bulletinText } from '../../src/lib/bulletin/sentences.ts';
import { AUGUST_2024_JSON, FIXTURE_INDICATORS, JULY_2024_CSV, SEPTEMBER_2024_CSV } from '../fixtures/fixture-data.ts';

const encoder = new TextEncoder();
const dataset = loadDataset({
  catalogue: { file: 'indicators.json', text: JSON.stringify({ indicators: FIXTURE_INDICATORS }) },
  months: Object.entries({ '2024-07.csv': JULY_2024_CSV, '2024-08.json': AUGUST_2024_JSON, '2024-09.csv': SEPTEMBER_2024_CSV }).map(([name, text]) => ({ file: `months/${name}`, name, bytes: encoder.encode(text) })),
});
const indicators = new Map(dataset.indicators.map((i) => [i.id, i]));
const [, august, september] = releaseChanges(dataset);
const nb = (s: string) => s.replace(/\u00a0/g, ' ');

describe('bulletin text', () => {
  it('the lede counts the release exactly, in both languages', () => {
    expect(nb(bulletinText(august!, indicators, 'vi').lede)).toBe('Tháng 8/2024, các nguồn công khai đưa ra 5 số liệu về 4 chỉ số của Đề án 06, trong đó 2 chỉ số lần đầu có số liệu; 1 số liệu cũ được điều chỉnh.');
    expect(nb(bulletinText(august!, indicators, 'en').lede)).toBe('In August 2024, public sources gave 5 figures for 4 Project 06 indicators, 2 of them reported for the first time; 1 earlier figure was revised.');
    expect(nb(bulletinText(september!, indicators, 'en').lede)).toBe('In September 2024, public sources gave 2 figures for 2 Project 06 indicators.');
  });

  it('each change states the new figure, the change and the previous date', () => {
    const vi = bulletinText(august!, indicators, 'vi').changes.map((c) => `${c.lead}: ${nb(c.clause)}`);
    const en = bulletinText(august!, indicators, 'en').changes.map((c) => `${c.lead}: ${nb(c.clause)}`);
    expect(vi).toEqual([
      'Tài khoản định danh điện tử đã kích hoạt: 45,2 triệu tài khoản (20/8/2024), tăng 3,7 triệu tài khoản so với lần công bố trước (15/7/2024).',
      'Tài khoản định danh điện tử mức 2: lần đầu có số liệu, 30,1 triệu tài khoản (20/8/2024).',
      'Dịch vụ công thiết yếu trực tuyến: 54/76 dịch vụ (10/8/2024); lần công bố trước là 25/53 dịch vụ (tháng 7/2024), trên một tổng số khác.',
      'Lượt dùng VNeID mỗi tháng (mỗi tháng): lần đầu có số liệu, 1,25 triệu lượt (tháng 8/2024).',
    ]);
    expect(en).toEqual([
      'Electronic ID accounts activated: 45.2 million accounts (20 August 2024), up 3.7 million accounts from the previous figure (15 July 2024).',
      'Level-2 electronic ID accounts: first figure, 30.1 million accounts (20 August 2024).',
      'Essential public services online: 54/76 services (10 August 2024); the previous figure was 25/53 services (July 2024), out of a different total.',
      'VNeID uses per month (per month): first figure, 1.25 million uses (August 2024).',
    ]);
  });

  it('a rate changes in percentage points', () => {
    const text = bulletinText(september!, indicators, 'vi').changes.find((c) => c.indicator.id === 'online-dossier-rate')!;
    expect(nb(text.clause)).toBe('52,25% (tháng 9/2024), tăng 11,75 điểm phần trăm so với lần công bố trước (tháng 7/2024).');
  });

  it('the numbers in every sentence equal the data', () => {
    for (const changes of [august!, september!]) {
      for (const { indicator, before, after } of changes.changedLatest) {
        const clause = nb(bulletinText(changes, indicators, 'en').changes.find((c) => c.indicator.id === indicator.id)!.clause);
        const numbers = [...clause.replace(/\(\d+ \w+ \d{4}\)|\(\w+ \d{4}\)/g, '').matchAll(/(\d[\d,]*(?:\.\d+)?)( million)?/g)].map((m) => Number(m[1]!.replace(/,/g, '')) * (m[2] ? 1e6 : 1));
        const expected = after.total !== undefined ? [after.value, after.total] : [after.value];
        const round = (n: number) => Math.round(n * 100) / 100;
        expect(numbers.slice(0, expected.length).map(round)).toEqual(expected);
        if (before && before.total === after.total && after.value !== before.value) expect(round(numbers[expected.length]!)).toBe(round(Math.abs(after.value - before.value)));
      }
    }
  });

  it('revisions say old and new values', () => {
    expect(nb(bulletinText(august!, indicators, 'vi').revisions[0]!)).toBe('Số liệu tài khoản định danh điện tử đã kích hoạt tại 15/7/2024 được nêu lại là 41,5 triệu tài khoản; bản trước ghi 41 triệu tài khoản.');
  });
});

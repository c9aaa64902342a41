import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/lib/data/load.ts';
import type { DataFiles } from '../../src/lib/data/load.ts';
import { formatIssue } from '../../src/lib/data/errors.ts';
import { formatLock, parseLock, recordReleases } from '../../src/lib/data/release-lock.ts';
import { AUGUST_2024_JSON, FIXTURE_INDICATORS, JULY_2024_CSV, SEPTEMBER_2024_CSV } from '../fixtures/fixture-data.ts';

const encoder = new TextEncoder();
const monthsOf = (months: Record<string, string>) => Object.entries(months).map(([name, text]) => ({ file: `data/months/${name}`, name, bytes: encoder.encode(text) }));
const files = (months: Record<string, string>, lockText?: string): DataFiles => ({
  catalogue: { file: 'data/indicators.json', text: JSON.stringify({ indicators: FIXTURE_INDICATORS }) },
  months: monthsOf(months),
  lock: { file: 'data/releases.lock.json', ...(lockText !== undefined ? { text: lockText } : {}) },
});
const published = { '2024-07.csv': JULY_2024_CSV, '2024-08.json': AUGUST_2024_JSON };
/** The lock as check-data writes it once July and August are published. */
const lockText = formatLock(recordReleases({ releases: [] }, validateDataset(files(published)).unrecorded));

describe('published releases never change', () => {
  it('with no lock yet, every month file is a new release to record', () => {
    expect(validateDataset(files(published)).unrecorded.map((m) => [m.id, m.file])).toEqual([['2024-07', 'months/2024-07.csv'], ['2024-08', 'months/2024-08.json']]);
    expect(parseLock(lockText, 'x').lock.releases.map((r) => r.id)).toEqual(['2024-07', '2024-08']);
  });

  it('the published files, unchanged, pass; a newer month is a new release', () => {
    const { issues, unrecorded } = validateDataset(files({ ...published, '2024-09.csv': SEPTEMBER_2024_CSV }, lockText));
    expect(issues).toEqual([]);
    expect(unrecorded.map((m) => m.id)).toEqual(['2024-09']);
  });

  it('an edited published month file is refused, with the correction procedure', () => {
    const edited = JULY_2024_CSV.replace('Fixture report June', 'Fixture report of June');
    const [issue, ...rest] = validateDataset(files({ ...published, '2024-07.csv': edited }, lockText)).issues;
    expect(rest).toEqual([]);
    expect(formatIssue(issue!)).toMatch(/^data\/months\/2024-07\.csv field "file": found "a changed file"; expected the file as it was published \(data\/releases\.lock\.json records its sha256\): a published release never changes\. Undo the edit \(git checkout -- data\/months\/2024-07\.csv\) and put the corrected figure in the newest month file/);
  });

  it('a month file dated before the newest release is refused, even if its figures are valid', () => {
    const june = SEPTEMBER_2024_CSV.split('\n').filter((line) => !line.startsWith('eid-')).join('\n').replaceAll('2024-09', '2024-06');
    const [issue, ...rest] = validateDataset(files({ ...published, '2024-06.csv': june }, lockText)).issues;
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ file: 'data/months/2024-06.csv', field: 'file name', found: '2024-06' });
    expect(issue!.expected).toContain('a month after the newest published release (2024-08)');
  });

  it('a published month file that disappeared is refused', () => {
    const [issue] = validateDataset(files({ '2024-07.csv': JULY_2024_CSV }, lockText)).issues;
    expect(issue).toMatchObject({ file: 'data/months/2024-08.json' });
    expect(issue!.expected).toContain('never removed or renamed');
  });

  it('a hand-edited lock is refused with one clear message', () => {
    const [issue] = validateDataset(files(published, lockText.replace(/"sha256":"[0-9a-f]+"/, '"sha256":"x"'))).issues;
    expect(issue!.expected).toContain('restore the file from git');
  });
});

describe('a correction replaces history without editing it', () => {
  const header = 'indicator,qualifier,value,total,as_of,as_of_inferred,source_title,source_publisher,source_published,source_url,quote,correction,correction_en';
  const september = (row: string) => `${header}\n${row}\n`;
  const fix = 'eid-accounts-activated,,41000000,,2024-06-30,,Fixture report June,Fixture Gazette,2024-07-02,https://example.org/june,"Đến 30/6/2024, 41 triệu tài khoản đã được kích hoạt.",Sửa lỗi chép số: nguồn ghi 41 triệu,Copying error fixed: the source says 41 million';

  it('the corrected figure replaces ours from the same source, in a later month, with its reason', async () => {
    const { dataset, issues } = validateDataset(files({ ...published, '2024-09.csv': september(fix) }, lockText));
    expect(issues).toEqual([]);
    const { seriesAt, releaseChanges } = await import('../../src/lib/data/releases.ts');
    const point = seriesAt(dataset).get('eid-accounts-activated')!.points.find((p) => p.asOf === '2024-06-30')!;
    expect(point.sameDate.map((s) => [s.relation, s.earlier.value, s.figure.value])).toEqual([['correction', 40_000_000, 41_000_000]]);
    expect(point.value).toBe(41_000_000);
    expect(point.revisions).toEqual([]);
    const changes = releaseChanges(dataset).at(-1)!;
    expect(changes.corrections).toHaveLength(1);
    const { bulletinText } = await import('../../src/lib/bulletin/sentences.ts');
    const text = bulletinText(changes, seriesAt(dataset, '2024-09'), 'vi');
    expect(text.lede).toContain('1 số liệu đã đăng được đính chính');
    expect(text.corrections[0]!.replace(/\u00a0/g, ' ')).toBe('Đính chính số liệu tài khoản định danh điện tử đã kích hoạt tính đến 30/6/2024: Fixture Gazette nêu 41 triệu tài khoản; bản 2024-07 đã ghi sai là 40 triệu tài khoản. Lý do: Sửa lỗi chép số: nguồn ghi 41 triệu');
  });

  it('a correction that matches no published figure is refused, naming the row', () => {
    const [issue] = validateDataset(files({ ...published, '2024-09.csv': september(fix.replace('https://example.org/june', 'https://example.org/other')) }, lockText)).issues;
    expect(issue).toMatchObject({ file: 'data/months/2024-09.csv', line: 2, field: 'correction' });
    expect(issue!.expected).toContain('no such figure stands');
  });
});

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { JULY_2024_CSV, SEPTEMBER_2024_CSV, writeFixtureData, writeFixtureSite } from '../fixtures/fixture-data.ts';

const root = join(import.meta.dirname, '..', '..');
const checkData = (dataDir: string, ...args: string[]) => spawnSync(process.execPath, ['scripts/check-data.ts', ...args, dataDir], { cwd: root, encoding: 'utf8' });

describe('npm run check-data records what is published, and refuses to rewrite it', () => {
  it('records new months, refuses an edited one, and re-records only the newest before it is online', () => {
    const work = mkdtempSync(join(tmpdir(), 'lock-'));
    try {
      const dataDir = writeFixtureData(join(work, 'data'));
      const first = checkData(dataDir);
      expect(first.status).toBe(0);
      expect(first.stdout).toContain('Recorded 2 new releases (2024-07, 2024-08) in data/releases.lock.json, with the catalogue they are drawn with');
      expect(first.stdout).toContain('commit them with the month files');
      const lock = readFileSync(join(dataDir, 'releases.lock.json'), 'utf8');
      expect(checkData(dataDir).stdout).not.toContain('Recorded');
      expect(readFileSync(join(dataDir, 'releases.lock.json'), 'utf8')).toBe(lock);

      writeFileSync(join(dataDir, 'months', '2024-07.csv'), JULY_2024_CSV.replace('Fixture report June', 'Fixture report of June'));
      const edited = checkData(dataDir);
      expect(edited.status).toBe(1);
      expect(edited.stderr).toContain('months/2024-07.csv field "file": found "a changed file"; expected the file as it was published');
      expect(checkData(dataDir, '--rerecord', '2024-07').stderr).toContain('Only the newest recorded release (2024-08) can be re-recorded');
      writeFileSync(join(dataDir, 'months', '2024-07.csv'), JULY_2024_CSV);

      writeFileSync(join(dataDir, 'months', '2024-09.csv'), SEPTEMBER_2024_CSV);
      expect(checkData(dataDir).stdout).toContain('Recorded a new release (2024-09)');
      writeFileSync(join(dataDir, 'months', '2024-09.csv'), SEPTEMBER_2024_CSV.replace('Fixture rate September', 'Fixture rate for September'));
      expect(checkData(dataDir).status).toBe(1);
      const rerecorded = checkData(dataDir, '--rerecord', '2024-09');
      expect(rerecorded.status).toBe(0);
      expect(rerecorded.stdout).toContain('Recorded a new release (2024-09)');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('a correction shows on the figure, the indicator page, the bulletin and the feed', () => {
  it('builds a fixture site whose newest month corrects a published figure', () => {
    const work = mkdtempSync(join(tmpdir(), 'correction-'));
    try {
      const { dataDir, env } = writeFixtureSite(work);
      const header = 'indicator,qualifier,value,total,as_of,as_of_inferred,source_title,source_publisher,source_published,source_url,quote,correction,correction_en';
      const row = 'eid-accounts-activated,,41000000,,2024-06-30,,Fixture report June,Fixture Gazette,2024-07-02,https://example.org/june,"Đến 30/6/2024, 41 triệu tài khoản đã được kích hoạt.",Sửa lỗi chép số: nguồn ghi 41 triệu,Copying error fixed: the source says 41 million';
      writeFileSync(join(dataDir, 'months', '2024-09.csv'), `${header}\n${row}\n`);
      const outDir = join(work, 'dist');
      const result = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: root, env: { ...process.env, ...env, OUT_DIR: outDir, TZ: 'UTC' }, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain('Recorded 3 new releases (2024-07, 2024-08, 2024-09)');
      const text = (path: string) => readFileSync(join(outDir, path), 'utf8').replace(/<[^>]+>/g, ' ').replace(/\u00a0|&nbsp;|&#160;/g, ' ').replace(/\s+/g, ' ');
      const indicator = text('indicators/eid-accounts-activated/index.html');
      expect(indicator).toContain('Đính chính');
      expect(indicator).toContain('30/6/2024: nay ghi 41 triệu tài khoản theo Fixture Gazette; trước đây chúng tôi ghi 40 triệu tài khoản (bản 2024-07). Lý do: Sửa lỗi chép số: nguồn ghi 41 triệu');
      expect(indicator).toContain('đã đính chính ở bản sau');
      expect(text('en/indicators/eid-accounts-activated/index.html')).toContain('Reason: Copying error fixed: the source says 41 million');
      expect(text('months/2024-09/index.html')).toContain('Đính chính số liệu tài khoản định danh điện tử đã kích hoạt tính đến 30/6/2024');
      expect(readFileSync(join(outDir, 'rss.xml'), 'utf8')).toContain('1 số liệu đã đăng được đính chính');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('pinned means pinned', () => {
  it('a catalogue renaming leaves /data/v/ byte-identical and pinned embeds showing the same figures; a changed output stops the build', () => {
    const work = mkdtempSync(join(tmpdir(), 'pinned-'));
    try {
      const { dataDir, env } = writeFixtureSite(work);
      const outDir = join(work, 'dist');
      const build = () => spawnSync(process.execPath, ['scripts/build.ts'], { cwd: root, env: { ...process.env, ...env, OUT_DIR: outDir, TZ: 'UTC' }, encoding: 'utf8' });
      expect(build().status).toBe(0);
      // New releases (these are not in a lock yet) are month-file snapshots: three files each, and the month files
      // they reference, written once at /data/months/.
      const snapshot = () => {
        const files: Record<string, string> = {};
        for (const release of ['2024-07', '2024-08']) {
          expect(readdirSync(join(outDir, 'data', 'v', release)).sort()).toEqual(['README.md', 'datapackage.json', 'indicators.json']);
          for (const name of ['indicators.json', 'datapackage.json', 'README.md']) files[`${release}/${name}`] = readFileSync(join(outDir, 'data', 'v', release, name), 'utf8');
        }
        for (const name of ['2024-07.csv', '2024-08.json']) files[`months/${name}`] = readFileSync(join(outDir, 'data', 'months', name), 'utf8');
        return files;
      };
      const tableOf = (path: string) => readFileSync(join(outDir, path), 'utf8').replace(/[\s\S]*?<table/, '<table').replace(/<\/table>[\s\S]*/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      const before = snapshot();
      // Every file a snapshot names is served, with the bytes and hash it states.
      const descriptor = JSON.parse(before['2024-08/datapackage.json']!) as { resources: Array<{ name: string; path: string; bytes: number; hash: string; schema?: string }> };
      expect(descriptor.resources.map((r) => r.name)).toEqual(['month-2024-07', 'month-2024-08', 'indicators']);
      for (const resource of descriptor.resources) {
        const path = resource.path.startsWith('http') ? new URL(resource.path).pathname : `/data/v/2024-08/${resource.path}`;
        const bytes = readFileSync(join(outDir, path));
        expect(resource.bytes).toBe(bytes.length);
        expect(resource.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
        if (resource.schema) expect(existsSync(join(outDir, new URL(resource.schema).pathname))).toBe(true);
      }
      expect(readFileSync(join(outDir, 'data', 'months', '2024-07.csv'))).toEqual(readFileSync(join(dataDir, 'months', '2024-07.csv')));
      expect(readFileSync(join(dataDir, 'releases.lock.json'), 'utf8')).toMatch(/"id":"2024-07".*"snapshot":2/);
      const embed = 'embed/v/2024-08/eid-accounts-activated/index.html';
      const embedBefore = tableOf(embed);
      expect(embedBefore).toContain('hơn 45.200.000');

      // An editor renames the indicator and rewrites its definition.
      const catalogue = readFileSync(join(dataDir, 'indicators.json'), 'utf8').replace('Tài khoản định danh điện tử đã kích hoạt', 'Tài khoản VNeID đã kích hoạt').replace('Electronic ID accounts activated', 'VNeID accounts activated');
      writeFileSync(join(dataDir, 'indicators.json'), catalogue);
      expect(build().status).toBe(0);
      expect(snapshot()).toEqual(before);
      expect(tableOf(embed)).toBe(embedBefore);
      expect(readFileSync(join(outDir, 'indicators/eid-accounts-activated/index.html'), 'utf8')).toContain('Tài khoản VNeID đã kích hoạt');

      // Code that would write a published file differently (simulated: the recorded fingerprint no longer matches).
      const lockPath = join(dataDir, 'releases.lock.json');
      writeFileSync(lockPath, readFileSync(lockPath, 'utf8').replace(/"datapackage\.json":"[0-9a-f]{4}/, '"datapackage.json":"0000'));
      const refused = build();
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('/data/v/2024-07/datapackage.json field "pinned output": found "different bytes"; expected the file as published with release 2024-07');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/lib/data/load.ts';
import { readDataDirectory } from '../../src/lib/data/read-directory.ts';
import { parseLock, snapshotFormatOf } from '../../src/lib/data/release-lock.ts';
import type { Indicator } from '../../src/lib/data/types.ts';
import { monthFileSchema, publishedMonths } from '../../src/lib/downloads/dataset.ts';
import { PINNED_SITE, snapshotFiles } from '../../src/lib/downloads/pinned.ts';
import { pinnedOutputIssues } from '../../scripts/lib/record-releases.ts';
import { denseReleases, syntheticToday } from '../../scripts/bench/synthetic-data.ts';
import { writeFixtureData } from '../fixtures/fixture-data.ts';

const SITE = 'https://example.vn/de-an-06/';
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

describe('the releases recorded before month-file snapshots keep their full copies', () => {
  const files = readDataDirectory('data');
  const { lock } = parseLock(files.lock!.text, files.lock!.file);
  const { dataset } = validateDataset(files);

  it('records no snapshot format for them, which reads as format 1 (full copy)', () => {
    expect(lock.releases.length).toBeGreaterThanOrEqual(41);
    for (const release of lock.releases.slice(0, 41)) {
      expect(release.snapshot).toBeUndefined();
      expect(snapshotFormatOf(lock, release.id)).toBe(1);
    }
    const oldest = lock.releases[0]!.id;
    expect([...snapshotFiles(dataset, oldest, SITE, 1, publishedMonths(files.months)).keys()]).toEqual(['figures.csv', 'figures.json', 'indicators.json', 'datapackage.json', 'README.md']);
  });

  it('serves every file of every recorded release byte-identical to what the lock recorded', () => {
    expect(pinnedOutputIssues(files, dataset)).toEqual([]);
  });
});

describe('a new release references its month files instead of copying them', () => {
  const work = mkdtempSync(join(tmpdir(), 'linear-'));
  const dataDir = writeFixtureData(join(work, 'data'));
  const files = readDataDirectory(dataDir, work);
  const { dataset } = validateDataset(files);
  const months = publishedMonths(files.months);
  rmSync(work, { recursive: true, force: true });

  it('is written in the current format when not yet recorded', () => {
    expect(snapshotFormatOf({ releases: [] }, '2024-08')).toBe(2);
    expect(snapshotFormatOf({ releases: [{ id: '2024-08', file: 'months/2024-08.json', sha256: '0'.repeat(64), snapshot: 2 }] }, '2024-08')).toBe(2);
    expect(snapshotFormatOf({ releases: [{ id: '2024-08', file: 'months/2024-08.json', sha256: '0'.repeat(64) }] }, '2024-08')).toBe(1);
  });

  it('lists exactly the month files up to it, with their address, size and sha256', () => {
    const snapshot = snapshotFiles(dataset, '2024-08', SITE, 2, months);
    expect([...snapshot.keys()]).toEqual(['indicators.json', 'datapackage.json', 'README.md']);
    const descriptor = JSON.parse(snapshot.get('datapackage.json')!) as { version: string; resources: Array<{ name: string; path: string; bytes: number; hash: string; schema?: string }> };
    expect(descriptor.version).toBe('2024-08');
    const monthResources = descriptor.resources.filter((r) => r.name.startsWith('month-'));
    expect(monthResources.map((r) => r.path)).toEqual([`${SITE}data/months/2024-07.csv`, `${SITE}data/months/2024-08.json`]);
    for (const resource of monthResources) {
      const bytes = files.months.find((m) => resource.path.endsWith(`/${m.name}`))!.bytes;
      expect(resource.bytes).toBe(bytes.length);
      expect(resource.hash).toBe(`sha256:${sha256(bytes)}`);
    }
    expect(monthResources[0]!.schema).toBe(`${SITE}${monthFileSchema().path}`);
    const catalogue = descriptor.resources.find((r) => r.name === 'indicators')!;
    expect(catalogue.hash).toBe(`sha256:${sha256(snapshot.get('indicators.json')!)}`);

    const july = JSON.parse(snapshotFiles(dataset, '2024-07', SITE, 2, months).get('datapackage.json')!) as { resources: Array<{ name: string }> };
    expect(july.resources.map((r) => r.name)).toEqual(['month-2024-07', 'indicators']);
  });

  it('does not change when a later month is added, and names the schema by its content', () => {
    const before = snapshotFiles(dataset, '2024-07', PINNED_SITE, 2, months);
    const later = [...months, { release: '2024-09', name: '2024-09.csv', bytes: 10, sha256: 'f'.repeat(64) }];
    expect(snapshotFiles(dataset, '2024-07', PINNED_SITE, 2, later)).toEqual(before);
    expect(monthFileSchema().path).toMatch(/^data\/schemas\/month-file-[0-9a-f]{16}\.json$/);
    expect(monthFileSchema().path.slice(-21, -5)).toBe(sha256(monthFileSchema().text).slice(0, 16));
  });

  it('costs about the same at the 60th release as at the 10th (linear), where a full copy grows with the history', () => {
    const indicators = (JSON.parse(readFileSync('data/indicators.json', 'utf8')) as { indicators: Indicator[] }).indicators;
    const dense = denseReleases(indicators, 60);
    const denseFiles = { catalogue: { file: 'indicators.json', text: readFileSync('data/indicators.json', 'utf8') }, months: [...dense].map(([name, text]) => ({ file: `months/${name}`, name, bytes: new TextEncoder().encode(text) })) };
    const { dataset: big, issues } = validateDataset(denseFiles, { today: syntheticToday('2025-12') });
    expect(issues).toEqual([]);
    const denseMonths = publishedMonths(denseFiles.months);
    const size = (release: string, format: 1 | 2) => [...snapshotFiles(big, release, SITE, format, denseMonths).values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    const [tenth, sixtieth] = ['2021-10', '2025-12'];
    // Month files: each published once; the snapshot itself grows only by one reference (under 600 bytes) per release.
    expect(size(sixtieth, 2) - size(tenth, 2)).toBeLessThan(50 * 600);
    expect(size(sixtieth, 1)).toBeGreaterThan(5 * size(tenth, 1));
  });
});

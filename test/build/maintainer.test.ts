/**
 * What a maintainer sees: `npm run indicators` on fixture data, and the rule for an indicator of the catalogue that
 * has no figure yet (no page, no list entry, no chart; a warning from check-data and from the build, not a failure).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_INDICATORS, writeFixtureData, writeFixtureSite } from '../fixtures/fixture-data.ts';
import type { Indicator } from '../../src/lib/data/types.ts';
import { loadDataset } from '../../src/lib/data/load.ts';
import { readDataDirectory } from '../../src/lib/data/read-directory.ts';
import { buildSiteModel, noFigureWarnings } from '../../src/lib/site/model.ts';
import { chartRegistry } from '../../src/lib/site/chart-registry.ts';
import { homeCharts } from '../../src/lib/site/charts.ts';
import { indicatorsOf } from '../../src/lib/charts/spec.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'maintainer-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Two catalogue entries no month file uses: one featured beside indicators with figures, one alone in its topic. */
const ORPHANS: Indicator[] = [
  {
    id: 'eid-accounts-level3',
    topic: 'identity',
    kind: 'cumulative',
    featured: true,
    name: { vi: 'Tài khoản định danh điện tử mức 3', en: 'Level-3 electronic ID accounts' },
    unit: { vi: 'tài khoản', en: 'accounts' },
    definition: { vi: 'Chỉ số thử nghiệm chưa có số liệu.', en: 'A test indicator with no figure yet.' },
  },
  {
    id: 'bank-profiles-verified',
    topic: 'banking',
    kind: 'cumulative',
    name: { vi: 'Hồ sơ khách hàng ngân hàng đã xác thực', en: 'Bank customer profiles verified' },
    unit: { vi: 'hồ sơ', en: 'profiles' },
    definition: { vi: 'Chỉ số thử nghiệm chưa có số liệu.', en: 'A test indicator with no figure yet.' },
  },
];
const withOrphans = (dataDir: string) => writeFileSync(join(dataDir, 'indicators.json'), JSON.stringify({ indicators: [...FIXTURE_INDICATORS, ...ORPHANS] }, null, 2));
const run = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [script, ...args], { cwd: root, env: { ...process.env, ...env, TZ: 'UTC' }, encoding: 'utf8' });
const warningFor = (id: string) => new RegExp(`! \\S*indicators\\.json:\\d+ indicator "${id}" has no figure yet: it is not published until a month file gives one`);

describe('npm run indicators', () => {
  const dataDir = writeFixtureData(join(work, 'indicators-data'));
  withOrphans(dataDir);
  const list = (...args: string[]) => run('scripts/indicators.ts', args, { DATA_DIR: dataDir });

  it('lists every id by topic with its kind, unit, latest figure as the site writes it and its date, or "no figure yet"', () => {
    const result = list();
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    const row = (id: string) => lines.find((l) => l.trimStart().startsWith(`${id} `))?.trim().replace(/ {2,}/g, ' | ');
    expect(lines[0]).toMatch(/^ {2}id +kind +unit +latest figure +as of +name \(vi\)$/);
    expect(row('eid-accounts-activated')).toBe('eid-accounts-activated | cumulative | tài khoản | hơn 45,2 triệu tài khoản | 20/8/2024 | Tài khoản định danh điện tử đã kích hoạt');
    expect(row('essential-services-online')).toBe('essential-services-online | count-of-total | dịch vụ | 54/76 dịch vụ | 10/8/2024 | Dịch vụ công thiết yếu trực tuyến');
    expect(row('online-dossier-rate')).toBe('online-dossier-rate | rate | % | 40,5% | tháng 7/2024 | Tỷ lệ hồ sơ trực tuyến');
    expect(row('eid-accounts-level3')).toBe('eid-accounts-level3 | cumulative | tài khoản | no figure yet | Tài khoản định danh điện tử mức 3');
    // Columns line up: every row's kind starts where the header's does.
    const kindColumn = lines[0]!.indexOf('kind');
    const latestColumn = lines[0]!.indexOf('latest figure');
    const rows = lines.slice(1).filter((l) => /^ {2}[a-z0-9-]+ /.test(l));
    expect(rows).toHaveLength(7);
    for (const l of rows) expect(l.slice(kindColumn)).toMatch(/^(cumulative|level|count-of-total|rate|flow) /);
    for (const l of rows) expect(l.slice(latestColumn - 2, latestColumn + 1)).toMatch(/^ {2}\S$/);
    // Grouped by topic, in the site's topic order, each under its Vietnamese name.
    const headings = lines.filter((l) => /\(topic: /.test(l));
    expect(headings).toEqual(['Định danh và căn cước (topic: identity)', 'Dịch vụ công (topic: public-services)', 'Ngân hàng (topic: banking)']);
    expect(lines.indexOf(headings[2]!)).toBeLessThan(lines.findIndex((l) => l.includes('bank-profiles-verified')));
    expect(result.stdout).toContain('7 indicators; 2 with no figure yet (not published until a month file gives one). Latest data: 2024-08.');
  });

  it('keeps only the indicators whose id or name holds the text, ignoring accents, capitals and dashes', () => {
    const bank = list('ngan-hang');
    expect(bank.status).toBe(0);
    expect(bank.stdout).toContain('bank-profiles-verified');
    expect(bank.stdout).not.toContain('eid-accounts-activated');
    expect(bank.stdout).toContain('1 of 7 indicators match "ngan-hang"');
    const level = list('Mức', '2');
    expect(level.stdout).toContain('eid-accounts-level2 ');
    expect(level.stdout).not.toContain('eid-accounts-level3');
    expect(list('nothing-like-this').stdout).toContain('No indicator has "nothing-like-this" in its id or name.');
  });

  it('prints the problems as check-data does and exits 1 when data/ is invalid', () => {
    const broken = writeFixtureData(join(work, 'broken-data'));
    writeFileSync(join(broken, 'indicators.json'), readFileSync(join(broken, 'indicators.json'), 'utf8').replace('"topic": "identity",', '"topic": "identity"'));
    const result = run('scripts/indicators.ts', [], { DATA_DIR: broken });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/✗ data\/ has 1 problem; fix it first/);
    expect(result.stderr).toMatch(/ {2}- \S*indicators\.json:\d+ field "column \d+": found .*expected valid JSON: a comma is probably missing at the end of the line before/);
  });
});

describe('an indicator with no figure yet is reported, not published', () => {
  it('is left out of the model, the lists, the home page and the chart registry', () => {
    const dataDir = writeFixtureData(join(work, 'model-data'));
    withOrphans(dataDir);
    const files = readDataDirectory(dataDir, dataDir);
    const model = buildSiteModel(loadDataset(files));
    expect(model.unpublishedIndicators.map((i) => i.id)).toEqual(['eid-accounts-level3', 'bank-profiles-verified']);
    expect(model.publishedIndicators.map((i) => i.id)).toEqual(FIXTURE_INDICATORS.map((i) => i.id));
    expect(model.topics.flatMap((group) => group.indicators.map((i) => i.id))).not.toContain('eid-accounts-level3');
    expect(model.topics.map((group) => group.topic)).not.toContain('banking');
    const home = homeCharts(model);
    const charted = (specs: Parameters<typeof indicatorsOf>[0][]) => specs.flatMap(indicatorsOf);
    expect(charted([...home.bigNumbers, ...home.progress, ...home.comparisons])).not.toContain('eid-accounts-level3');
    const registry = chartRegistry(model);
    for (const chart of registry.values()) for (const id of ORPHANS.map((o) => o.id)) expect(indicatorsOf(chart.spec)).not.toContain(id);
    expect(noFigureWarnings(model.dataset, files.catalogue)).toEqual([
      expect.stringMatching(/^indicators\.json:\d+ indicator "eid-accounts-level3" has no figure yet: it is not published until a month file gives one$/),
      expect.stringMatching(/^indicators\.json:\d+ indicator "bank-profiles-verified" has no figure yet: it is not published until a month file gives one$/),
    ]);
  });

  it('makes check-data warn and pass', () => {
    const dataDir = writeFixtureData(join(work, 'check-data'));
    withOrphans(dataDir);
    const result = run('scripts/check-data.ts', [dataDir]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(warningFor('eid-accounts-level3'));
    expect(result.stderr).toMatch(warningFor('bank-profiles-verified'));
    expect(result.stdout).toContain('✓ data/ is valid: 7 indicators');
    // With every indicator given a figure, nothing is said.
    const complete = run('scripts/check-data.ts', [writeFixtureData(join(work, 'complete-data'))]);
    expect(complete.stderr).not.toContain('has no figure yet');
  });

  it('builds no page, list entry, topic, sitemap entry or download for it, and the build warns', () => {
    const site = writeFixtureSite(join(work, 'site'));
    withOrphans(site.dataDir);
    const outDir = join(work, 'site', 'dist');
    const result = run('scripts/build.ts', [], { ...site.env, OUT_DIR: outDir });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(warningFor('eid-accounts-level3'));
    expect(result.stderr).toMatch(warningFor('bank-profiles-verified'));
    for (const prefix of ['', 'en/']) {
      for (const orphan of ORPHANS) expect(existsSync(join(outDir, prefix, 'indicators', orphan.id)), `${prefix}indicators/${orphan.id}`).toBe(false);
      expect(existsSync(join(outDir, prefix, 'indicators', 'eid-accounts-activated', 'index.html'))).toBe(true);
      expect(existsSync(join(outDir, prefix, 'topics', 'banking'))).toBe(false);
      for (const page of ['indicators', '', 'topics/identity']) {
        const html = readFileSync(join(outDir, prefix, page, 'index.html'), 'utf8');
        for (const orphan of ORPHANS) expect(html, `${prefix}${page}`).not.toContain(orphan.id);
      }
    }
    const sitemap = readdirSync(outDir).filter((name) => name.startsWith('sitemap')).map((name) => readFileSync(join(outDir, name), 'utf8')).join('');
    expect(sitemap).toContain('/indicators/eid-accounts-activated/');
    for (const orphan of ORPHANS) expect(sitemap).not.toContain(orphan.id);
    const downloads = readdirSync(join(outDir, 'downloads'), { recursive: true }).map(String);
    expect(downloads.length).toBeGreaterThan(0);
    for (const orphan of ORPHANS) expect(downloads.filter((path) => path.includes(orphan.id))).toEqual([]);
    expect(existsSync(join(outDir, 'embed', 'eid-accounts-level3'))).toBe(false);
    for (const orphan of ORPHANS) expect(readFileSync(join(outDir, 'data', 'latest', 'indicators.json'), 'utf8')).not.toContain(orphan.id);
  });
});

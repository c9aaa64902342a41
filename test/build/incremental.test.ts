/**
 * Incremental builds, from fixture builds sharing one build cache:
 * - a warm build (nothing changed) writes the same bytes as the build before it, copying the pinned embeds that build
 *   rendered (of the releases it recorded for the first time too) from the cache instead of rendering them;
 * - adding a month leaves the files of a chart it does not touch byte-identical (its PNG, SVG, CSV, JSON, workbook,
 *   embed pages, oEmbed and link-preview card print the release of the chart's own newest figure, not the site's),
 *   and changes those of the chart it does touch;
 * - adding a month leaves the pages that do not show its figures byte-identical (an untouched indicator's page, a story
 *   about it, an old month's page, a standing page): every page links to the newest bulletin through one stable
 *   address, /months/latest/, and that small page is what sends the reader on to the new month;
 * - that warm build equals a cold build (no cache) of the same inputs, byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEPTEMBER_2024_CSV, writeFixtureSite } from '../fixtures/fixture-data.ts';

const root = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'de-an-06-incremental-'));
const { dataDir, contentDir, env } = writeFixtureSite(work);
const cacheDir = join(work, 'cache');
// A story pair about an indicator the added month does not touch (the fixture's story shows one it touches).
const UNTOUCHED_STORY: Record<string, string> = {
  'vi/dich-vu-cong-thu-nghiem.mdx': '---\ntitle: "Dịch vụ công thiết yếu: bài thử nghiệm"\ndek: "Bài thử nghiệm về một chỉ số không có số liệu mới."\ndate: 2024-08-20\nlang: vi\ntranslationKey: untouched-story\ntopics: [public-services]\nindicators: [essential-services-online]\n---\n\nĐã có <Value indicator="essential-services-online" at="latest" /> (dữ liệu thử nghiệm).\n\n<Chart kind="progress" indicator="essential-services-online" />\n',
  'en/untouched-test-story.mdx': '---\ntitle: "Essential public services: a test story"\ndek: "A test story about an indicator with no new figure."\ndate: 2024-08-20\nlang: en\ntranslationKey: untouched-story\ntopics: [public-services]\nindicators: [essential-services-online]\n---\n\n<Value indicator="essential-services-online" at="latest" /> so far (test data).\n\n<Chart kind="progress" indicator="essential-services-online" />\n',
};
for (const [path, text] of Object.entries(UNTOUCHED_STORY)) writeFileSync(join(contentDir, 'articles', path), text);

function build(outDir: string, extra: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: root, env: { ...process.env, ...env, OUT_DIR: outDir, BUILD_CACHE_DIR: cacheDir, TZ: 'UTC', ...extra }, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

/** Every file of a built site, by path, as bytes. */
function snapshot(outDir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(relative(outDir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

/** The paths whose bytes differ (or that only one side has). */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((path) => !a.get(path) || !b.get(path) || !a.get(path)!.equals(b.get(path)!)).sort();
}

/** The files that belong to one chart alone: downloads, embeds (live and pinned), oEmbed. */
function chartFiles(files: Map<string, Buffer>, chart: string): string[] {
  const own = [
    ...['vi', 'en'].flatMap((lang) => ['csv', 'json', 'svg', 'png', 'xlsx'].map((ext) => `downloads/${lang}/${chart}.${ext}`)),
    ...['vi', 'en'].map((lang) => `oembed/${lang}/${chart}.json`),
    `embed/${chart}/index.html`,
    `en/embed/${chart}/index.html`,
  ];
  const pinned = [...files.keys()].filter((path) => new RegExp(`^(en/)?embed/v/[^/]+/${chart}/index\\.html$`).test(path));
  return [...own, ...pinned];
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('incremental builds', () => {
  const outDir = join(work, 'dist');
  let beforeMonth: Map<string, Buffer>;

  it('a warm build copies the pinned embeds the build before it rendered (releases it recorded included) and writes the same bytes', () => {
    // The first build records the fixture's releases in data/releases.lock.json, and stores their pinned embeds.
    const stored = build(outDir);
    const cold = snapshot(outDir);
    const warm = build(outDir);
    expect(warm).toMatch(/ [1-9]\d* pinned embeds copied from the cache, 0 stored/);
    expect(warm).toMatch(/cache: [1-9]\d* reused, 0 made/);
    beforeMonth = snapshot(outDir);
    expect(stored).toMatch(/ 0 pinned embeds copied from the cache, [1-9]\d* stored/);
    expect(differences(cold, beforeMonth)).toEqual([]);
    expect([...beforeMonth.keys()].some((path) => path.startsWith('embed/v/2024-07/'))).toBe(true);
  }, 600_000);

  it('a new month leaves the files of an untouched chart byte-identical, changes the touched one, and equals a cold build', () => {
    const lock = join(dataDir, 'releases.lock.json');
    const lockBefore = readFileSync(lock);
    // September adds figures to eid-accounts-activated and online-dossier-rate, none to essential-services-online.
    writeFileSync(join(dataDir, 'months', '2024-09.csv'), SEPTEMBER_2024_CSV);
    build(outDir);
    const afterMonth = snapshot(outDir);
    const changed = differences(beforeMonth, afterMonth);

    const untouched = chartFiles(beforeMonth, 'essential-services-online');
    expect(untouched.filter((path) => beforeMonth.has(path)).length).toBeGreaterThan(12);
    expect(untouched.filter((path) => changed.includes(path))).toEqual([]);
    for (const card of ['og/vi/indicators/essential-services-online.png', 'og/en/indicators/essential-services-online.png', 'explore-data/essential-services-online.json']) {
      expect(existsSync(join(outDir, card)), card).toBe(true);
      expect(changed).not.toContain(card);
    }
    const touched = [...chartFiles(afterMonth, 'eid-accounts-activated'), 'explore-data/eid-accounts-activated.json'];
    for (const path of ['explore-data/eid-accounts-activated.json', 'downloads/vi/eid-accounts-activated.png', 'downloads/en/eid-accounts-activated.csv', 'downloads/vi/eid-accounts-activated.svg', 'embed/eid-accounts-activated/index.html']) {
      expect(touched).toContain(path);
      expect(changed).toContain(path);
    }
    expect(afterMonth.has('embed/v/2024-09/eid-accounts-activated/index.html')).toBe(true);
    expect(afterMonth.get('downloads/vi/eid-accounts-activated.csv')!.toString()).toContain(',2024-09\n');
    expect(afterMonth.get('downloads/vi/essential-services-online.csv')!.toString()).toContain(',2024-08\n');

    // Pages that do not show the new month's figures keep their bytes: their footer names no month.
    const stablePages = ['indicators/essential-services-online', 'articles/dich-vu-cong-thu-nghiem', 'en/articles/untouched-test-story', 'months/2024-07', 'about']
      .flatMap((page) => (page.startsWith('en/') || page.startsWith('articles/') ? [page] : [page, `en/${page}`]))
      .map((page) => `${page}/index.html`);
    for (const page of stablePages) {
      expect(beforeMonth.has(page), page).toBe(true);
      expect(changed, page).not.toContain(page);
    }
    expect(changed).toContain('indicators/eid-accounts-activated/index.html');
    // Every page still reaches the newest bulletin, through /months/latest/, which now sends the reader to September.
    for (const page of [...stablePages, 'index.html', 'en/index.html', 'months/2024-09/index.html']) {
      const lang = page.startsWith('en/') ? '/en' : '';
      expect(afterMonth.get(page)!.toString(), page).toContain(`<a href="${lang}/months/latest/">${lang ? 'Latest bulletin' : 'Bản tin mới nhất'}</a>`);
    }
    for (const lang of ['', '/en']) {
      const latest = `${lang.slice(1)}${lang ? '/' : ''}months/latest/index.html`;
      expect(changed).toContain(latest);
      const page = afterMonth.get(latest)!.toString();
      expect(page).toContain(`<meta http-equiv="refresh" content="0; url=${lang}/months/2024-09/">`);
      expect(page).toMatch(new RegExp(`<link rel="canonical" href="https?://[^"]+${lang}/months/2024-09/">`));
      expect(page).toContain('<meta name="robots" content="noindex">');
      expect(page).toContain(`<a href="${lang}/months/2024-09/">`);
      expect(beforeMonth.get(latest)!.toString()).toContain(`url=${lang}/months/2024-08/`);
    }

    // The same inputs built cold, without any cache, give the same bytes.
    const recorded = readFileSync(lock);
    writeFileSync(lock, lockBefore);
    const coldDir = join(work, 'dist-cold');
    build(coldDir, { BUILD_CACHE: 'off' });
    writeFileSync(lock, recorded);
    expect(differences(afterMonth, snapshot(coldDir))).toEqual([]);
  }, 600_000);
});

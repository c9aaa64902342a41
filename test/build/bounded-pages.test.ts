/**
 * Bounded pages, from a fixture build whose one month file holds 1,100 figures (synthetic, written by
 * scripts/bench/synthetic-data.ts): the bulletin shows the first 200, links to the next pages, and every figure is
 * on exactly one page; the month file is published for download; indicator and chart tables show the newest 200.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_INDICATORS, writeFixtureContent, writeFixtureData } from '../fixtures/fixture-data.ts';
import { oneLargeRelease } from '../../scripts/bench/synthetic-data.ts';

const root = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'de-an-06-bounded-'));
const outDir = join(work, 'dist');
const FIGURES = 1100;
const PAGES = 6; // 200 figures a page
const MONTH = '2024-06';
/** What the explore, indicator and bulletin pages stay under with this month (each was over it before they were bounded). */
const BYTES_BOUND = 600_000;

beforeAll(() => {
  const dataDir = writeFixtureData(join(work, 'data'), Object.fromEntries(oneLargeRelease(FIXTURE_INDICATORS, FIGURES, MONTH)));
  // Standing pages only: the fixture story and commentary cite dates of the fixture months.
  const contentDir = writeFixtureContent(join(work, 'content'));
  for (const folder of ['articles', 'months']) rmSync(join(contentDir, folder), { recursive: true, force: true });
  for (const folder of ['articles/vi', 'articles/en', 'months/vi', 'months/en']) mkdirSync(join(contentDir, folder), { recursive: true });
  const result = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: root, env: { ...process.env, DATA_DIR: dataDir, CONTENT_DIR: contentDir, OUT_DIR: outDir, TZ: 'UTC' }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`fixture build failed:\n${result.stdout}\n${result.stderr}`);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const html = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');
/** The synthetic figures on a page, by the number in their source address (…/<indicator>/<n>). */
const figureNumbers = (page: string) => [...page.matchAll(/https:\/\/example\.invalid\/synthetic\/[^"/]+\/[^"/]+\/(\d+)"/g)].map((m) => Number(m[1]));
/** The figures table of a page: after `marker` (the bulletin's and the indicator page's charts have tables of their own). */
const tableOf = (page: string, marker = '<h1') => {
  const start = page.indexOf('<table class="figures"', page.indexOf(marker));
  return page.slice(start, page.indexOf('</table>', start));
};

describe('a month of 1,100 figures', () => {
  it('the bulletin shows the first 200 figures and links to the next pages', () => {
    const page = html(`months/${MONTH}`);
    const rows = figureNumbers(tableOf(page, 'id="all-figures"'));
    expect(new Set(rows).size).toBe(200);
    expect(rows.every((n) => n < 200)).toBe(true);
    expect(page).toContain(`href="/months/${MONTH}/figures/2/"`);
    expect(page).toContain(`href="/months/${MONTH}/figures/3/"`);
    expect(page).toContain(`href="/data/months/${MONTH}.csv"`);
    expect(html(`en/months/${MONTH}`)).toContain(`href="/en/months/${MONTH}/figures/2/"`);
  });

  it('every figure is on exactly one page of the table, and each page links to the next', () => {
    const pages = Array.from({ length: PAGES }, (_, i) => html(i === 0 ? `months/${MONTH}` : `months/${MONTH}/figures/${i + 1}`));
    const numbers = pages.flatMap((page, i) => [...new Set(figureNumbers(tableOf(page, i === 0 ? 'id="all-figures"' : '<h1')))]);
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: FIGURES }, (_, i) => i));
    expect(existsSync(join(outDir, 'months', MONTH, 'figures', String(PAGES + 1)))).toBe(false);
    expect(existsSync(join(outDir, 'months', MONTH, 'figures', '1'))).toBe(false);
    for (let i = 1; i < PAGES - 1; i++) expect(pages[i]).toContain(`rel="next" href="/months/${MONTH}/figures/${i + 2}/"`);
    const last = pages[PAGES - 1]!;
    expect(last).toContain(`href="/months/${MONTH}/figures/${PAGES - 1}/"`);
    expect(last).toContain(`href="/months/${MONTH}/"`);
    expect(last).toMatch(new RegExp(`aria-current="page">${PAGES}<`));
    expect(last).not.toContain('rel="next"');
  });

  it('publishes the month file as committed', () => {
    expect(readFileSync(join(outDir, 'data', 'months', `${MONTH}.csv`), 'utf8')).toBe(readFileSync(join(work, 'data', 'months', `${MONTH}.csv`), 'utf8'));
  });

  it('an indicator page shows the newest 200 of its 220 figures, and says where the others are', () => {
    // 1,100 figures over 5 indicators: 220 each, one every 5th number; the newest have the highest numbers.
    const page = html('en/indicators/eid-accounts-activated');
    const shown = [...new Set(figureNumbers(tableOf(page, 'id="history"')))].sort((a, b) => a - b);
    expect(shown).toHaveLength(200);
    expect(shown[0]).toBe(20 * 5);
    expect(page).toContain('The newest 200 of 220 figures');
    expect(page).toContain('href="/data/latest/figures.csv"');
    // An embed keeps the newest 25 in its table and links its own data for the others (a pinned one, its release's);
    // on a page of several charts, the newest 25 too.
    const embed = html('en/embed/eid-accounts-activated');
    expect(embed).toContain('The newest 25 figures; the 195 older ones are in');
    expect(embed).toMatch(/older ones are in <a href="\/downloads\/en\/eid-accounts-activated\.csv">the data download \(CSV\)<\/a>/);
    expect(html(`en/embed/v/${MONTH}/eid-accounts-activated`)).toMatch(new RegExp(`The newest 25 figures; the 195 older ones are in <a href="/data/v/${MONTH}/`));
    expect(html(`en/months/${MONTH}`)).toContain('The newest 25 figures; the 195 older ones are in');
    expect(page).toContain('The newest 25 figures; the 195 older ones are in');
  });

  it('draws a long history with a bounded number of dots and tooltip points, on every page that shows it', () => {
    // 220 figures a series: at most 4 × DOT_COLUMNS (24) dots each, the same at each of the 4 sizes.
    for (const path of ['en/indicators/eid-accounts-activated', 'en/embed/eid-accounts-activated', 'en/explore', 'kham-pha', `months/${MONTH}`]) {
      const page = html(path);
      for (const island of page.matchAll(/<script type="application\/json" class="chart-points">(.*?)<\/script>/gs)) {
        expect((JSON.parse(island[1]!) as unknown[]).length, path).toBeLessThanOrEqual(4 * 24);
      }
      const figures = page.split('<figure class="chart').slice(1);
      expect(figures.length, path).toBeGreaterThan(0);
      for (const figure of figures) expect((figure.match(/<circle /g) ?? []).length, path).toBeLessThanOrEqual(4 * 4 * 24 * 2);
    }
    // The newest figure keeps its dot and tooltip: eid-accounts-activated's is number 1,095 (five indicators in turn).
    const islands = [...html('en/indicators/eid-accounts-activated').matchAll(/<script type="application\/json" class="chart-points">(.*?)<\/script>/gs)];
    const lasts = islands.map((island) => (JSON.parse(island[1]!) as Array<{ url?: string }>).at(-1)?.url);
    expect(lasts).toContain('https://example.invalid/synthetic/2024-06/eid-accounts-activated/1095');
  });

  it('keeps the explore page and an indicator page small, however many figures', () => {
    // Before bounding, these pages carried every figure as a dot, a tooltip and a table row on each chart.
    for (const path of ['kham-pha', 'en/explore', 'en/indicators/eid-accounts-activated', `months/${MONTH}`]) {
      expect(readFileSync(join(outDir, path, 'index.html')).length, path).toBeLessThan(BYTES_BOUND);
    }
  });
});

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
    // A chart's own table (here on the bulletin) keeps the newest 200 too.
    expect(html(`en/months/${MONTH}`)).toContain('The newest 200 figures; the 20 older ones are in');
  });
});

/**
 * Builds the fixture site with the real build script and checks that every
 * page's link-preview image (og:image, twitter:image) exists in dist/ and is a
 * 1200×630 PNG; that an indicator's card shows its latest figure (qualifier and date) and every card the site's
 * address (checked on the card's SVG, which is what the PNG is drawn from).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureSite } from '../fixtures/fixture-data.ts';
import { shareJob } from '../../scripts/post-build/share-images.ts';
import { shareCardSvg } from '../../src/lib/png/index.ts';
import { renderPalettePng } from '../../src/lib/png/render.ts';

const root = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'de-an-06-share-'));
const { env: fixtureEnv } = writeFixtureSite(work);
const outDir = join(work, 'dist');

beforeAll(() => {
  const result = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: root, env: { ...process.env, ...fixtureEnv, OUT_DIR: outDir, TZ: 'UTC' }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`fixture build failed:\n${result.stdout}\n${result.stderr}`);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function pages(): string[] {
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}
const meta = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];

describe('share images', () => {
  it('exist for every page, as 1200×630 PNGs, where og:image and twitter:image point', () => {
    const checked = new Set<string>();
    for (const page of pages()) {
      const html = readFileSync(page, 'utf8');
      const image = meta(html, 'og:image');
      if (!image) continue;
      expect(meta(html, 'twitter:image'), relative(outDir, page)).toBe(image);
      const file = join(outDir, new URL(image).pathname);
      const png = readFileSync(file);
      expect(png.toString('latin1', 1, 4), relative(outDir, file)).toBe('PNG');
      expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }, relative(outDir, file)).toEqual({ width: 1200, height: 630 });
      checked.add(file);
    }
    expect(checked.size).toBeGreaterThan(20);
    expect(checked).toContain(join(outDir, 'og/vi/home.png'));
    expect(checked).toContain(join(outDir, 'og/en/home.png'));
  });

  it('writes no image no page points at', () => {
    const images = readdirSync(join(outDir, 'og'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    const wanted = new Set(pages().map((page) => meta(readFileSync(page, 'utf8'), 'og:image')).filter(Boolean).map((image) => join(outDir, new URL(image!).pathname)));
    expect(images.filter((file) => !wanted.has(file))).toEqual([]);
    for (const file of images) expect(statSync(file).size).toBeLessThan(200_000);
  });

  /** The text a card draws: the content of its <text> elements, entities decoded, no-break spaces as spaces. */
  const cardText = (svg: string) => [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')).join('\n').replace(/\u00a0/g, ' ');

  for (const [locale, page, image, value, asOf] of [
    ['vi', 'indicators/eid-accounts-activated/index.html', 'og/vi/indicators/eid-accounts-activated.png', 'hơn 45,2 triệu tài khoản', 'Số liệu đến 20/8/2024'],
    ['en', 'en/indicators/eid-accounts-activated/index.html', 'og/en/indicators/eid-accounts-activated.png', 'more than 45.2 million accounts', 'As of 20 August 2024'],
  ] as const) {
    it(`an indicator's card (${locale}) shows its latest figure with its qualifier and date, and the site's address`, async () => {
      const file = join(outDir, page);
      const job = shareJob(readFileSync(file, 'utf8'), outDir, file)!;
      expect(job.file).toBe(join(outDir, image));
      const svg = shareCardSvg(job.card);
      const text = cardText(svg);
      expect(text).toContain(value);
      expect(text).toContain(asOf);
      // The fixture is built without SITE_URL: the address is the preview server's.
      expect(text).toContain('localhost:4321');
      // The PNG in dist/ is this very card (as the site publishes its pictures: a palette PNG).
      expect(readFileSync(join(outDir, image)).equals(await renderPalettePng(svg))).toBe(true);
    });
  }

  it("every card carries the site's address (home, a story, a month)", () => {
    for (const page of ['index.html', 'en/index.html', 'months/2024-08/index.html', 'articles/cau-chuyen-thu-nghiem/index.html']) {
      const file = join(outDir, page);
      const job = shareJob(readFileSync(file, 'utf8'), outDir, file)!;
      expect(job.card.figure, page).toBeUndefined();
      expect(cardText(shareCardSvg(job.card)), page).toContain('localhost:4321');
    }
  });
});

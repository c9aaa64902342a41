/** PNG pictures: sizes, the bundled font, Vietnamese text kept whole, charts coloured without the page's CSS. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { SHARE_CARD, chartImageSvg, pngSize, renderPng, shareCardSvg, textWidth } from '../../src/lib/png/index.ts';
import { renderPalettePng } from '../../src/lib/png/render.ts';
import { fitText, wrapText, measure } from '../../src/lib/png/svg.ts';
import { shareJob } from '../../scripts/post-build/share-images.ts';

const root = join(import.meta.dirname, '../..');
const TITLE = 'Tài khoản định danh điện tử đã kích hoạt: Đề án 06 — dữ liệu dân cư';
const SITE = 'Đề án 06 qua số liệu';
/** A chart as render.ts draws it (the first of the snapshot's two renderings). */
const CHART = `${readFileSync(join(root, 'test/snapshots/expected/identity-compare.vi.svg'), 'utf8').split('</svg>')[0]}</svg>`;

/** Width and height from the IHDR chunk (bytes 16–23), after the 8-byte signature. */
function ihdr(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The text of the SVG's <text> elements, joined with spaces. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/\u00a0/g, ' '));
}

describe('renderPng', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#1a5a9e"/></svg>';

  it('renders at the SVG size, to a width, or zoomed', () => {
    expect(ihdr(renderPng(svg))).toEqual({ width: 200, height: 100 });
    expect(ihdr(renderPng(svg, { width: 600 }))).toEqual({ width: 600, height: 300 });
    expect(ihdr(renderPng(svg, { zoom: 2 }))).toEqual({ width: 400, height: 200 });
    expect(pngSize(renderPng(svg, { zoom: 2 }))).toEqual({ width: 400, height: 200 });
  });

  it('draws text with the bundled font, not the machine’s', () => {
    const text = (content: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="10" y="40" font-size="30" font-family="sans-serif">${content}</text></svg>`;
    const blank = renderPng(text(''));
    const drawn = renderPng(text('Đề án'));
    expect(drawn.equals(blank)).toBe(false);
    // Diacritics are drawn: "Đề" differs from "De".
    expect(drawn.equals(renderPng(text('De an')))).toBe(false);
  });

  it('is deterministic', () => {
    const card = shareCardSvg({ title: TITLE, siteName: SITE, locale: 'vi', chartSvg: CHART });
    expect(renderPng(card).equals(renderPng(card))).toBe(true);
  });
});

describe('renderPalettePng (the PNG files the site publishes)', () => {
  /** Decoded RGBA pixels, channel by channel. */
  const pixels = async (png: Buffer) => sharp(png).ensureAlpha().raw().toBuffer();

  it('is the same picture as resvg\'s, to the eye, in far fewer bytes; 8-bit palette; deterministic', async () => {
    const card = shareCardSvg({ title: TITLE, siteName: SITE, locale: 'vi', chartSvg: CHART });
    const full = renderPng(card);
    const small = await renderPalettePng(card);
    expect(ihdr(small)).toEqual(ihdr(full));
    expect(small[25]).toBe(3); // colour type 3: indexed colours
    expect(small.length).toBeLessThan(full.length * 0.6);
    const [a, b] = await Promise.all([pixels(full), pixels(small)]);
    let worst = 0;
    let total = 0;
    for (let i = 0; i < a.length; i++) {
      const d = Math.abs(a[i]! - b[i]!);
      worst = Math.max(worst, d);
      total += d;
    }
    // On average well under one level of 255; no pixel far off (a palette of up to 256 colours).
    expect(total / a.length).toBeLessThan(1);
    expect(worst).toBeLessThan(64);
    expect((await renderPalettePng(card)).equals(small)).toBe(true);
  });

  it('keeps transparency as it is (resvg\'s premultiplied pixels are read as such)', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="20" height="20" fill="#1a5a9e" fill-opacity="0.5"/></svg>';
    const [a, b] = await Promise.all([pixels(renderPng(svg)), pixels(await renderPalettePng(svg))]);
    // A half-transparent blue pixel and a fully transparent one.
    expect([...b.subarray(0, 4)].map((v, i) => Math.abs(v - a[i]!) <= 2)).toEqual([true, true, true, true]);
    expect(b[3]).toBeGreaterThan(120);
    expect(b[3]).toBeLessThan(135);
    expect(b[(30 * 4) + 3]).toBe(0);
  });
});

describe('text measuring and wrapping', () => {
  it('measures with the font’s advance widths', () => {
    expect(textWidth('Đề án 06', 40, 'bold')).toBeGreaterThan(textWidth('Đề án 06', 40, 'regular'));
    expect(textWidth('Đề án 06', 80)).toBeCloseTo(2 * textWidth('Đề án 06', 40));
    // Composed and decomposed diacritics measure the same.
    expect(textWidth('Việt'.normalize('NFD'), 30)).toBeCloseTo(textWidth('Việt', 30));
    expect(textWidth('iiii', 30)).toBeLessThan(textWidth('MMMM', 30));
  });

  it('wraps between words and keeps every word whole', () => {
    const lines = wrapText(TITLE, 500, { fontSize: 48, weight: 'bold' });
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(TITLE);
    for (const line of lines) expect(measure(line, { fontSize: 48, weight: 'bold' })).toBeLessThanOrEqual(500);
  });

  it('shrinks a long title, and cuts one that never fits with an ellipsis', () => {
    const sizes = [{ fontSize: 60, maxLines: 2 }, { fontSize: 40, maxLines: 3 }];
    expect(fitText('Ngắn', 1000, sizes).fontSize).toBe(60);
    expect(fitText(`${TITLE} ${TITLE}`, 1000, sizes).fontSize).toBe(40);
    const cut = fitText(Array(20).fill(TITLE).join(' '), 1000, sizes);
    expect(cut.lines).toHaveLength(3);
    expect(cut.lines.at(-1)).toMatch(/…$/);
    for (const line of cut.lines) expect(measure(line, { fontSize: 40, weight: 'bold' })).toBeLessThanOrEqual(1000);
  });
});

describe('shareCardSvg', () => {
  it('is a 1200×630 card with the title, diacritics intact', () => {
    const svg = shareCardSvg({ title: TITLE, kicker: 'Bản tin', siteName: SITE, locale: 'vi' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1200" height="630"/);
    expect(ihdr(renderPng(svg))).toEqual(SHARE_CARD);
    const lines = texts(svg);
    expect(lines[0]).toBe('Bản tin');
    expect(lines.join(' ')).toContain(TITLE);
    expect(lines).toContain(SITE);
  });

  it('composes decomposed input and escapes markup', () => {
    const svg = shareCardSvg({ title: `${TITLE.normalize('NFD')} <b>&</b>`, siteName: SITE, locale: 'vi' });
    expect(texts(svg).join(' ')).toContain(TITLE);
    expect(svg).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
  });

  it('gives a short title a larger size than a long one, and never more than the card', () => {
    const size = (title: string) => Number(/font-size="(\d+)" font-weight="700" fill="#1b1c1e"/.exec(shareCardSvg({ title, siteName: SITE, locale: 'vi' }))![1]);
    expect(size('Đề án 06')).toBeGreaterThan(size(`${TITLE}, ${TITLE}`));
    const long = shareCardSvg({ title: Array(10).fill(TITLE).join(' '), siteName: SITE, locale: 'vi' });
    expect(texts(long).some((line) => line.endsWith('…'))).toBe(true);
    expect(ihdr(renderPng(long))).toEqual(SHARE_CARD);
  });

  it('draws a chart inside the card, coloured without the page’s stylesheet', () => {
    const svg = shareCardSvg({ title: TITLE, siteName: SITE, locale: 'vi', chartSvg: CHART });
    const nested = /<svg x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="([\d.]+)" viewBox="0 0 300 230"[^>]*>/.exec(svg);
    expect(nested).not.toBeNull();
    expect(Number(nested![1]) / Number(nested![2])).toBeCloseTo(300 / 230, 2);
    expect(nested![0]).toContain('font-family="Noto Sans"');
    expect(nested![0]).not.toMatch(/role=|aria-|system-ui|inherit/);
    expect(svg).toContain('.chart-svg .series-0 { color: #0b64a5; }');
    expect(svg).toContain('.chart-svg .series-1 { color: #b54f00; }');
    expect(svg).not.toContain('var(');
    expect(ihdr(renderPng(svg))).toEqual(SHARE_CARD);
    expect(renderPng(svg).equals(renderPng(shareCardSvg({ title: TITLE, siteName: SITE, locale: 'vi' })))).toBe(false);
  });
});

describe('chartImageSvg', () => {
  const input = { chartSvg: CHART, title: 'Tài khoản định danh điện tử', takeaway: 'Tăng 5 triệu trong tháng.', source: 'Bộ Công an, 20/8/2024', siteName: SITE, dataVersion: '2025-10', width: 680 };

  it('has the title, takeaway and a footer naming source, site and data version', () => {
    const svg = chartImageSvg(input);
    const lines = texts(svg);
    expect(lines[0]).toBe('Tài khoản định danh điện tử');
    expect(lines).toContain('Tăng 5 triệu trong tháng.');
    expect(lines.at(-1)).toBe('Nguồn: Bộ Công an, 20/8/2024 · Đề án 06 qua số liệu · Phiên bản dữ liệu 2025-10');
    expect(texts(chartImageSvg({ ...input, locale: 'en', siteName: 'Project 06 in Numbers' })).at(-1)).toBe('Source: Bộ Công an, 20/8/2024 · Project 06 in Numbers · Data version 2025-10');
  });

  it('is as wide as asked, twice as large at zoom 2', () => {
    const svg = chartImageSvg(input);
    const height = Number(/^<svg[^>]* height="(\d+)"/.exec(svg)![1]);
    expect(ihdr(renderPng(svg))).toEqual({ width: 680, height });
    expect(ihdr(renderPng(svg, { zoom: 2 }))).toEqual({ width: 1360, height: 2 * height });
    const wide = chartImageSvg({ ...input, width: 1200 });
    expect(ihdr(renderPng(wide)).width).toBe(1200);
  });

  it('wraps a long footer between its parts', () => {
    const svg = chartImageSvg({ ...input, width: 400, source: 'Bộ Công an, 20/8/2024; Ngân hàng Nhà nước, 1/9/2024; Bảo hiểm xã hội Việt Nam, 5/9/2024' });
    const lines = texts(svg);
    const footer = lines.slice(lines.findIndex((l) => l.startsWith('Nguồn:')));
    expect(footer.length).toBeGreaterThan(1);
    expect(footer.join(' ')).toContain(`${SITE} · Phiên bản dữ liệu 2025-10`);
    expect(footer.some((line) => line.includes(SITE))).toBe(true);
  });
});

describe('shareJob (reading a built page)', () => {
  const page = (head: string, body = '') => `<!doctype html><html lang="vi"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
  const head = (type: string, image = 'https://example.org/og/vi/articles/x.png') =>
    `<meta property="og:site_name" content="${SITE}"><meta property="og:type" content="${type}"><meta property="og:title" content="Ngân hàng &amp; sinh trắc học: &quot;hồ sơ&quot;"><meta property="og:description" content="Mô tả"><meta property="og:image" content="${image}">`;
  const body = `<p class="eyebrow"><a href="/topics/banking/">Ngân hàng</a> · <a href="/topics/x/">An sinh</a></p><figure class="chart chart-big-number"><div class="big"></div></figure><figure class="chart chart-time-series" id="c"><div class="chart-narrow">${CHART}</div><div class="chart-wide"><svg viewBox="0 0 680 320"></svg></div></figure>`;

  it('reads the title, kicker, language, file and first drawn chart of a story', () => {
    const job = shareJob(page(head('article'), body), '/out', '/out/articles/x/index.html')!;
    expect(job.file).toBe('/out/og/vi/articles/x.png');
    expect(job.card).toMatchObject({ title: 'Ngân hàng & sinh trắc học: "hồ sơ"', kicker: 'Ngân hàng · An sinh', siteName: SITE, locale: 'vi' });
    expect(job.card.chartSvg).toBe(CHART);
  });

  it('draws no chart for other pages, skips pages without og:image, refuses paths outside the site', () => {
    expect(shareJob(page(head('website'), body), '/out', '/out/a/index.html')!.card.chartSvg).toBeUndefined();
    expect(shareJob(page('<meta property="og:title" content="x">'), '/out', '/out/embed/index.html')).toBeUndefined();
    expect(() => shareJob(page(head('website', 'https://example.org/og/..%2F..%2F..%2Fetc/x.png')), '/out', '/out/a/index.html')).toThrow(/outside the site/);
  });
});

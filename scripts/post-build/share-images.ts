/**
 * Writes the link-preview images (PNG, 1200×630) every page's og:image points at.
 *
 * Reads each built page: <html lang>, og:title, og:image (its path names the
 * file), the eyebrow above the title (as the card's kicker) and, for a story
 * (og:type "article"), its first chart; for an indicator, its latest figure and date. Every card carries the site's
 * address. Pages without og:image get none; a
 * file already in the output (from public/) is left alone. Cards are drawn in
 * worker threads (scripts/lib/png-pool.ts); the same page always gives the same bytes.
 */
import { siteAddress, withoutBase } from '../../src/lib/site/address.ts';
import { displayAddress } from '../../src/lib/site/share.ts';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Locale } from '../../src/lib/data/types.ts';
import { shareCardSvg } from '../../src/lib/png/index.ts';
import { type PngPool, pngPool } from '../lib/png-pool.ts';
import type { ShareCardInput } from '../../src/lib/png/index.ts';

interface Job {
  file: string;
  page: string;
  card: ShareCardInput;
}

export async function writeShareImages(outDir: string, png?: PngPool): Promise<{ images: number }> {
  const pages = (await readdir(outDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const jobs = new Map<string, Job>();
  for (const page of pages) {
    const job = shareJob(await readFile(page, 'utf8'), outDir, page);
    if (!job || jobs.has(job.file) || existsSync(job.file)) continue;
    jobs.set(job.file, job);
  }
  // Drawn by the pool's worker threads (and reused from the build cache when the same card was drawn before).
  const pool = png ?? pngPool();
  try {
    await Promise.all([...jobs.values()].map(async (job) => {
      try {
        const picture = await pool.render(shareCardSvg(job.card));
        await mkdir(dirname(job.file), { recursive: true });
        await writeFile(job.file, picture);
      } catch (error) {
        throw new Error(`Share image for ${relative(outDir, job.page)}: ${(error as Error).message}`, { cause: error });
      }
    }));
  } finally {
    if (!png) await pool.close();
  }
  return { images: jobs.size };
}

/** What a page's card shows, read from its HTML; undefined when the page has no og:image of its own. */
export function shareJob(html: string, outDir: string, page: string): Job | undefined {
  const meta = metaTags(html);
  const image = meta.get('og:image');
  if (!image) return undefined;
  // The image's path in dist/: its URL without the origin and the base path (BASE_PATH).
  const pathname = withoutBase(decodeURIComponent(new URL(image, 'https://example.org/').pathname));
  if (!pathname.endsWith('.png')) return undefined;
  const file = resolve(outDir, `.${pathname}`);
  if (!file.startsWith(resolve(outDir) + sep)) throw new Error(`${page}: og:image ${image} points outside the site`);
  const locale: Locale = /<html\b[^>]*\blang="en/.test(html) ? 'en' : 'vi';
  const siteName = meta.get('og:site_name') ?? '';
  const title = meta.get('og:title') ?? siteName;
  const kicker = eyebrow(html);
  const chartSvg = meta.get('og:type') === 'article' ? firstChart(html) : undefined;
  const isHome = title === siteName;
  const figure = latestFigure(html);
  const card: ShareCardInput = {
    title,
    siteName,
    locale,
    ...(kicker ? { kicker } : {}),
    ...(chartSvg ? { chartSvg } : {}),
    ...(isHome && meta.get('og:description') ? { subtitle: meta.get('og:description')! } : {}),
    ...(figure ? { figure } : {}),
    address: displayAddress(siteAddress()),
  };
  return { file, page, card };
}

/** The <meta property|name="…" content="…"> of the page's head, entities decoded. */
function metaTags(html: string): Map<string, string> {
  const head = html.slice(0, Math.max(0, html.indexOf('</head>')) || html.length);
  const tags = new Map<string, string>();
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/g)) {
    const attributes = new Map([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, name, value]) => [name!, decodeEntities(value!)]));
    const key = attributes.get('property') ?? attributes.get('name');
    const content = attributes.get('content');
    if (key && content !== undefined && !tags.has(key)) tags.set(key, content);
  }
  return tags;
}

/**
 * An indicator page's latest figure and its date, from its <h1> (data-figure, data-as-of: the same text the page and
 * its search entry show, qualifier included).
 */
function latestFigure(html: string): { value: string; asOf: string } | undefined {
  const h1 = /<h1\b[^>]*>/.exec(html)?.[0] ?? '';
  const value = /\bdata-figure="([^"]*)"/.exec(h1)?.[1];
  const asOf = /\bdata-as-of="([^"]*)"/.exec(h1)?.[1];
  return value && asOf ? { value: decodeEntities(value), asOf: decodeEntities(asOf) } : undefined;
}

/** The text of the page's first eyebrow (topic, section), if any. */
function eyebrow(html: string): string | undefined {
  const match = /<p\b[^>]*\bclass="eyebrow"[^>]*>([\s\S]*?)<\/p>/.exec(html);
  const text = match ? decodeEntities(match[1]!.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim() : '';
  return text || undefined;
}

/**
 * The first drawn chart of the page (a figure.chart with an SVG): its phone
 * rendering, which fits beside the title at a readable size, else its wide one.
 */
function firstChart(html: string): string | undefined {
  for (const figure of html.matchAll(/<figure\b[^>]*\bclass="chart\b[^"]*"[^>]*>([\s\S]*?)<\/figure>/g)) {
    const body = figure[1]!;
    for (const size of ['chart-narrow', 'chart-wide']) {
      const match = new RegExp(`<div class="${size}">\\s*(<svg\\b[\\s\\S]*?</svg>)`).exec(body);
      if (match) return match[1];
    }
  }
  return undefined;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (all, code: string) => {
    if (code[0] === '#') return String.fromCodePoint(code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
    return NAMED[code.toLowerCase()] ?? all;
  });
}

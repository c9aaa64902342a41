/** Building blocks of the PNG pictures: colours, escaped and wrapped text, charts made drawable without CSS. */
import { FONT_FAMILY, textWidth } from './fonts.ts';
import type { FontWeight } from './fonts.ts';

/** The light theme of src/styles/global.css (resvg has no stylesheet, so the values are repeated here). */
export const COLOURS = {
  bg: '#ffffff',
  surface: '#f5f5f2',
  border: '#d9d9d3',
  text: '#1b1c1e',
  muted: '#55585e',
  accent: '#1a5a9e',
  series: ['#0b64a5', '#b54f00', '#00735a', '#a3407a'],
} as const;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Collapses white space (no-break spaces stay, and keep their words together) and composes diacritics (NFC), so measuring and shaping agree. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/[^\S\u00a0]+/g, ' ').trim();
}

export interface TextStyle {
  fontSize: number;
  weight?: FontWeight;
}

/**
 * Breaks text into lines of at most `maxWidth`, between words (Vietnamese
 * words are separated by spaces, so syllables are never split). A word longer
 * than a line gets a line of its own. With `balance`, lines are evened out
 * (like CSS text-wrap: balance) without adding a line.
 */
export function wrapText(text: string, maxWidth: number, style: TextStyle, balance = false): string[] {
  const words = cleanText(text).split(' ').filter(Boolean);
  const greedy = breakLines(words, maxWidth, style);
  if (!balance || greedy.length < 2) return greedy;
  let low = maxWidth / 2;
  let high = maxWidth;
  let best = greedy;
  for (let step = 0; step < 12; step++) {
    const mid = (low + high) / 2;
    const lines = breakLines(words, mid, style);
    if (lines.length <= greedy.length && lines.every((line) => measure(line, style) <= mid)) {
      best = lines;
      high = mid;
    } else low = mid;
  }
  return best;
}

function breakLines(words: readonly string[], maxWidth: number, style: TextStyle): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, style) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

export function measure(text: string, style: TextStyle): number {
  return textWidth(text, style.fontSize, style.weight ?? 'regular');
}

/** Shortens a line with "…" until it fits `maxWidth`. */
export function ellipsize(line: string, maxWidth: number, style: TextStyle): string {
  if (measure(line, style) <= maxWidth) return line;
  const words = line.split(' ');
  while (words.length > 1 && measure(`${words.join(' ')}…`, style) > maxWidth) words.pop();
  let result = words.join(' ');
  while (result.length > 1 && measure(`${result}…`, style) > maxWidth) result = result.slice(0, -1);
  return `${result.replace(/[\s,.;:–—-]+$/, '')}…`;
}

/**
 * Picks the largest font size at which the text fits in `maxLines`; if none
 * does, the last size, cut to `maxLines` with an ellipsis.
 */
export function fitText(text: string, maxWidth: number, candidates: ReadonlyArray<{ fontSize: number; maxLines: number }>, weight: FontWeight = 'bold'): { lines: string[]; fontSize: number } {
  for (const { fontSize, maxLines } of candidates) {
    const lines = wrapText(text, maxWidth, { fontSize, weight }, true);
    if (lines.length <= maxLines && lines.every((l) => measure(l, { fontSize, weight }) <= maxWidth)) return { lines, fontSize };
  }
  const last = candidates.at(-1)!;
  const style = { fontSize: last.fontSize, weight };
  const lines = wrapText(text, maxWidth, style, true);
  const kept = lines.slice(0, last.maxLines - 1);
  kept.push(ellipsize(lines.slice(last.maxLines - 1).join(' '), maxWidth, style));
  return { lines: kept, fontSize: last.fontSize };
}

/** `<text>` elements, one per line; `y` is the first baseline. */
export function textLines(lines: readonly string[], options: { x: number; y: number; fontSize: number; lineHeight: number; weight?: FontWeight; fill: string; anchor?: 'start' | 'end' }): string {
  const weight = options.weight === 'bold' ? ' font-weight="700"' : '';
  const anchor = options.anchor === 'end' ? ' text-anchor="end"' : '';
  return lines
    .map((line, i) => `<text x="${round(options.x)}" y="${round(options.y + i * options.lineHeight)}" font-size="${options.fontSize}"${weight}${anchor} fill="${options.fill}">${escapeXml(line)}</text>`)
    .join('');
}

export function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The chart's own size, from its viewBox (or width/height). */
export function chartSize(chartSvg: string): { width: number; height: number } {
  const open = /<svg\b[^>]*>/.exec(chartSvg)?.[0] ?? '';
  const viewBox = /\bviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(open);
  if (viewBox) return { width: Number(viewBox[1]), height: Number(viewBox[2]) };
  const width = Number(/\bwidth="([\d.]+)"/.exec(open)?.[1] ?? 0);
  const height = Number(/\bheight="([\d.]+)"/.exec(open)?.[1] ?? 0);
  if (!width || !height) throw new Error('Chart SVG has no viewBox or size');
  return { width, height };
}

/**
 * The chart's markup as a nested <svg> at (x, y) of the given size, coloured
 * without global.css: the page's CSS gives series and targets their colour
 * through `color` (the marks use currentColor), so the same rules are set in
 * a <style> resvg understands, and CSS variables are replaced by their values.
 */
export function embedChart(chartSvg: string, box: { x: number; y: number; width: number; height: number }): string {
  const markup = chartSvg
    .trim()
    .replace(/&nbsp;/g, '&#160;')
    .replace(/var\(\s*--[\w-]+\s*,\s*([^()]+?)\s*\)/g, '$1')
    .replace(/var\(\s*--[\w-]+\s*\)/g, 'currentColor');
  const open = /^<svg\b[^>]*>/.exec(markup);
  if (!open) throw new Error('Chart SVG must start with <svg>');
  const { width, height } = chartSize(markup);
  // The chart's text size is its font-size attribute (render.ts, CHART_FONT_SIZE); the font is the bundled one here.
  const kept = [...open[0].matchAll(/\s([\w:-]+)="([^"]*)"/g)].filter(([, name]) => ['viewBox', 'text-anchor', 'font-size', 'fill'].includes(name!));
  const attributes = [
    `x="${round(box.x)}"`,
    `y="${round(box.y)}"`,
    `width="${round(box.width)}"`,
    `height="${round(box.height)}"`,
    `viewBox="${kept.find(([, name]) => name === 'viewBox')?.[2] ?? `0 0 ${width} ${height}`}"`,
    ...kept.filter(([, name]) => name !== 'viewBox').map(([, name, value]) => `${name}="${value}"`),
    `font-family="${FONT_FAMILY}"`,
    `color="${COLOURS.text}"`,
    'overflow="visible"',
    'class="chart-svg"',
  ];
  return `<svg ${attributes.join(' ')}>${markup.slice(open[0].length)}`;
}

/** The colour rules of global.css for charts, in the CSS subset resvg applies. */
export const CHART_STYLE = [
  '.chart-svg text { fill: currentColor; }',
  ...COLOURS.series.map((colour, i) => `.chart-svg .series-${i} { color: ${colour}; }`),
  // Plot leaves the fill of dots, bars and the track to be inherited from the root's fill="currentColor":
  // a browser resolves it against the group's colour, resvg against the root's. Name those fills.
  ...COLOURS.series.map((colour, i) => `.chart-svg .points-${i} { fill: ${colour}; }`),
  `.chart-svg .target { color: ${COLOURS.muted}; }`,
  `.chart-svg .track { color: ${COLOURS.border}; fill: ${COLOURS.border}; }`,
].join(' ');

/** Box of `size` scaled to fit within `area`, keeping its aspect ratio, aligned top-left. */
export function fitBox(size: { width: number; height: number }, area: { x: number; y: number; width: number; height: number }): { x: number; y: number; width: number; height: number } {
  const scale = Math.min(area.width / size.width, area.height / size.height);
  return { x: area.x, y: area.y, width: size.width * scale, height: size.height * scale };
}

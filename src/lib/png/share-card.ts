/** The link-preview card (Open Graph / Twitter): 1200×630, light theme, the page's title and, for a story, its first chart. */
import type { Locale } from '../data/types.ts';
import { CHART_STYLE, COLOURS, chartSize, embedChart, escapeXml, fitBox, fitText, measure, textLines } from './svg.ts';
import { FONT_FAMILY } from './fonts.ts';

export const SHARE_CARD = { width: 1200, height: 630 } as const;

export interface ShareCardInput {
  title: string;
  /** A short line above the title: the page's topic, "Bản tin", … */
  kicker?: string;
  siteName: string;
  locale: Locale;
  /** A line under the title (e.g. the site's tagline on the home page); drawn only when there is no chart. */
  subtitle?: string;
  /** A chart's SVG markup (the wide rendering), drawn under the title. */
  chartSvg?: string;
}

const PAD = 64;
const TEXT_WIDTH = SHARE_CARD.width - 2 * PAD;
const FOOTER_RULE = 548;

/** Title sizes tried in turn (largest first): without a chart the title is the picture; with one it leaves room. */
const TITLE_ALONE = [
  { fontSize: 76, maxLines: 2 },
  { fontSize: 68, maxLines: 3 },
  { fontSize: 60, maxLines: 3 },
  { fontSize: 52, maxLines: 3 },
  { fontSize: 46, maxLines: 4 },
];
const TITLE_BESIDE_CHART = [
  { fontSize: 60, maxLines: 3 },
  { fontSize: 52, maxLines: 4 },
  { fontSize: 46, maxLines: 5 },
  { fontSize: 40, maxLines: 6 },
];
const TITLE_ABOVE_CHART = [
  { fontSize: 52, maxLines: 1 },
  { fontSize: 46, maxLines: 2 },
  { fontSize: 40, maxLines: 2 },
  { fontSize: 36, maxLines: 2 },
];

export function shareCardSvg(input: ShareCardInput): string {
  const { width, height } = SHARE_CARD;
  const parts: string[] = [];
  const chart = input.chartSvg ? { svg: input.chartSvg, size: chartSize(input.chartSvg) } : undefined;
  // A chart about as tall as wide (the phone rendering) stands beside the title; a wide one goes under it.
  const layout = !chart ? 'alone' : chart.size.width / chart.size.height < 1.7 ? 'beside' : 'above';
  const chartArea = { x: 620, y: 36, width: width - 620 - 40, height: FOOTER_RULE - 36 - 24 };
  const textWidth = layout === 'beside' ? chartArea.x - PAD - 40 : TEXT_WIDTH;
  const kicker = input.kicker?.trim() ? fitText(input.kicker, textWidth, [{ fontSize: 28, maxLines: 1 }], 'bold') : undefined;
  const title = fitText(input.title, textWidth, layout === 'alone' ? TITLE_ALONE : layout === 'beside' ? TITLE_BESIDE_CHART : TITLE_ABOVE_CHART, 'bold');
  const lineHeight = Math.round(title.fontSize * 1.18);
  const kickerHeight = kicker ? 50 : 0;
  const titleHeight = Math.round(title.fontSize * 0.95) + (title.lines.length - 1) * lineHeight + Math.round(title.fontSize * 0.3);
  const subtitle = layout === 'alone' && input.subtitle?.trim() ? fitText(input.subtitle, textWidth, [{ fontSize: 32, maxLines: 3 }], 'regular').lines : [];
  const subtitleHeight = subtitle.length > 0 ? 24 + subtitle.length * 42 : 0;
  // Alone, the text block sits a little above the middle of the space above the footer; with a chart, at the top.
  const top = 56;
  let y = layout === 'above' ? top : Math.max(top, Math.round((FOOTER_RULE - kickerHeight - titleHeight - subtitleHeight) * 0.42));

  // Kicker: the section or topic, in the accent colour.
  if (kicker) {
    parts.push(textLines(kicker.lines, { x: PAD, y: y + 28, fontSize: 28, lineHeight: 34, weight: 'bold', fill: COLOURS.accent }));
    y += kickerHeight;
  }

  // Title: as large as fits.
  parts.push(textLines(title.lines, { x: PAD, y: y + Math.round(title.fontSize * 0.95), fontSize: title.fontSize, lineHeight, weight: 'bold', fill: COLOURS.text }));
  y += titleHeight;
  if (subtitle.length > 0) parts.push(textLines(subtitle, { x: PAD, y: y + 24 + 32, fontSize: 32, lineHeight: 42, fill: COLOURS.muted }));

  // Chart: beside the title, or in the rest of the space above the footer, at its own aspect ratio.
  if (chart) {
    const area = layout === 'beside' ? chartArea : { x: PAD - 16, y: y + 20, width: width - 2 * PAD + 32, height: FOOTER_RULE - 20 - (y + 20) };
    if (area.height > 80) {
      const box = fitBox(chart.size, area);
      if (layout === 'beside') box.y = area.y + (area.height - box.height) / 2;
      parts.push(embedChart(chart.svg, box));
    }
  }

  // Footer: a rule, the site's name and a mark in the accent colour.
  parts.push(`<rect x="0" y="${FOOTER_RULE}" width="${width}" height="1" fill="${COLOURS.border}"/>`);
  parts.push(`<rect x="${PAD}" y="${FOOTER_RULE + 28}" width="28" height="28" rx="4" fill="${COLOURS.accent}"/>`);
  parts.push(`<text x="${PAD + 14}" y="${FOOTER_RULE + 48}" font-size="15" font-weight="700" text-anchor="middle" fill="${COLOURS.bg}">06</text>`);
  parts.push(textLines([input.siteName], { x: PAD + 44, y: FOOTER_RULE + 52, fontSize: 28, lineHeight: 34, weight: 'bold', fill: COLOURS.text }));
  // The site's promise, from its tagline, when it fits beside the name (and the tagline itself is not on the card).
  const motto = input.locale === 'vi' ? 'Từng tháng, từng nguồn' : 'Month by month, source by source';
  if (subtitle.length === 0 && measure(input.siteName, { fontSize: 28, weight: 'bold' }) + measure(motto, { fontSize: 24 }) + 44 + 48 <= TEXT_WIDTH) {
    parts.push(textLines([motto], { x: width - PAD, y: FOOTER_RULE + 52, fontSize: 24, lineHeight: 30, fill: COLOURS.muted, anchor: 'end' }));
  }

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}" lang="${input.locale}">`,
    `<title>${escapeXml(input.title)}</title>`,
    input.chartSvg ? `<style>${CHART_STYLE}</style>` : '',
    `<rect width="${width}" height="${height}" fill="${COLOURS.bg}"/>`,
    `<rect width="${width}" height="10" fill="${COLOURS.accent}"/>`,
    ...parts,
    '</svg>',
  ].join('');
}

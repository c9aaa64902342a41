/** The link-preview card (Open Graph / Twitter): 1200×630, light theme, the page's title and, for a story, its first chart. */
import type { Locale } from '../data/types.ts';
import { CHART_STYLE, COLOURS, chartSize, embedChart, escapeXml, fitBox, fitText, measure, textLines } from './svg.ts';
import { FONT_FAMILY } from './fonts.ts';
import { t } from '../i18n/ui.ts';

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
  /**
   * An indicator's latest figure, drawn large under the title: the value with its qualifier and unit
   * ("hơn 45,2 triệu tài khoản") and its as-of date as written on the page ("20/8/2024").
   */
  figure?: { value: string; asOf: string };
  /** The site's address as a reader types it ("example.vn/de-an-06"), in the footer: the card leads back to the site. */
  address?: string;
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
const TITLE_ABOVE_FIGURE = [
  { fontSize: 56, maxLines: 2 },
  { fontSize: 48, maxLines: 2 },
  { fontSize: 42, maxLines: 3 },
  { fontSize: 36, maxLines: 3 },
];
/** The figure is the picture: as large as fits on one line, else two. */
const FIGURE_SIZES = [
  { fontSize: 96, maxLines: 1 },
  { fontSize: 80, maxLines: 1 },
  { fontSize: 68, maxLines: 1 },
  { fontSize: 60, maxLines: 2 },
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
  const figure = layout === 'alone' && input.figure ? fitText(input.figure.value, textWidth, FIGURE_SIZES, 'bold') : undefined;
  const title = fitText(input.title, textWidth, figure ? TITLE_ABOVE_FIGURE : layout === 'alone' ? TITLE_ALONE : layout === 'beside' ? TITLE_BESIDE_CHART : TITLE_ABOVE_CHART, 'bold');
  const figureLineHeight = figure ? Math.round(figure.fontSize * 1.1) : 0;
  // The figure's block: its lines, then its date at 30px.
  const figureHeight = figure ? 28 + Math.round(figure.fontSize * 0.95) + (figure.lines.length - 1) * figureLineHeight + 32 + 36 : 0;
  const lineHeight = Math.round(title.fontSize * 1.18);
  const kickerHeight = kicker ? 50 : 0;
  const titleHeight = Math.round(title.fontSize * 0.95) + (title.lines.length - 1) * lineHeight + Math.round(title.fontSize * 0.3);
  const subtitle = layout === 'alone' && !figure && input.subtitle?.trim() ? fitText(input.subtitle, textWidth, [{ fontSize: 32, maxLines: 3 }], 'regular').lines : [];
  const subtitleHeight = subtitle.length > 0 ? 24 + subtitle.length * 42 : 0;
  // Alone, the text block sits a little above the middle of the space above the footer; with a chart, at the top.
  const top = 56;
  let y = layout === 'above' ? top : Math.max(top, Math.round((FOOTER_RULE - kickerHeight - titleHeight - subtitleHeight - figureHeight) * 0.42));

  // Kicker: the section or topic, in the accent colour.
  if (kicker) {
    parts.push(textLines(kicker.lines, { x: PAD, y: y + 28, fontSize: 28, lineHeight: 34, weight: 'bold', fill: COLOURS.accent }));
    y += kickerHeight;
  }

  // Title: as large as fits.
  parts.push(textLines(title.lines, { x: PAD, y: y + Math.round(title.fontSize * 0.95), fontSize: title.fontSize, lineHeight, weight: 'bold', fill: COLOURS.text }));
  y += titleHeight;
  if (subtitle.length > 0) parts.push(textLines(subtitle, { x: PAD, y: y + 24 + 32, fontSize: 32, lineHeight: 42, fill: COLOURS.muted }));

  // An indicator's latest figure, large, in the accent colour, with its date under it.
  if (figure && input.figure) {
    y += 28 + Math.round(figure.fontSize * 0.95);
    parts.push(textLines(figure.lines, { x: PAD, y, fontSize: figure.fontSize, lineHeight: figureLineHeight, weight: 'bold', fill: COLOURS.accent }));
    y += (figure.lines.length - 1) * figureLineHeight + 32 + 30;
    parts.push(textLines([`${t(input.locale, 'figure.asOf')} ${input.figure.asOf}`], { x: PAD, y, fontSize: 30, lineHeight: 36, fill: COLOURS.muted }));
    y += 6;
  }

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
  // The site's address at the right, so a card seen without its link still leads back (as large as fits beside the
  // name); without one, the site's promise when it fits.
  const room = TEXT_WIDTH - measure(input.siteName, { fontSize: 28, weight: 'bold' }) - 44 - 48;
  if (input.address) {
    const fontSize = [26, 22, 18].find((size) => measure(input.address!, { fontSize: size }) <= room) ?? 18;
    parts.push(textLines([input.address], { x: width - PAD, y: FOOTER_RULE + 52, fontSize, lineHeight: 30, fill: COLOURS.text, anchor: 'end' }));
  } else {
    const motto = input.locale === 'vi' ? 'Từng tháng, từng nguồn' : 'Month by month, source by source';
    if (subtitle.length === 0 && measure(motto, { fontSize: 24 }) <= room) {
      parts.push(textLines([motto], { x: width - PAD, y: FOOTER_RULE + 52, fontSize: 24, lineHeight: 30, fill: COLOURS.muted, anchor: 'end' }));
    }
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

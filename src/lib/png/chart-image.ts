/**
 * A chart as a picture to download: its title (and takeaway) above, and
 * below it a line with the source, the site and the data version, so the
 * picture still says where it comes from when it is shared on its own.
 */
import type { Locale } from '../data/types.ts';
import { t } from '../i18n/ui.ts';
import { FONT_FAMILY } from './fonts.ts';
import { CHART_STYLE, COLOURS, chartSize, cleanText, embedChart, escapeXml, fitText, textLines, wrapText } from './svg.ts';

export interface ChartImageInput {
  chartSvg: string;
  title: string;
  takeaway?: string;
  /** The sources, already written out (e.g. "Bộ Công an, 20/8/2024"). */
  source: string;
  siteName: string;
  /** The site's address as a reader types it ("example.vn/de-an-06"), so the picture leads back to the site. */
  address?: string;
  dataVersion: string;
  /** Width of the picture in SVG units (the PNG's width at zoom 1). */
  width: number;
  /** Language of the footer's labels ("Nguồn", "Phiên bản dữ liệu"); Vietnamese unless given. */
  locale?: Locale;
}

/** Scales with the picture's width: 680 units wide gives a 22px title. */
function sizes(width: number) {
  const unit = Math.max(0.75, Math.min(2, width / 680));
  return { pad: Math.round(24 * unit), title: Math.round(22 * unit), takeaway: Math.round(15 * unit), footer: Math.round(13 * unit) };
}

export function chartImageSvg(input: ChartImageInput): string {
  const locale = input.locale ?? 'vi';
  const { width } = input;
  const s = sizes(width);
  const textWidth = width - 2 * s.pad;
  const parts: string[] = [];
  let y = s.pad;

  if (cleanText(input.title)) {
    const title = fitText(input.title, textWidth, [{ fontSize: s.title, maxLines: 4 }], 'bold');
    const lineHeight = Math.round(s.title * 1.25);
    y += Math.round(s.title * 0.95);
    parts.push(textLines(title.lines, { x: s.pad, y, fontSize: s.title, lineHeight, weight: 'bold', fill: COLOURS.text }));
    y += (title.lines.length - 1) * lineHeight + Math.round(s.title * 0.35);
  }
  if (input.takeaway && cleanText(input.takeaway)) {
    const lines = wrapText(input.takeaway, textWidth, { fontSize: s.takeaway });
    const lineHeight = Math.round(s.takeaway * 1.4);
    y += Math.round(s.takeaway * 0.6) + Math.round(s.takeaway * 0.95);
    parts.push(textLines(lines, { x: s.pad, y, fontSize: s.takeaway, lineHeight, fill: COLOURS.muted }));
    y += (lines.length - 1) * lineHeight + Math.round(s.takeaway * 0.35);
  }

  // The chart at the full text width (its own margins hold the axis labels).
  const size = chartSize(input.chartSvg);
  const chartWidth = textWidth;
  const chartHeight = (size.height / size.width) * chartWidth;
  y += Math.round(s.pad * 0.6);
  parts.push(embedChart(input.chartSvg, { x: s.pad, y, width: chartWidth, height: chartHeight }));
  y += chartHeight + Math.round(s.pad * 0.5);

  // Footer: where the figures come from, whose picture it is, which data.
  // The site's name and the version stay whole on a line (no-break spaces); the sources may wrap.
  const keep = (text: string) => cleanText(text).replace(/ /g, '\u00a0');
  const site = input.address ? `${keep(input.siteName)} (${keep(input.address)})` : keep(input.siteName);
  const footer = `${t(locale, 'figure.source')}: ${cleanText(input.source)} · ${site} · ${keep(`${t(locale, 'footer.version')} ${input.dataVersion}`)}`;
  const lines = wrapText(footer, textWidth, { fontSize: s.footer });
  const lineHeight = Math.round(s.footer * 1.4);
  parts.push(`<rect x="${s.pad}" y="${Math.round(y)}" width="${textWidth}" height="1" fill="${COLOURS.border}"/>`);
  y += Math.round(s.footer * 0.8) + Math.round(s.footer * 0.95);
  parts.push(textLines(lines, { x: s.pad, y, fontSize: s.footer, lineHeight, fill: COLOURS.muted }));
  y += (lines.length - 1) * lineHeight + s.pad;

  const height = Math.ceil(y);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}" lang="${locale}">`,
    `<title>${escapeXml(cleanText(input.title))}</title>`,
    `<style>${CHART_STYLE}</style>`,
    `<rect width="${width}" height="${height}" fill="${COLOURS.bg}"/>`,
    ...parts,
    '</svg>',
  ].join('');
}

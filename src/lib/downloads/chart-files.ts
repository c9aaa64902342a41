import type { RenderedChart } from '../charts/render.ts';
import type { Locale } from '../data/types.ts';
import { t } from '../i18n/ui.ts';
import { publisherLabel } from '../site/display.ts';
import { FONT_FAMILY, chartImageSvg } from '../png/index.ts';
import { displayAddress } from '../site/share.ts';
import { siteAddress } from '../site/address.ts';
import { measure, wrapText } from '../png/svg.ts';

/**
 * The files a journalist downloads for one chart: CSV and JSON of exactly the
 * figures shown (superseded ones flagged, not hidden), and a self-contained
 * SVG (the PNG is that SVG at 2×). All carry the data version. A value is
 * read with its qualifier (`qualifier` "more-than" and `value` 45200000 is
 * "hơn 45,2 triệu"), beside the sentence of the source that holds it.
 */

/**
 * Options for every CSV we write: `\n` line ends, and cells that a spreadsheet would run as a
 * formula (starting with =, +, -, @, a tab or a carriage return) prefixed with `'`. A quote is
 * text from a web page; it must stay text. Numbers stay numbers (a negative value is not escaped).
 */
export const CSV_OPTIONS = { record_delimiter: '\n', escape_formulas: true } as const;

// The records, CSV and JSON are pure (the browser writes them too): chart-records.ts.
export { CHART_CSV_COLUMNS, LICENCE, chartCitation, chartCsv, chartJson, chartRecords, csvCell, periodCell, sameDateRelations } from './chart-records.ts';
export type { ChartFileContext } from './chart-records.ts';

/** A self-contained SVG: title, takeaway, the chart with colours inlined, and a footer with source, site and data version. */
export function chartSvgFile(chart: RenderedChart, locale: Locale): string {
  const drawing = chart.svg?.wide ?? bigNumberSvg(chart, locale);
  const publishers = [...new Set(chart.sources.map((s) => publisherLabel(s, locale)))].join('; ');
  const svg = chartImageSvg({
    chartSvg: drawing,
    title: chart.title,
    takeaway: chart.takeaway,
    source: publishers,
    siteName: t(locale, 'site.name'),
    address: displayAddress(siteAddress()),
    dataVersion: chart.release,
    width: 680,
    locale,
  });
  // Noto Sans is bundled for the PNG; a reader's SVG viewer may not have it, so fall back to common sans-serif fonts
  // of similar width (never to the viewer's default, often a serif). resvg still picks the first font it has: Noto Sans.
  const portable = svg.replaceAll(`font-family="${FONT_FAMILY}"`, `font-family="${SVG_FONT_STACK}"`);
  return portable.startsWith('<?xml') ? portable : `<?xml version="1.0" encoding="UTF-8"?>\n${portable}`;
}

/** The downloadable PNG is the downloadable SVG drawn at this zoom (sharp on high-density screens). */
export const CHART_PNG_ZOOM = 2;

/**
 * The pixel size of a chart's downloadable PNG, known without drawing it: the size of its SVG (`chartSvgFile`,
 * whose width and height are whole numbers) times CHART_PNG_ZOOM — exactly what resvg renders.
 */
export function chartPngSize(svgFile: string): { width: number; height: number } {
  const match = /<svg\b[^>]*?\swidth="(\d+)"[^>]*?\sheight="(\d+)"/.exec(svgFile);
  if (!match) throw new Error('chartPngSize: the SVG has no whole-number width and height');
  return { width: Number(match[1]) * CHART_PNG_ZOOM, height: Number(match[2]) * CHART_PNG_ZOOM };
}

/** The fonts a downloaded SVG asks for, in order (single quotes: it sits in a double-quoted attribute). */
export const SVG_FONT_STACK = `'${FONT_FAMILY}', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif`;

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A big number drawn as SVG (number with its qualifier, unit, as-of date, change), with its
 * sparkline when it has a history. A long qualified number ("more than 132.4 million") is set
 * smaller so it never runs under the sparkline; the change line wraps.
 */
function bigNumberSvg(chart: RenderedChart, locale: Locale): string {
  const big = chart.bigNumber;
  if (!big) return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 680 40" width="680" height="40"></svg>';
  const asOf = `${locale === 'vi' ? 'Số liệu đến' : 'As of'} ${big.asOf}`;
  const sparkline = big.sparkline ? big.sparkline.replace(/^<svg[^>]*?>/, (tag) => tag.replace(/\s(?:width|height|x|y)="[^"]*"/g, '').replace(/^<svg /, '<svg x="480" y="30" width="180" height="54" overflow="visible" ')) : '';
  const room = (sparkline ? 460 : 680) - (big.unit ? 12 + measure(big.unit, { fontSize: 24 }) : 0);
  const valueSize = Math.max(28, Math.min(56, Math.floor((56 * room) / measure(big.value, { fontSize: 56, weight: 'bold' }))));
  const changeLines = big.change ? wrapText(big.change, 680, { fontSize: 18 }) : [];
  // As tall as what it holds: no blank band when there is no change line.
  const height = 115 + changeLines.length * 26 + (changeLines.length > 0 ? 9 : 0);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 680 ${height}" width="680" height="${height}" class="chart-svg">`,
    `<text x="0" y="62" font-size="${valueSize}" font-weight="bold" fill="currentColor">${escape(big.value)}<tspan dx="12" font-size="24" font-weight="normal">${escape(big.unit)}</tspan></text>`,
    `<text x="0" y="100" font-size="18" fill="currentColor">${escape(asOf)}</text>`,
    ...changeLines.map((line, i) => `<text x="0" y="${130 + i * 26}" font-size="18" fill="currentColor">${escape(line)}</text>`),
    `<g class="series-0">${sparkline}</g>`,
    '</svg>',
  ].join('');
}

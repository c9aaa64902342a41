import { stringify } from 'csv-stringify/sync';
import type { RenderedChart } from '../charts/render.ts';
import type { Locale } from '../data/types.ts';
import { citationText } from '../embed/citation.ts';
import { t } from '../i18n/ui.ts';
import { FONT_FAMILY, chartImageSvg } from '../png/index.ts';

/**
 * The files a journalist downloads for one chart: CSV and JSON of exactly the
 * figures shown (superseded ones flagged, not hidden), and a self-contained
 * SVG (the PNG is that SVG at 2×). All carry the data version.
 */

export const LICENCE = {
  name: 'CC-BY-4.0',
  title: 'Creative Commons Attribution 4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  note: { vi: 'Bản tổng hợp: CC BY 4.0. Số liệu thuộc về các nguồn được trích dẫn.', en: 'Compilation: CC BY 4.0. Figures belong to the sources cited.' },
} as const;

/** Columns of a chart's CSV, in order. */
export const CHART_CSV_COLUMNS = [
  'indicator_id',
  'indicator_name',
  'unit',
  'value',
  'total',
  'as_of',
  'as_of_inferred',
  'current',
  'source_title',
  'source_publisher',
  'source_published',
  'source_url',
  'note',
  'release',
  'data_version',
] as const;

export interface ChartFileContext {
  locale: Locale;
  /** Absolute URL of the page the chart belongs to. */
  pageUrl: string;
  siteUrl: string;
}

/** One record per figure of the chart, keyed by CHART_CSV_COLUMNS. */
export function chartRecords(chart: RenderedChart, locale: Locale): Array<Record<(typeof CHART_CSV_COLUMNS)[number], string | number | boolean | null>> {
  return chart.rows.map(({ indicator, figure, current }) => ({
    indicator_id: indicator.id,
    indicator_name: indicator.name[locale],
    unit: indicator.unit[locale],
    value: figure.value,
    total: figure.total ?? null,
    as_of: figure.asOf,
    as_of_inferred: figure.asOfInferred,
    current,
    source_title: figure.source.title,
    source_publisher: figure.source.publisher,
    source_published: figure.source.published ?? null,
    source_url: figure.source.url ?? null,
    note: figure.note?.[locale] ?? null,
    release: figure.release,
    data_version: chart.dataVersion,
  }));
}

/** UTF-8 without BOM, header row, ISO dates, dot decimals, one figure per row. */
export function chartCsv(chart: RenderedChart, locale: Locale): string {
  const rows = chartRecords(chart, locale).map((record) => CHART_CSV_COLUMNS.map((column) => {
    const value = record[column];
    return value === null ? '' : typeof value === 'boolean' ? String(value) : value;
  }));
  return stringify([[...CHART_CSV_COLUMNS], ...rows], { record_delimiter: '\n' });
}

export function chartCitation(chart: RenderedChart, context: ChartFileContext): string {
  return citationText({ title: chart.title, release: chart.dataVersion, url: context.pageUrl, locale: context.locale });
}

/** The same figures as the CSV, with what is needed to use and cite them. */
export function chartJson(chart: RenderedChart, context: ChartFileContext): string {
  const { locale } = context;
  const body = {
    chart: { id: chart.spec.id, kind: chart.spec.kind, title: chart.title, takeaway: chart.takeaway, summary: chart.summary, page: context.pageUrl },
    locale,
    data_version: chart.dataVersion,
    publisher: t(locale, 'site.name'),
    site: context.siteUrl,
    citation: chartCitation(chart, context),
    licence: { name: LICENCE.name, title: LICENCE.title, path: LICENCE.path, note: LICENCE.note[locale] },
    sources: chart.sources,
    figures: chartRecords(chart, locale),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** A self-contained SVG: title, takeaway, the chart with colours inlined, and a footer with source, site and data version. */
export function chartSvgFile(chart: RenderedChart, locale: Locale): string {
  const drawing = chart.svg?.wide ?? bigNumberSvg(chart, locale);
  const publishers = [...new Set(chart.sources.map((s) => s.publisher))].join('; ');
  const svg = chartImageSvg({
    chartSvg: drawing,
    title: chart.title,
    takeaway: chart.takeaway,
    source: publishers,
    siteName: t(locale, 'site.name'),
    dataVersion: chart.dataVersion,
    width: 680,
    locale,
  });
  // Noto Sans is bundled for the PNG; a reader's SVG viewer may not have it, so fall back to common sans-serif fonts
  // of similar width (never to the viewer's default, often a serif). resvg still picks the first font it has: Noto Sans.
  const portable = svg.replaceAll(`font-family="${FONT_FAMILY}"`, `font-family="${SVG_FONT_STACK}"`);
  return portable.startsWith('<?xml') ? portable : `<?xml version="1.0" encoding="UTF-8"?>\n${portable}`;
}

/** The fonts a downloaded SVG asks for, in order (single quotes: it sits in a double-quoted attribute). */
export const SVG_FONT_STACK = `'${FONT_FAMILY}', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif`;

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A big number drawn as SVG (number, unit, as-of date, change), with its sparkline when it has a history. */
function bigNumberSvg(chart: RenderedChart, locale: Locale): string {
  const big = chart.bigNumber;
  if (!big) return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 680 40" width="680" height="40"></svg>';
  const asOf = `${locale === 'vi' ? 'Số liệu đến' : 'As of'} ${big.asOf}`;
  const sparkline = big.sparkline ? big.sparkline.replace(/^<svg[^>]*?>/, (tag) => tag.replace(/\s(?:width|height|x|y)="[^"]*"/g, '').replace(/^<svg /, '<svg x="480" y="30" width="180" height="54" ')) : '';
  // As tall as what it holds: no blank band when there is no change line.
  const height = big.change ? 150 : 115;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 680 ${height}" width="680" height="${height}" class="chart-svg">`,
    `<text x="0" y="62" font-size="56" font-weight="bold" fill="currentColor">${escape(big.value)}<tspan dx="12" font-size="24" font-weight="normal">${escape(big.unit)}</tspan></text>`,
    `<text x="0" y="100" font-size="18" fill="currentColor">${escape(asOf)}</text>`,
    big.change ? `<text x="0" y="130" font-size="18" fill="currentColor">${escape(big.change)}</text>` : '',
    `<g class="series-0">${sparkline}</g>`,
    '</svg>',
  ].join('');
}

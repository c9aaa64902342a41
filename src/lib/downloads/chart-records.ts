/**
 * The figures of a chart as a journalist downloads them, CSV and JSON: pure, so the build (scripts/post-build/downloads.ts)
 * and the browser (the explorer's "download this view") write the same columns from the same records.
 * A value is read with its qualifier (`qualifier` "more-than" and `value` 45200000 is "hơn 45,2 triệu"), beside the
 * sentence of the source that holds it.
 */
import type { ChartView } from '../charts/view.ts';
import type { SeriesPoint } from '../data/series.ts';
import { buildSeries, describedFigure } from '../data/series.ts';
import type { Figure, FigurePeriod, Indicator, Locale, SameDateRelation } from '../data/types.ts';
import { QUALIFIERS } from '../data/types.ts';
import { citationText } from '../embed/citation.ts';
import { figureWord } from '../i18n/figure-words.ts';

/** The relation of each later figure for a date to the earlier one (for a rounding, on the rounded figure); the first figure of a date has none. */
export function sameDateRelations(points: Iterable<SeriesPoint>): Map<Figure, SameDateRelation> {
  const relations = new Map<Figure, SameDateRelation>();
  for (const point of points) for (const entry of point.sameDate) relations.set(describedFigure(entry), entry.relation);
  return relations;
}

/** A figure's period for a file: its text in the language, `unknown`, or null when the figure states none. */
export function periodCell(period: FigurePeriod | undefined, locale: Locale): string | null {
  if (period === undefined) return null;
  return period === 'unknown' ? 'unknown' : period[locale];
}

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
  'qualifier',
  'value',
  'total',
  'as_of',
  'as_of_inferred',
  'period',
  'break',
  'current',
  'same_date_relation',
  'source_title',
  'source_publisher',
  'source_published',
  'source_url',
  'quote',
  'quote_language',
  'quote_translated',
  'quote_exception',
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
export function chartRecords(chart: ChartView, locale: Locale): Array<Record<(typeof CHART_CSV_COLUMNS)[number], string | number | boolean | null>> {
  const relations = chartRelations(chart);
  return chart.rows.map(({ indicator, figure, current }) => ({
    indicator_id: indicator.id,
    indicator_name: indicator.name[locale],
    unit: indicator.unit[locale],
    qualifier: figure.qualifier ?? null,
    value: figure.value,
    total: figure.total ?? null,
    as_of: figure.asOf,
    as_of_inferred: figure.asOfInferred,
    period: periodCell(figure.period, locale),
    break: figure.seriesBreak?.[locale] ?? null,
    current,
    same_date_relation: relations.get(figure) ?? null,
    source_title: figure.source.title,
    source_publisher: figure.source.publisher,
    source_published: figure.source.published ?? null,
    source_url: figure.source.url ?? null,
    quote: figure.quote.text,
    quote_language: figure.quote.language,
    quote_translated: figure.quote.translated,
    quote_exception: figure.quote.exception ?? null,
    note: figure.note?.[locale] ?? null,
    release: figure.release,
    data_version: chart.release,
  }));
}

/** The same-date relations among a chart's figures, from its rows alone (a pinned chart as it stood then). */
function chartRelations(chart: ChartView): Map<Figure, SameDateRelation> {
  const byIndicator = new Map<string, { indicator: Indicator; figures: Figure[] }>();
  for (const { indicator, figure } of chart.rows) {
    const entry = byIndicator.get(indicator.id) ?? { indicator, figures: [] };
    entry.figures.push(figure);
    byIndicator.set(indicator.id, entry);
  }
  return sameDateRelations([...byIndicator.values()].flatMap(({ indicator, figures }) => buildSeries(indicator, figures).points));
}

/**
 * One CSV cell as csv-stringify writes it with CSV_OPTIONS (chart-files.ts; a unit test holds the two equal):
 * quoted when it holds a comma, a quote or a `\n` (the record delimiter; a lone `\r` is not quoted, as csv-stringify does); a text cell a spreadsheet would run as a formula gets a leading `'`.
 */
export function csvCell(value: string | number | null): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') return String(value);
  const text = /^[-=+@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(value) ? `'${value}` : value;
  return /[",\n]/.test(value) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** UTF-8 without BOM, header row, ISO dates, dot decimals, one figure per row, `\n` line ends; no cell runs as a formula. */
export function chartCsv(chart: ChartView, locale: Locale): string {
  const rows = chartRecords(chart, locale).map((record) => CHART_CSV_COLUMNS.map((column) => {
    const value = record[column];
    return value === null ? '' : typeof value === 'boolean' ? String(value) : value;
  }));
  return [[...CHART_CSV_COLUMNS], ...rows].map((row) => `${row.map(csvCell).join(',')}\n`).join('');
}

export function chartCitation(chart: ChartView, context: ChartFileContext): string {
  return citationText({ title: chart.title, release: chart.release, url: context.pageUrl, locale: context.locale });
}

/** The same figures as the CSV, with what is needed to use and cite them. */
export function chartJson(chart: ChartView, context: ChartFileContext): string {
  const { locale } = context;
  const body = {
    chart: { id: chart.spec.id, kind: chart.spec.kind, title: chart.title, takeaway: chart.takeaway, summary: chart.summary, page: context.pageUrl },
    locale,
    data_version: chart.release,
    publisher: figureWord(locale, 'site.name'),
    site: context.siteUrl,
    citation: chartCitation(chart, context),
    licence: { name: LICENCE.name, title: LICENCE.title, path: LICENCE.path, note: LICENCE.note[locale] },
    sources: chart.sources,
    // The words of each qualifier in this language: a figure reads "<qualifier word> <value>".
    qualifiers: Object.fromEntries(QUALIFIERS.map((q) => [q, figureWord(locale, `qualifier.${q}`)])),
    figures: chartRecords(chart, locale),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}


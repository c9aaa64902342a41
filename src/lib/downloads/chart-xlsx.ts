import writeExcelFile from 'write-excel-file/node';
import type { RenderedChart } from '../charts/render.ts';
import type { Locale } from '../data/types.ts';
import { QUALIFIERS } from '../data/types.ts';
import { t } from '../i18n/ui.ts';
import { CHART_CSV_COLUMNS, LICENCE, chartCitation, chartRecords, type ChartFileContext } from './chart-files.ts';

/**
 * The chart's figures as an Excel workbook, for newsrooms that open data in Excel: the plain UTF-8 CSV opens garbled
 * there on Windows (no BOM), and in a Vietnamese locale Excel splits cells on ";" so a CSV lands in one column. An
 * .xlsx has neither problem. Same columns and rows as the CSV (`chartRecords`), numbers as numbers, dates as the ISO
 * text the sources are cited with; every text — a quote from a web page included — is stored as text, never as a
 * formula. A second sheet says how to cite the figures and under which licence.
 */
export async function chartXlsx(chart: RenderedChart, context: ChartFileContext): Promise<Buffer> {
  const { locale } = context;
  const header = CHART_CSV_COLUMNS.map((name) => ({ value: name, fontWeight: 'bold' as const }));
  const rows = chartRecords(chart, locale).map((record) => CHART_CSV_COLUMNS.map((column) => {
    const value = record[column];
    if (value === null) return null;
    if (typeof value === 'number') return { value, type: Number };
    if (typeof value === 'boolean') return { value: String(value), type: String };
    return { value, type: String };
  }));
  const about = [
    [{ value: chart.title, fontWeight: 'bold' as const }],
    [{ value: chartCitation(chart, context), type: String }],
    [{ value: LICENCE.note[locale], type: String }],
    [{ value: LICENCE.path, type: String }],
    [{ value: qualifierNote(locale), type: String }],
  ];
  const workbook = writeExcelFile([
    { data: [header, ...rows], sheet: SHEETS[locale].figures, columns: CHART_CSV_COLUMNS.map((name) => ({ width: WIDTHS[name] ?? 14 })), stickyRowsCount: 1 },
    { data: about, sheet: SHEETS[locale].about, columns: [{ width: 120 }] },
  ]);
  return reproducible(await workbook.toBuffer());
}

/**
 * Every zip entry dated 1980-01-01 00:00 (the zip format's epoch) instead of the time it was written: the same
 * figures give the same bytes, in any time zone. The date and time are set in place, in each entry's central
 * directory record and local header; unzipping and compressing the workbook again to change them took two thirds of
 * the time a workbook costs.
 */
function reproducible(xlsx: Buffer): Buffer {
  const bytes = Buffer.from(xlsx);
  const end = bytes.lastIndexOf(ZIP_END);
  if (end < 0) throw new Error('chartXlsx: the workbook written is not a zip archive (no end of central directory)');
  let record = bytes.readUInt32LE(end + 16);
  for (let entry = bytes.readUInt16LE(end + 10); entry > 0; entry--) {
    if (bytes.readUInt32LE(record) !== ZIP_CENTRAL_RECORD) throw new Error(`chartXlsx: no central directory record at byte ${record} of the workbook`);
    const local = bytes.readUInt32LE(record + 42);
    if (bytes.readUInt32LE(local) !== ZIP_LOCAL_HEADER) throw new Error(`chartXlsx: no local file header at byte ${local} of the workbook`);
    for (const at of [record + 12, local + 10]) {
      bytes.writeUInt16LE(0, at); // 00:00:00
      bytes.writeUInt16LE(ZIP_EPOCH_DATE, at + 2);
    }
    record += 46 + bytes.readUInt16LE(record + 28) + bytes.readUInt16LE(record + 30) + bytes.readUInt16LE(record + 32);
  }
  return bytes;
}
const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP_CENTRAL_RECORD = 0x02014b50;
const ZIP_LOCAL_HEADER = 0x04034b50;
/** MS-DOS date of 1980-01-01: day 1, month 1, year 0 (from 1980). */
const ZIP_EPOCH_DATE = (0 << 9) | (1 << 5) | 1;

const SHEETS: Record<Locale, { figures: string; about: string }> = {
  vi: { figures: 'Số liệu', about: 'Trích dẫn' },
  en: { figures: 'Figures', about: 'How to cite' },
};

/** What the qualifier column means, in the glossary's words. */
function qualifierNote(locale: Locale): string {
  const words = QUALIFIERS.map((q) => `${q} = “${t(locale, `qualifier.${q}`)}”`).join(', ');
  return locale === 'vi'
    ? `Cột qualifier là chữ nguồn đặt trước con số: ${words}; để trống là số chính xác.`
    : `The qualifier column is the word the source puts on the number: ${words}; empty for an exact figure.`;
}

const WIDTHS: Partial<Record<(typeof CHART_CSV_COLUMNS)[number], number>> = {
  indicator_id: 28,
  indicator_name: 40,
  value: 16,
  as_of: 12,
  source_title: 40,
  source_publisher: 24,
  source_url: 40,
  quote: 80,
  note: 40,
};

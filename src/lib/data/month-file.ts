import { parse } from 'csv-parse/sync';
import { closest } from 'fastest-levenshtein';
import type { DataIssue } from './errors.ts';
import type { Bilingual, Figure, FigurePeriod, FileLocation, Indicator, Qualifier, Quote, Release, SameDateRelation, Source } from './types.ts';
import { findValueInQuote, qualifiersAgree } from './quote.ts';
import { isWebUrl, WEB_URL_EXPECTED } from './url.ts';
import { parseJsonText } from './json-text.ts';
import { endOfMonth, parseIsoDate, parsePlainNumber, suggestIsoDate, suggestPlainNumber } from './values.ts';

/**
 * The columns of a month file, in order. CSV files have them as a header row;
 * JSON files use the same names as keys of each object in `figures`.
 */
export const MONTH_COLUMNS = [
  'indicator',
  'qualifier',
  'value',
  'total',
  'as_of',
  'as_of_inferred',
  'period',
  'period_en',
  'source_title',
  'source_publisher',
  'source_publisher_en',
  'source_published',
  'source_url',
  'quote',
  'quote_language',
  'quote_translated',
  'quote_exception',
  'same_date',
  'break',
  'break_en',
  'correction',
  'correction_en',
  'note',
  'note_en',
] as const;
export type MonthColumn = (typeof MONTH_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly MonthColumn[] = ['indicator', 'value', 'as_of', 'source_title', 'source_publisher', 'quote'];

/** `YYYY-MM.csv` or `YYYY-MM.json`. */
export const MONTH_FILE_NAME = /^(\d{4}-\d{2})\.(csv|json)$/;

/** A row as typed by a maintainer, before validation, with where it was read. */
export interface RawRow {
  values: Partial<Record<MonthColumn, unknown>>;
  location: FileLocation;
  /** How to name a field of this row in an issue: CSV column or JSON path. */
  fieldPath: (field: MonthColumn) => string;
}

/** The release id of a month file name, or undefined when the name is not `YYYY-MM.csv|json`. */
export function releaseIdOf(fileName: string): string | undefined {
  const match = MONTH_FILE_NAME.exec(fileName);
  if (!match) return undefined;
  const id = match[1]!;
  return parseIsoDate(id)?.precision === 'month' ? id : undefined;
}

/** Decodes bytes as UTF-8, refusing other encodings a spreadsheet may have used. */
export function decodeUtf8(bytes: Uint8Array, file: string): { text?: string; issue?: DataIssue } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { issue: { file, expected: 'a UTF-8 file, but this one is UTF-16: save it as "CSV UTF-8 (comma delimited)"' } };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { issue: { file, expected: 'a UTF-8 file, but this one is in another encoding (Vietnamese letters would be garbled): save it as "CSV UTF-8 (comma delimited)"' } };
  }
}

/** Splits a CSV month file into raw rows. Accepts a BOM, CRLF, blank lines and `;` as delimiter. */
export function readCsvRows(text: string, file: string): { rows: RawRow[]; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const body = text.replace(/^\uFEFF/, '');
  const headerLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(body, { delimiter, info: true, skip_empty_lines: true, relax_column_count: true, trim: false }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { rows: [], issues: [{ file, line, expected: `a well-formed CSV file (${(error as Error).message}); a value containing a comma, quote or line break must be inside double quotes` }] };
  }
  const header = records.shift();
  if (!header) return { rows: [], issues: [{ file, expected: `a header row: ${MONTH_COLUMNS.join(',')}` }] };
  const columns = header.record.map((name) => name.trim());
  columns.forEach((name, index) => {
    if (!(MONTH_COLUMNS as readonly string[]).includes(name)) {
      issues.push({ file, line: 1, field: name, found: name, expected: `a known column (did you mean "${closest(name, [...MONTH_COLUMNS])}"?); columns are ${MONTH_COLUMNS.join(', ')}` });
    } else if (columns.indexOf(name) !== index) {
      issues.push({ file, line: 1, field: name, found: name, expected: 'each column once' });
    }
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!columns.includes(required)) issues.push({ file, line: 1, field: required, expected: `a "${required}" column in the header row` });
  }
  const rows: RawRow[] = [];
  for (const { record, info } of records) {
    const newlinesInside = record.reduce((count, value) => count + (value.match(/\n/g)?.length ?? 0), 0);
    const line = info.lines - newlinesInside;
    if (record.every((value) => value.trim() === '')) continue; // a row of empty cells, as spreadsheets save
    if (record.length !== columns.length) {
      issues.push({ file, line, found: `${record.length} values`, expected: `${columns.length} values, one per column; a value containing "${delimiter}" must be inside double quotes` });
      continue;
    }
    const values: Partial<Record<MonthColumn, unknown>> = {};
    columns.forEach((name, index) => {
      if ((MONTH_COLUMNS as readonly string[]).includes(name)) values[name as MonthColumn] = record[index];
    });
    rows.push({ values, location: { file, line }, fieldPath: (field) => field });
  }
  return { rows, issues };
}

/** Splits a JSON month file (`{"figures": [ {…}, … ]}`) into raw rows. */
export function readJsonRows(text: string, file: string): { rows: RawRow[]; issues: DataIssue[] } {
  const parsed = parseJsonText(text, file);
  if (parsed.issue) return { rows: [], issues: [parsed.issue] };
  const json = parsed.json;
  const figures = (json as { figures?: unknown } | null)?.figures;
  if (!Array.isArray(figures)) return { rows: [], issues: [{ file, path: '$.figures', expected: 'an object {"figures": [ … ]} holding one object per figure' }] };
  const issues: DataIssue[] = [];
  const rows: RawRow[] = [];
  figures.forEach((entry: unknown, index) => {
    const path = `$.figures[${index}]`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      issues.push({ file, path, expected: 'an object with the fields indicator, value, as_of, source_title, source_publisher …' });
      return;
    }
    const values: Partial<Record<MonthColumn, unknown>> = {};
    for (const [key, value] of Object.entries(entry)) {
      if ((MONTH_COLUMNS as readonly string[]).includes(key)) values[key as MonthColumn] = value;
      else issues.push({ file, path: `${path}.${key}`, field: key, found: key, expected: `a known field (did you mean "${closest(key, [...MONTH_COLUMNS])}"?)` });
    }
    rows.push({ values, location: { file, path }, fieldPath: (field) => `${path}.${field}` });
  });
  return { rows, issues };
}

const YES = new Set(['yes', 'y', 'true', '1', 'có', 'x']);

/** What a maintainer may write in `qualifier`: the id, or the word itself in Vietnamese or English. */
const QUALIFIER_WORDS: Readonly<Record<string, Qualifier>> = {
  'more-than': 'more-than', 'hơn': 'more-than', 'trên': 'more-than', 'more than': 'more-than', over: 'more-than',
  'at-least': 'at-least', 'ít nhất': 'at-least', 'at least': 'at-least',
  nearly: 'nearly', 'gần': 'nearly', almost: 'nearly',
  about: 'about', 'khoảng': 'about', approximately: 'about',
  'less-than': 'less-than', 'dưới': 'less-than', 'less than': 'less-than',
};
const QUALIFIER_HELP = 'empty when the source gives the number exactly, or one of: more-than (hơn, trên), at-least (ít nhất), nearly (gần), about (khoảng), less-than (dưới)';

/** What a maintainer may write in `same_date`. */
const SAME_DATE_WORDS: Readonly<Record<string, SameDateRelation>> = {
  restatement: 'restatement', 'nhắc lại': 'restatement',
  rounding: 'rounding', 'làm tròn': 'rounding',
  revision: 'revision', 'điều chỉnh': 'revision',
  disagreement: 'disagreement', 'khác nguồn': 'disagreement', 'không khớp': 'disagreement',
};
const SAME_DATE_HELP = 'empty (the build tells from the values and publishers), or one of: restatement (nhắc lại), rounding (làm tròn), revision (điều chỉnh), disagreement (khác nguồn)';
const UNKNOWN_PERIOD = new Set(['unknown', 'không rõ', 'chưa rõ']);
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const NO = new Set(['', 'no', 'n', 'false', '0', 'không']);

/**
 * Validates the raw rows of one month file against the catalogue. Every
 * problem is reported; valid rows become figures of the release.
 */
/** Validation settings that come from outside the files. */
export interface ValidationContext {
  /** The build date, `YYYY-MM-DD`: no figure, publication or month file may be later. */
  today: string;
  /** Ids whose catalogue entry has problems: rows using them are told so, not sent to another id. */
  brokenIds?: ReadonlySet<string>;
}

/** The earliest as-of date the programme's data can have: the population database and chip ID cards start in 2021. */
export const DATA_BEGINS = '2021-01';

/** An id as a person may type it: any case, spaces or underscores for hyphens, any Unicode form. */
function normaliseId(text: string): string {
  return text.normalize('NFC').trim().toLowerCase().replace(/[\s_]+/gu, '-');
}

/** What to tell a maintainer about an indicator id the catalogue does not have. */
export function unknownIdHelp(id: string, knownIds: readonly string[], brokenIds: ReadonlySet<string> = new Set()): string {
  if (brokenIds.has(id)) return `an indicator whose entry in data/indicators.json is valid; the entry "${id}" has problems (listed with data/indicators.json): fix that entry, not this row`;
  const normalised = normaliseId(id);
  if (knownIds.includes(normalised)) return `a known indicator id written exactly: "${normalised}" (ids are lower case, with hyphens)`;
  if (knownIds.length === 0) return 'a known indicator id (the catalogue has none yet)';
  return `a known indicator id; did you mean "${closest(normalised, [...knownIds])}"? (add new indicators to data/indicators.json first)`;
}

export function validateRows(rows: readonly RawRow[], releaseId: string, catalogue: ReadonlyMap<string, Indicator>, context: ValidationContext): { figures: Figure[]; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const figures: Figure[] = [];
  const lastDay = endOfMonth(releaseId);
  const knownIds = [...catalogue.keys()];
  const firstSeen = new Map<string, FileLocation>();

  for (const row of rows) {
    const rowIssues: DataIssue[] = [];
    const at = (field: MonthColumn, found: unknown, expected: string) =>
      rowIssues.push({ ...row.location, field: row.fieldPath(field), found: found === undefined ? undefined : String(found), expected });
    const textOf = (field: MonthColumn): string | undefined => {
      const value = row.values[field];
      if (value === undefined || value === null) return undefined;
      const text = String(value).trim();
      return text === '' ? undefined : text;
    };

    const indicatorId = textOf('indicator');
    const indicator = indicatorId === undefined ? undefined : catalogue.get(indicatorId);
    if (indicatorId === undefined) at('indicator', undefined, 'an indicator id from data/indicators.json');
    else if (!indicator) at('indicator', indicatorId, unknownIdHelp(indicatorId, knownIds, context.brokenIds));

    const value = readNumber(row.values.value, 'value', at, true, indicator?.kind !== 'rate');
    const total = readNumber(row.values.total, 'total', at, false, true);
    if (indicator?.kind === 'count-of-total' && total === undefined && row.values.total !== undefined && textOf('total') === undefined) {
      at('total', '', `the denominator ("x out of y": the y) for the count-of-total indicator "${indicator.id}"`);
    } else if (indicator?.kind === 'count-of-total' && total === undefined && row.values.total === undefined) {
      at('total', undefined, `the denominator ("x out of y": the y) for the count-of-total indicator "${indicator.id}"`);
    }
    if (value !== undefined && total !== undefined && value > total) at('value', String(value), `a value no larger than its total (${total})`);
    if (indicator?.kind === 'rate' && value !== undefined && (value < 0 || value > 100)) at('value', String(value), 'a percentage between 0 and 100 (write 94.08 for 94,08%)');

    const asOfText = textOf('as_of');
    let asOf: string | undefined;
    if (asOfText === undefined) at('as_of', undefined, 'the date the figure refers to, YYYY-MM-DD or YYYY-MM (e.g. 2024-07-31 or 2024-07)');
    else if (!parseIsoDate(asOfText)) {
      const hint = suggestIsoDate(asOfText);
      at('as_of', asOfText, `a real date written YYYY-MM-DD or YYYY-MM${hint ? ` (did you mean ${hint}?)` : ' (e.g. 2024-07-31 or 2024-07)'}`);
    } else if (asOfText > lastDay) {
      at('as_of', asOfText, `a date no later than the end of this file's month (${lastDay}); a figure for a later date belongs in a later month file`);
    } else if (asOfText > context.today) {
      at('as_of', asOfText, `a date no later than today (${context.today}): a figure cannot refer to a day that has not come; check the year`);
    } else if (asOfText < DATA_BEGINS) {
      at('as_of', asOfText, `a date from ${DATA_BEGINS} on: the programme's data (population database, chip ID cards) begin in 2021, so this is probably a typo in the year`);
    } else asOf = asOfText;

    const inferredText = textOf('as_of_inferred')?.toLowerCase() ?? '';
    const inferredRaw = row.values.as_of_inferred;
    const asOfInferred = typeof inferredRaw === 'boolean' ? inferredRaw : YES.has(inferredText);
    if (typeof inferredRaw !== 'boolean' && !YES.has(inferredText) && !NO.has(inferredText)) at('as_of_inferred', inferredText, '"yes" when the as-of date was inferred, or empty');

    const title = textOf('source_title');
    const publisher = textOf('source_publisher');
    const published = textOf('source_published');
    const url = textOf('source_url');
    if (title === undefined) at('source_title', undefined, 'the title of the public source (article headline or report name); every figure needs its source');
    if (publisher === undefined) at('source_publisher', undefined, 'who published the source (newspaper, ministry…); every figure needs its source');
    if (publisher !== undefined && /;/.test(publisher)) at('source_publisher', publisher, 'the publisher\'s name only, without ";": where and when the figure was announced (a meeting, a report) goes in note');
    if (published !== undefined) {
      if (!parseIsoDate(published)) {
        const hint = suggestIsoDate(published);
        at('source_published', published, `the publication date written YYYY-MM-DD or YYYY-MM${hint ? ` (did you mean ${hint}?)` : ''}`);
      } else if (published > context.today) {
        at('source_published', published, `a publication date no later than today (${context.today}); check the year`);
      } else if (published > lastDay) {
        at('source_published', published, `a publication date within or before this file's month (${releaseId}); a figure published later belongs in that month's file`);
      }
    }
    if (url !== undefined && !isWebUrl(url)) at('source_url', url, WEB_URL_EXPECTED);
    if (url === undefined && published === undefined && title !== undefined) at('source_url', undefined, 'a source URL or, for a document without one, its publication date (source_published), so readers can find it');

    const noteVi = textOf('note');
    const noteEn = textOf('note_en');
    if (noteEn !== undefined && noteVi === undefined) at('note', undefined, 'the Vietnamese note (note) as well as the English one (note_en)');

    const qualifierText = textOf('qualifier');
    const qualifier = qualifierText === undefined ? undefined : QUALIFIER_WORDS[qualifierText.toLowerCase()];
    if (qualifierText !== undefined && qualifier === undefined) at('qualifier', qualifierText, QUALIFIER_HELP);

    const quote = readQuote(textOf, at);
    if (quote && value !== undefined && quote.exception === undefined) {
      const read = findValueInQuote(quote.text, value);
      if (!read.found) {
        at('quote', shorten(quote.text), `a sentence of the source in which the value ${value} can be read (for 26300000: "26,3 triệu", "26.300.000" or "26.3 million"); check the value, or, if it is right but written otherwise in the source (in words, in a table), say why in quote_exception`);
      } else if (qualifierText === undefined || qualifier !== undefined) {
        if (!read.occurrences.some((n) => qualifiersAgree(n.qualifier, qualifier))) {
          const said = read.occurrences[0]!;
          at('qualifier', qualifierText ?? '', said.qualifier
            ? `${said.qualifier}: the quote says "${said.text}" with a qualifier ("hơn", "gần", "khoảng"… are part of the figure); ${QUALIFIER_HELP}`
            : `empty: the quote gives "${said.text}" with no qualifier; or, if the qualifier stands elsewhere in the sentence, say so in quote_exception`);
        }
      }
      if (total !== undefined && !findValueInQuote(quote.text, total).found) {
        at('total', String(total), `a total that can be read in the quote (it does not hold ${total}); or say why in quote_exception`);
      }
    }

    const periodVi = textOf('period');
    const periodEn = textOf('period_en');
    let period: FigurePeriod | undefined;
    if (periodVi !== undefined && UNKNOWN_PERIOD.has(periodVi.toLowerCase())) period = 'unknown';
    else if (periodVi !== undefined && periodEn === undefined) at('period_en', undefined, `the period in English as well (period "${periodVi}"), e.g. "in 2025" for "trong năm 2025"; or write "unknown" in period when the source does not say`);
    else if (periodVi === undefined && periodEn !== undefined) at('period', undefined, 'the period in Vietnamese as well as in English (period_en)');
    else if (periodVi !== undefined && periodEn !== undefined) period = { vi: periodVi, en: periodEn };

    const breakVi = textOf('break');
    const breakEn = textOf('break_en');
    if ((breakVi === undefined) !== (breakEn === undefined)) {
      at(breakVi === undefined ? 'break' : 'break_en', undefined, 'the reason for the break in both languages (break, break_en): why this figure does not continue the series before it (another definition or scope)');
    }
    const seriesBreak: Bilingual | undefined = breakVi !== undefined && breakEn !== undefined ? { vi: breakVi, en: breakEn } : undefined;

    const correctionVi = textOf('correction');
    const correctionEn = textOf('correction_en');
    if ((correctionVi === undefined) !== (correctionEn === undefined)) {
      at(correctionVi === undefined ? 'correction' : 'correction_en', undefined, 'the reason for the correction in both languages (correction, correction_en), e.g. "Sửa lỗi chép số: nguồn ghi 26,3 triệu" / "Copying error fixed: the source says 26.3 million"');
    }
    const correction: Bilingual | undefined = correctionVi !== undefined && correctionEn !== undefined ? { vi: correctionVi, en: correctionEn } : undefined;

    const sameDateText = textOf('same_date');
    const sameDate = sameDateText === undefined ? undefined : SAME_DATE_WORDS[sameDateText.toLowerCase()];
    if (sameDateText !== undefined && sameDate === undefined) at('same_date', sameDateText, SAME_DATE_HELP);

    if (rowIssues.length > 0 || !indicator || value === undefined || asOf === undefined || title === undefined || publisher === undefined || !quote) {
      issues.push(...rowIssues);
      continue;
    }
    const publisherEn = textOf('source_publisher_en');
    const source: Source = {
      title,
      publisher,
      ...(publisherEn ? { publisherEn } : {}),
      ...(published ? { published } : {}),
      ...(url ? { url } : {}),
      ...(quote?.translated ? { edition: quote.language } : {}),
    };
    const key = `${indicator.id}|${asOf}|${url ?? title}`;
    const previous = firstSeen.get(key);
    if (previous) {
      issues.push({ ...row.location, field: row.fieldPath('indicator'), found: `${indicator.id} ${asOf}`, expected: `each figure once per file: the same indicator, as-of date and source already appear at ${previous.line !== undefined ? `line ${previous.line}` : previous.path}` });
      continue;
    }
    firstSeen.set(key, row.location);
    figures.push({
      indicator: indicator.id,
      value,
      ...(qualifier !== undefined ? { qualifier } : {}),
      ...(total !== undefined ? { total } : {}),
      asOf,
      asOfInferred,
      source,
      quote,
      ...(period !== undefined ? { period } : {}),
      ...(seriesBreak !== undefined ? { seriesBreak } : {}),
      ...(sameDate !== undefined ? { sameDate } : {}),
      ...(correction !== undefined ? { correction } : {}),
      ...(noteVi !== undefined ? { note: { vi: noteVi, en: noteEn ?? noteVi } } : {}),
      release: releaseId,
      location: row.location,
    });
  }
  return { figures, issues };
}

function shorten(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** The quote columns of a row: the sentence, its language, whether it was read in a translation, and any exception. */
function readQuote(
  textOf: (field: MonthColumn) => string | undefined,
  at: (field: MonthColumn, found: unknown, expected: string) => void,
): Quote | undefined {
  const text = textOf('quote');
  const language = textOf('quote_language')?.toLowerCase() ?? 'vi';
  const translatedText = textOf('quote_translated')?.toLowerCase() ?? '';
  const exception = textOf('quote_exception');
  let ok = true;
  if (text === undefined) {
    at('quote', undefined, 'the sentence of the source that holds the number, copied as written (in the language you read it in); every figure needs its quote');
    ok = false;
  }
  if (!LANGUAGE_TAG.test(language)) {
    at('quote_language', language, 'the language of the quote as a short code: vi, en, de, ja… (empty means vi)');
    ok = false;
  }
  if (!YES.has(translatedText) && !NO.has(translatedText)) {
    at('quote_translated', translatedText, '"yes" when the quote was read in a translated edition (an English edition of a Vietnamese paper, a machine-translated mirror), or empty');
    ok = false;
  }
  if (!ok || text === undefined) return undefined;
  return { text, language, translated: YES.has(translatedText), ...(exception !== undefined ? { exception } : {}) };
}

/** The largest whole number a computer holds exactly; no figure of the programme comes near it. */
const LARGEST = Number.MAX_SAFE_INTEGER;

function readNumber(
  raw: unknown,
  field: 'value' | 'total',
  at: (field: MonthColumn, found: unknown, expected: string) => void,
  required: boolean,
  wholeCount: boolean,
): number | undefined {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    if (required) at(field, undefined, 'a plain number such as 26300000 (digits only, dot for decimals)');
    return undefined;
  }
  const text = typeof raw === 'number' ? String(raw) : String(raw).trim();
  const parsed = typeof raw === 'number' ? raw : parsePlainNumber(text);
  if (parsed !== undefined && Number.isFinite(parsed)) {
    if (parsed < 0) {
      at(field, text, 'a number zero or above: figures here are counts, amounts and shares; a fall is shown by a lower figure, never a negative one');
      return undefined;
    }
    if (parsed > LARGEST) {
      at(field, text, `a number below ${LARGEST} (9 million billion); this one is too large to be a figure of the programme, check the digits`);
      return undefined;
    }
    // "26.300" is 26.3 to a computer but 26 300 to a Vietnamese reader: refuse to guess for a count.
    if (typeof raw !== 'number' && wholeCount && /^\d{1,3}\.\d{3}$/.test(text)) {
      at(field, text, `a number that cannot be misread: "${text}" is ${text.replace('.', '')} if the dot separates thousands (as in Vietnamese), or ${Number(text)} if it is a decimal point; write ${text.replace('.', '')} or ${Number(text)}`);
      return undefined;
    }
    return parsed;
  }
  const suggestion = suggestPlainNumber(text);
  const hint = suggestion !== undefined && suggestion >= 0 ? `; for "${text}" write ${suggestion}` : '';
  at(field, text, `a plain number: digits only, a dot for decimals, no thousands separators or words (e.g. 26300000 for "26,3 triệu")${hint}`);
  return undefined;
}

/** Parses and validates one month file's text. */
export function parseMonthFile(text: string, file: string, releaseId: string, format: 'csv' | 'json', catalogue: ReadonlyMap<string, Indicator>, context: ValidationContext): { release: Release; issues: DataIssue[] } {
  const read = format === 'csv' ? readCsvRows(text, file) : readJsonRows(text, file);
  const validated = validateRows(read.rows, releaseId, catalogue, context);
  const issues = [...read.issues, ...validated.issues];
  if (read.rows.length === 0 && read.issues.length === 0) {
    issues.push({ file, expected: 'at least one figure; the file has none (a month with nothing to publish needs no file)' });
  }
  return { release: { id: releaseId, file, figures: validated.figures }, issues };
}

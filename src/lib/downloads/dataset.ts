import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { Dataset, Figure, SameDateRelation } from '../data/types.ts';
import { QUALIFIERS, SAME_DATE_RELATIONS } from '../data/types.ts';
import { figuresOf } from '../data/series.ts';
import { seriesAt } from '../data/releases.ts';
import { compareAsOf } from '../data/values.ts';
import { citationText } from '../embed/citation.ts';
import { CSV_OPTIONS, LICENCE, periodCell, sameDateRelations } from './chart-files.ts';

/**
 * The whole dataset as files, as it stood after one release: every figure
 * (CSV and JSON), the catalogue, a Frictionless Data Package descriptor with
 * content hashes, and a README. Deterministic: no clock, stable order, so a
 * release's snapshot never changes once published.
 */

export const FIGURE_COLUMNS = [
  { name: 'indicator_id', type: 'string', description: 'Indicator id (kebab-case), as in indicators.json' },
  { name: 'indicator_name_vi', type: 'string', description: 'Indicator name in Vietnamese' },
  { name: 'indicator_name_en', type: 'string', description: 'Indicator name in English' },
  { name: 'unit_vi', type: 'string', description: 'Unit in Vietnamese' },
  { name: 'unit_en', type: 'string', description: 'Unit in English' },
  { name: 'kind', type: 'string', description: 'cumulative, level, count-of-total, rate or flow' },
  {
    name: 'qualifier',
    type: 'string',
    constraints: { enum: [...QUALIFIERS] },
    description: 'How the source qualifies its number, part of the figure: empty when the source states it exactly; more-than ("hơn", "trên", "more than", "over"), at-least ("ít nhất", "at least"), nearly ("gần", "nearly"), about ("khoảng", "about"), less-than ("dưới", "less than"). Read value with it: more-than and 45200000 is "hơn 45,2 triệu", not 45.2 million',
  },
  { name: 'value', type: 'number', description: 'The number the source gives, a plain number (dot decimal); read it with qualifier' },
  { name: 'total', type: 'number', description: 'Denominator for "x out of y" figures; empty otherwise' },
  { name: 'as_of', type: 'string', description: 'Date the figure refers to: YYYY-MM-DD or YYYY-MM' },
  { name: 'as_of_inferred', type: 'boolean', description: 'True when the as-of date was inferred rather than stated by the source' },
  { name: 'period_vi', type: 'string', description: 'The period the figure covers, in Vietnamese, when the source gives one other than the indicator\'s; "unknown" when the source does not say what the total counts from or over; empty otherwise' },
  { name: 'period_en', type: 'string', description: 'The same period in English ("unknown" likewise)' },
  { name: 'break_vi', type: 'string', description: 'Set when the figure does not continue the series before it (another definition or scope): the reason, in Vietnamese. Compute no change across it' },
  { name: 'break_en', type: 'string', description: 'The same reason in English' },
  { name: 'correction_vi', type: 'string', description: 'Set when this row corrects a figure we had published wrongly (same indicator, as-of date and source): why, in Vietnamese' },
  { name: 'correction_en', type: 'string', description: 'The same reason in English' },
  {
    name: 'same_date_relation',
    type: 'string',
    constraints: { enum: [...SAME_DATE_RELATIONS] },
    description: 'How the figure relates to one published earlier for the same indicator and as-of date: restatement (the same value again: it confirms, it does not revise), rounding (the same figure, rounded), revision (the same publisher gives another value in a later release; it replaces the earlier one), disagreement (another publisher gives another value; both stand), correction (our correction of a figure we had published wrongly from the same source; it replaces it, and the reason is in correction_en). Empty for the first figure of its date',
  },
  { name: 'source_title', type: 'string', description: 'Title of the public source' },
  { name: 'source_publisher', type: 'string', description: 'Who published the source, as the publisher writes its name' },
  { name: 'source_publisher_en', type: 'string', description: 'The publisher\'s English name, where it differs; empty otherwise' },
  { name: 'source_edition', type: 'string', description: 'For a page read in a translated edition (the English edition of a Vietnamese paper): that edition\'s language; empty otherwise' },
  { name: 'source_published', type: 'string', description: 'Publication date of the source (YYYY-MM-DD or YYYY-MM); empty when the source shows none' },
  { name: 'source_url', type: 'string', format: 'uri', description: 'Address of the source, where one exists (the July 2024 Working Group report has none and is cited by its title)' },
  { name: 'quote', type: 'string', description: 'The sentence of the source that holds the number, as written, in quote_language' },
  { name: 'quote_language', type: 'string', description: 'Language of the quote (BCP 47: vi, en, de, ja…)' },
  { name: 'quote_translated', type: 'boolean', description: 'True when the quote was read in a translated edition (e.g. the English edition of a Vietnamese paper), not in the original' },
  { name: 'quote_exception', type: 'string', description: 'Why the value cannot be read from the quote as written (a maintainer\'s note); empty otherwise' },
  { name: 'note_vi', type: 'string', description: 'Note in Vietnamese' },
  { name: 'note_en', type: 'string', description: 'Note in English' },
  { name: 'release', type: 'string', description: 'The monthly release (YYYY-MM) the figure was published in' },
] as const;

function figureRecord(dataset: Dataset, figure: Figure, relation: SameDateRelation | undefined): Record<string, string | number | boolean> {
  const indicator = dataset.indicators.find((i) => i.id === figure.indicator)!;
  return {
    indicator_id: figure.indicator,
    indicator_name_vi: indicator.name.vi,
    indicator_name_en: indicator.name.en,
    unit_vi: indicator.unit.vi,
    unit_en: indicator.unit.en,
    kind: indicator.kind,
    qualifier: figure.qualifier ?? '',
    value: figure.value,
    total: figure.total ?? '',
    as_of: figure.asOf,
    as_of_inferred: figure.asOfInferred,
    period_vi: periodCell(figure.period, 'vi') ?? '',
    period_en: periodCell(figure.period, 'en') ?? '',
    break_vi: figure.seriesBreak?.vi ?? '',
    break_en: figure.seriesBreak?.en ?? '',
    correction_vi: figure.correction?.vi ?? '',
    correction_en: figure.correction?.en ?? '',
    same_date_relation: relation ?? '',
    source_title: figure.source.title,
    source_publisher: figure.source.publisher,
    source_publisher_en: figure.source.publisherEn ?? '',
    source_edition: figure.source.edition ?? '',
    source_published: figure.source.published ?? '',
    source_url: figure.source.url ?? '',
    quote: figure.quote.text,
    quote_language: figure.quote.language,
    quote_translated: figure.quote.translated,
    quote_exception: figure.quote.exception ?? '',
    note_vi: figure.note?.vi ?? '',
    note_en: figure.note?.en ?? '',
    release: figure.release,
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The files of a full-copy snapshot (snapshot format 1, see `SNAPSHOT_FORMATS` in data/release-lock.ts): every
 * figure as of the release. Served at `/data/latest/` and, unchanged forever, by the releases recorded with format 1.
 * Path relative to the snapshot folder → content; `siteUrl` is the site's root, ending in "/" (origin + base path).
 */
export function datasetFiles(full: Dataset, release: string, siteUrl: string): Map<string, string> {
  const dataset: Dataset = { indicators: full.indicators, releases: full.releases.filter((r) => compareAsOf(r.id, release) <= 0) };
  const used = new Set(figuresOf(dataset.releases).map((f) => f.indicator));
  const relations = sameDateRelations([...seriesAt(dataset).values()].flatMap((series) => series.points));
  const figures = figuresOf(dataset.releases).map((figure) => figureRecord(dataset, figure, relations.get(figure)));
  const csv = stringify([FIGURE_COLUMNS.map((c) => c.name), ...figures.map((record) => FIGURE_COLUMNS.map((c) => (typeof record[c.name] === 'boolean' ? String(record[c.name]) : record[c.name])))], CSV_OPTIONS);
  const json = `${JSON.stringify({ data_version: release, licence: LICENCE.path, figures }, null, 2)}\n`;
  const catalogue = `${JSON.stringify({ data_version: release, indicators: dataset.indicators.filter((i) => used.has(i.id)) }, null, 2)}\n`;
  const snapshotUrl = new URL(`data/v/${release}/`, siteUrl).href;
  const citation = datasetCitation(release, snapshotUrl);
  const descriptor = {
    ...packageHead(release, siteUrl, snapshotUrl, 'Figures on Vietnam\'s Project 06 (population data, electronic identification and authentication) collected from public reports; every row cites its source and quotes the sentence that holds the number. Values carry the source\'s qualifier ("more than", "nearly", "about": column qualifier); read value with it.'),
    resources: [
      {
        profile: 'tabular-data-resource',
        name: 'figures',
        path: 'figures.csv',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        bytes: Buffer.byteLength(csv),
        hash: `sha256:${sha256(csv)}`,
        dialect: { delimiter: ',', doubleQuote: true, header: true, lineTerminator: '\n' },
        schema: { fields: FIGURE_COLUMNS.map((c) => ({ ...c })), missingValues: [''] },
      },
      { profile: 'data-resource', name: 'figures-json', path: 'figures.json', format: 'json', mediatype: 'application/json', encoding: 'utf-8', bytes: Buffer.byteLength(json), hash: `sha256:${sha256(json)}` },
      { profile: 'data-resource', name: 'indicators', path: 'indicators.json', format: 'json', mediatype: 'application/json', encoding: 'utf-8', bytes: Buffer.byteLength(catalogue), hash: `sha256:${sha256(catalogue)}` },
    ],
  };
  const readme = [
    `# Đề án 06 qua số liệu — dataset, version ${release}`,
    '',
    `Figures on Vietnam's Project 06 as they stood after the ${release} release: ${figures.length} figures for ${used.size} indicators.`,
    'Every row cites its public source and quotes the sentence of the source that holds the number. Nothing is estimated, interpolated or filled.',
    '',
    '- `figures.csv` / `figures.json`: one row per published figure (UTF-8, no byte-order mark, ISO dates, dot decimals).',
    '  A later release that gives another value for an already published date adds a row; earlier rows stay (see `release`).',
    '',
    'Reading a row:',
    '',
    '- `value` carries the source\'s qualifier, which is part of the figure: `qualifier` is empty when the source states the',
    '  number exactly, else `more-than` ("hơn", "trên", "more than"), `at-least`, `nearly` ("gần"), `about` ("khoảng") or',
    '  `less-than` ("dưới"). `more-than` with 45200000 reads "hơn 45,2 triệu" / "more than 45.2 million".',
    '- `quote` is the sentence the value was read in (`quote_language`; `quote_translated` when read in a translation).',
    '- `period_vi` / `period_en`: the period a flow covers, when the source gives its own; `unknown` when it does not say.',
    '- `break_vi` / `break_en`: the figure starts a new definition or scope; do not compute a change across it.',
    '- `correction_vi` / `correction_en`: this row corrects a figure we had published wrongly; the corrected row stays in its release.',
    '- `same_date_relation`: how the figure relates to an earlier one for the same date: `restatement` (the same value',
    '  again), `rounding` (the same figure rounded), `revision` (the same publisher, a later release: it replaces the',
    '  earlier figure) or `disagreement` (another publisher, another value: both stand).',
    '- In `figures.csv`, a text cell that a spreadsheet could run as a formula (starting with =, +, -, @) is written with a leading `\'`.',
    '- `indicators.json`: what each indicator counts, in Vietnamese and English.',
    '- `datapackage.json`: Frictionless Data Package descriptor with the column schema and sha256 hashes.',
    '',
    ...licenceAndCitation(citation),
  ].join('\n');
  return new Map([
    ['figures.csv', csv],
    ['figures.json', json],
    ['indicators.json', catalogue],
    ['datapackage.json', `${JSON.stringify(descriptor, null, 2)}\n`],
    ['README.md', readme],
  ]);
}

/** Where each month file is published once, under the site's root: `/data/months/<file>`. */
export const MONTHS_FOLDER = 'data/months/';

/** A month file as a format-2 snapshot references it: its release, file name, size and sha256. */
export interface PublishedMonth {
  release: string;
  /** `YYYY-MM.csv` or `YYYY-MM.json`, as committed in data/months/. */
  name: string;
  bytes: number;
  sha256: string;
}

/** The month files of a data directory as snapshots reference them (hashed once, whatever the number of releases). */
export function publishedMonths(months: ReadonlyArray<{ name: string; bytes: Uint8Array }>): PublishedMonth[] {
  return months
    .filter((m) => /^\d{4}-\d{2}\.(csv|json)$/.test(m.name))
    .map((m) => ({ release: m.name.slice(0, 7), name: m.name, bytes: m.bytes.length, sha256: createHash('sha256').update(m.bytes).digest('hex') }))
    .sort((a, b) => (a.release < b.release ? -1 : 1));
}

/** The columns of a month file (data/README.md explains each), as a Table Schema. */
const MONTH_FILE_FIELDS: Array<{ name: string; type: string; description: string }> = [
  { name: 'indicator', type: 'string', description: 'Indicator id (kebab-case), as in indicators.json' },
  { name: 'qualifier', type: 'string', description: 'The source\'s qualifier on the number, part of the figure: empty (exact), more-than, at-least, nearly, about, less-than (or the Vietnamese word: hơn, gần, khoảng…)' },
  { name: 'value', type: 'number', description: 'The number the source gives, a plain number (dot decimal); read it with qualifier' },
  { name: 'total', type: 'number', description: 'Denominator for "x out of y" figures; empty otherwise' },
  { name: 'as_of', type: 'string', description: 'Date the figure refers to: YYYY-MM-DD or YYYY-MM' },
  { name: 'as_of_inferred', type: 'string', description: '"yes" when the as-of date was inferred rather than stated by the source' },
  { name: 'period', type: 'string', description: 'The period the figure covers, in Vietnamese, when not the indicator\'s own; "unknown" when the source does not say' },
  { name: 'period_en', type: 'string', description: 'The same period in English' },
  { name: 'source_title', type: 'string', description: 'Title of the public source' },
  { name: 'source_publisher', type: 'string', description: 'Who published the source, as the publisher writes its name' },
  { name: 'source_publisher_en', type: 'string', description: 'The publisher\'s English name, where it differs' },
  { name: 'source_published', type: 'string', description: 'Publication date of the source (YYYY-MM-DD or YYYY-MM)' },
  { name: 'source_url', type: 'string', description: 'Address of the source, where one exists' },
  { name: 'quote', type: 'string', description: 'The sentence of the source that holds the number, as written' },
  { name: 'quote_language', type: 'string', description: 'Language of the quote (BCP 47); empty means vi' },
  { name: 'quote_translated', type: 'string', description: '"yes" when the quote was read in a translated edition' },
  { name: 'quote_exception', type: 'string', description: 'Why the value cannot be read from the quote as written; empty otherwise' },
  { name: 'same_date', type: 'string', description: 'The maintainer\'s statement of how the figure relates to an earlier one of the same date, when the data cannot decide; usually empty' },
  { name: 'break', type: 'string', description: 'Why the figure does not continue the series before it, in Vietnamese; compute no change across it' },
  { name: 'break_en', type: 'string', description: 'The same reason in English' },
  { name: 'correction', type: 'string', description: 'Why this row corrects a figure published wrongly, in Vietnamese' },
  { name: 'correction_en', type: 'string', description: 'The same reason in English' },
  { name: 'note', type: 'string', description: 'Note in Vietnamese' },
  { name: 'note_en', type: 'string', description: 'Note in English' },
];

/**
 * The Table Schema of a month file, published once at `/data/schemas/month-file-<sha256, 16 digits>.json`: its
 * address names its content, so the snapshots that reference it keep meaning what they meant if it changes later.
 */
export function monthFileSchema(): { path: string; text: string } {
  const text = `${JSON.stringify({ fields: MONTH_FILE_FIELDS, missingValues: [''] }, null, 2)}\n`;
  return { path: `data/schemas/month-file-${sha256(text).slice(0, 16)}.json`, text };
}

/**
 * The files of a month-files snapshot (snapshot format 2): instead of a copy of every figure, `datapackage.json`
 * lists as resources the month files of every release up to this one — each published once at
 * `/data/months/<file>`, never changed (the release lock keeps their sha256) — with their bytes and sha256, plus the
 * catalogue as it stood and a README. A release adds its own month file and three small files: `/data/v/` grows
 * linearly with the releases. `months` are all published month files (later ones are left out here).
 */
export function monthFilesSnapshot(full: Dataset, release: string, siteUrl: string, months: readonly PublishedMonth[]): Map<string, string> {
  const releases = full.releases.filter((r) => compareAsOf(r.id, release) <= 0);
  const used = new Set(figuresOf(releases).map((f) => f.indicator));
  const figureCount = releases.reduce((sum, r) => sum + r.figures.length, 0);
  const included = months.filter((m) => m.release <= release);
  const catalogue = `${JSON.stringify({ data_version: release, indicators: full.indicators.filter((i) => used.has(i.id)) }, null, 2)}\n`;
  const schemaUrl = new URL(monthFileSchema().path, siteUrl).href;
  const snapshotUrl = new URL(`data/v/${release}/`, siteUrl).href;
  const citation = datasetCitation(release, snapshotUrl);
  const descriptor = {
    ...packageHead(release, siteUrl, snapshotUrl, `Figures on Vietnam's Project 06 (population data, electronic identification and authentication) collected from public reports, as they stood after the ${release} release: the month files of every release up to it, as the maintainers committed them. Every row cites its source and quotes the sentence that holds the number. Values carry the source's qualifier ("more than", "nearly", "about": column qualifier); read value with it.`),
    resources: [
      ...included.map((m) => {
        const common = { name: `month-${m.release}`, title: `Release ${m.release}`, path: new URL(`${MONTHS_FOLDER}${m.name}`, siteUrl).href, encoding: 'utf-8', bytes: m.bytes, hash: `sha256:${m.sha256}` };
        return m.name.endsWith('.csv')
          ? { profile: 'tabular-data-resource', ...common, format: 'csv', mediatype: 'text/csv', schema: schemaUrl }
          : { profile: 'data-resource', ...common, format: 'json', mediatype: 'application/json' };
      }),
      { profile: 'data-resource', name: 'indicators', path: 'indicators.json', format: 'json', mediatype: 'application/json', encoding: 'utf-8', bytes: Buffer.byteLength(catalogue), hash: `sha256:${sha256(catalogue)}` },
    ],
  };
  const readme = [
    `# Đề án 06 qua số liệu — dataset, version ${release}`,
    '',
    `Figures on Vietnam's Project 06 as they stood after the ${release} release: ${figureCount} figures for ${used.size} indicators, in ${included.length} month files.`,
    'Every row cites its public source and quotes the sentence of the source that holds the number. Nothing is estimated, interpolated or filled.',
    '',
    '- `datapackage.json`: Frictionless Data Package descriptor. Its resources are the month files of every release up to',
    `  this one, each published once at \`${new URL(MONTHS_FOLDER, siteUrl).href}<YYYY-MM>.csv\` (or \`.json\`) and never changed`,
    '  afterwards, with their size and sha256; read them all for the dataset as of this release.',
    '- A month file holds the figures made public that month, one row per figure, in the columns the maintainers fill',
    `  (described in ${schemaUrl}). A later release that gives another value for an already published date adds a`,
    '  row to its own month file; earlier files stay as published.',
    '- `value` carries the source\'s qualifier, which is part of the figure: `qualifier` is empty when the source states the',
    '  number exactly, else `more-than` ("hơn", "trên", "more than"), `at-least`, `nearly` ("gần"), `about` ("khoảng") or',
    '  `less-than` ("dưới"). `more-than` with 45200000 reads "hơn 45,2 triệu" / "more than 45.2 million".',
    `- \`indicators.json\`: what each indicator counts, in Vietnamese and English, as the catalogue stood for this release.`,
    `- The newest data in one table, with indicator names and how figures of the same date relate: ${new URL('data/latest/', siteUrl).href}`,
    '',
    ...licenceAndCitation(citation),
  ].join('\n');
  return new Map([
    ['indicators.json', catalogue],
    ['datapackage.json', `${JSON.stringify(descriptor, null, 2)}\n`],
    ['README.md', readme],
  ]);
}

/** How to cite a release's dataset, in both languages. */
function datasetCitation(release: string, snapshotUrl: string): { vi: string; en: string } {
  return {
    vi: citationText({ title: 'Bộ dữ liệu Đề án 06 qua số liệu', release, url: snapshotUrl, locale: 'vi' }),
    en: citationText({ title: 'Project 06 in Numbers dataset', release, url: snapshotUrl, locale: 'en' }),
  };
}

/** The last lines of every snapshot's README: the licence and how to cite (the same words in both formats). */
function licenceAndCitation(citation: { vi: string; en: string }): string[] {
  return [
    `Licence: ${LICENCE.title} for the compilation (${LICENCE.path}); the figures belong to the sources cited.`,
    '',
    'How to cite:',
    '',
    `- ${citation.vi}`,
    `- ${citation.en}`,
    '',
  ];
}

/**
 * The fields every snapshot's datapackage.json opens with, in the order published releases print them (the release
 * lock keeps their bytes): who, what, which release, where, under which licence.
 */
function packageHead(release: string, siteUrl: string, snapshotUrl: string, description: string) {
  return {
    profile: 'data-package',
    name: 'de-an-06-qua-so-lieu',
    title: 'Đề án 06 qua số liệu — Project 06 in Numbers',
    description,
    version: release,
    homepage: new URL('./', siteUrl).href,
    id: snapshotUrl,
    licenses: [{ name: LICENCE.name, title: LICENCE.title, path: LICENCE.path }],
    sources: [{ title: 'Public reports cited row by row (source_title, source_publisher, source_published, source_url)', path: new URL('methodology/', siteUrl).href }],
    keywords: ['Vietnam', 'Đề án 06', 'VNeID', 'digital identity', 'population data'],
  };
}

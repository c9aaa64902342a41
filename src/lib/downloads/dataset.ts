import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { Dataset, Figure } from '../data/types.ts';
import { figuresOf } from '../data/series.ts';
import { compareAsOf } from '../data/values.ts';
import { citationText } from '../embed/citation.ts';
import { LICENCE } from './chart-files.ts';

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
  { name: 'value', type: 'number', description: 'The figure, a plain number (dot decimal)' },
  { name: 'total', type: 'number', description: 'Denominator for "x out of y" figures; empty otherwise' },
  { name: 'as_of', type: 'string', description: 'Date the figure refers to: YYYY-MM-DD or YYYY-MM' },
  { name: 'as_of_inferred', type: 'boolean', description: 'True when the as-of date was inferred rather than stated by the source' },
  { name: 'source_title', type: 'string', description: 'Title of the public source' },
  { name: 'source_publisher', type: 'string', description: 'Who published the source' },
  { name: 'source_published', type: 'string', description: 'Publication date of the source (YYYY-MM-DD or YYYY-MM); empty when unknown' },
  { name: 'source_url', type: 'string', format: 'uri', description: 'Address of the source, where one exists' },
  { name: 'note_vi', type: 'string', description: 'Note in Vietnamese' },
  { name: 'note_en', type: 'string', description: 'Note in English' },
  { name: 'release', type: 'string', description: 'The monthly release (YYYY-MM) the figure was published in' },
] as const;

function figureRecord(dataset: Dataset, figure: Figure): Record<string, string | number | boolean> {
  const indicator = dataset.indicators.find((i) => i.id === figure.indicator)!;
  return {
    indicator_id: figure.indicator,
    indicator_name_vi: indicator.name.vi,
    indicator_name_en: indicator.name.en,
    unit_vi: indicator.unit.vi,
    unit_en: indicator.unit.en,
    kind: indicator.kind,
    value: figure.value,
    total: figure.total ?? '',
    as_of: figure.asOf,
    as_of_inferred: figure.asOfInferred,
    source_title: figure.source.title,
    source_publisher: figure.source.publisher,
    source_published: figure.source.published ?? '',
    source_url: figure.source.url ?? '',
    note_vi: figure.note?.vi ?? '',
    note_en: figure.note?.en ?? '',
    release: figure.release,
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The files of a snapshot (path relative to the snapshot folder → content). */
export function datasetFiles(full: Dataset, release: string, siteUrl: string): Map<string, string> {
  const dataset: Dataset = { indicators: full.indicators, releases: full.releases.filter((r) => compareAsOf(r.id, release) <= 0) };
  const used = new Set(figuresOf(dataset.releases).map((f) => f.indicator));
  const figures = figuresOf(dataset.releases).map((figure) => figureRecord(dataset, figure));
  const csv = stringify([FIGURE_COLUMNS.map((c) => c.name), ...figures.map((record) => FIGURE_COLUMNS.map((c) => (typeof record[c.name] === 'boolean' ? String(record[c.name]) : record[c.name])))], { record_delimiter: '\n' });
  const json = `${JSON.stringify({ data_version: release, licence: LICENCE.path, figures }, null, 2)}\n`;
  const catalogue = `${JSON.stringify({ data_version: release, indicators: dataset.indicators.filter((i) => used.has(i.id)) }, null, 2)}\n`;
  const snapshotUrl = new URL(`/data/v/${release}/`, siteUrl).href;
  const citation = { vi: citationText({ title: 'Bộ dữ liệu Đề án 06 qua số liệu', release, url: snapshotUrl, locale: 'vi' }), en: citationText({ title: 'Project 06 in Numbers dataset', release, url: snapshotUrl, locale: 'en' }) };
  const descriptor = {
    profile: 'data-package',
    name: 'de-an-06-qua-so-lieu',
    title: 'Đề án 06 qua số liệu — Project 06 in Numbers',
    description: 'Figures on Vietnam\'s Project 06 (population data, electronic identification and authentication) collected from public reports; every row cites its source.',
    version: release,
    homepage: new URL('/', siteUrl).href,
    id: snapshotUrl,
    licenses: [{ name: LICENCE.name, title: LICENCE.title, path: LICENCE.path }],
    sources: [{ title: 'Public reports cited row by row (source_title, source_publisher, source_published, source_url)', path: new URL('/methodology/', siteUrl).href }],
    keywords: ['Vietnam', 'Đề án 06', 'VNeID', 'digital identity', 'population data'],
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
    'Every row cites its public source. Nothing is estimated, interpolated or filled.',
    '',
    '- `figures.csv` / `figures.json`: one row per published figure (UTF-8, no byte-order mark, ISO dates, dot decimals).',
    '  A later release that gives another value for an already published date adds a row; earlier rows stay (see `release`).',
    '- `indicators.json`: what each indicator counts, in Vietnamese and English.',
    '- `datapackage.json`: Frictionless Data Package descriptor with the column schema and sha256 hashes.',
    '',
    `Licence: ${LICENCE.title} for the compilation (${LICENCE.path}); the figures belong to the sources cited.`,
    '',
    'How to cite:',
    '',
    `- ${citation.vi}`,
    `- ${citation.en}`,
    '',
  ].join('\n');
  return new Map([
    ['figures.csv', csv],
    ['figures.json', json],
    ['indicators.json', catalogue],
    ['datapackage.json', `${JSON.stringify(descriptor, null, 2)}\n`],
    ['README.md', readme],
  ]);
}

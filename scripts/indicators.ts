/**
 * Lists the indicator catalogue for a maintainer: `npm run indicators [-- text]`.
 *
 * Every indicator id, grouped by topic, with its kind, its unit, its latest figure as the site writes it ("hơn 62 triệu
 * tài khoản") and that figure's date, and its Vietnamese name; "no figure yet" for an indicator no month file has
 * given a figure (it is not published). An optional text keeps only the indicators whose id or name contains it;
 * accents, capitals and dashes do not matter, so `npm run indicators -- ngan-hang` finds "ngân hàng".
 * Reads data/ (or DATA_DIR) and writes nothing. If data/ is invalid it prints the problems, as check-data does, and
 * exits 1.
 */
import { resolve } from 'node:path';
import { validateDataset } from '../src/lib/data/load.ts';
import { formatIssue } from '../src/lib/data/errors.ts';
import { readDataDirectory } from '../src/lib/data/read-directory.ts';
import { seriesAt } from '../src/lib/data/releases.ts';
import { TOPICS } from '../src/lib/data/types.ts';
import type { Indicator } from '../src/lib/data/types.ts';
import { displayValue } from '../src/lib/site/display.ts';
import { partitionByFigures } from '../src/lib/site/model.ts';
import { formatAsOf } from '../src/lib/format/index.ts';
import { TOPIC_NAMES } from '../src/lib/i18n/ui.ts';

const NO_FIGURE = 'no figure yet';
const query = process.argv.slice(2).join(' ').trim();
const dataDir = resolve(process.env.DATA_DIR ?? 'data');

const { dataset, issues } = validateDataset(readDataDirectory(dataDir));
if (issues.length > 0) {
  console.error(`✗ data/ has ${issues.length} problem${issues.length === 1 ? '' : 's'}; fix ${issues.length === 1 ? 'it' : 'them'} first (npm run check-data shows the same list):`);
  for (const issue of issues) console.error(`  - ${formatIssue(issue)}`);
  process.exit(1);
}

/** Text for matching: no accents, "đ" as "d", lower case, any run of dashes, spaces or punctuation as one space. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
/** Text for a terminal: composed letters (one character each, so columns line up) and plain spaces. */
function plain(text: string): string {
  return text.normalize('NFC').replace(/[\u00a0\u202f]/g, ' ');
}

const wanted = fold(query);
const matches = (indicator: Indicator) => [indicator.id, indicator.name.vi, indicator.name.en].some((text) => fold(text).includes(wanted));
const series = seriesAt(dataset);

interface Row { id: string; kind: string; unit: string; latest: string; asOf: string; name: string }
const rowOf = (indicator: Indicator): Row => {
  const latest = series.get(indicator.id)?.points.at(-1);
  return {
    id: indicator.id,
    kind: indicator.kind,
    unit: plain(indicator.unit.vi),
    latest: latest ? plain(displayValue(indicator, latest, 'vi')) : NO_FIGURE,
    asOf: latest ? formatAsOf(latest.asOf, 'vi') : '',
    name: plain(indicator.name.vi),
  };
};

const shown = dataset.indicators.filter(matches);
const groups = TOPICS.map((topic) => ({ topic, rows: shown.filter((i) => i.topic === topic).map(rowOf) })).filter((group) => group.rows.length > 0);
const header: Row = { id: 'id', kind: 'kind', unit: 'unit', latest: 'latest figure', asOf: 'as of', name: 'name (vi)' };
const all = [header, ...groups.flatMap((group) => group.rows)];
const width = (key: keyof Row) => Math.max(...all.map((row) => row[key].length));
const widths = { id: width('id'), kind: width('kind'), unit: width('unit'), latest: width('latest'), asOf: width('asOf') };
const line = (row: Row) => `  ${row.id.padEnd(widths.id)}  ${row.kind.padEnd(widths.kind)}  ${row.unit.padEnd(widths.unit)}  ${row.latest.padEnd(widths.latest)}  ${row.asOf.padEnd(widths.asOf)}  ${row.name}`;

if (groups.length === 0) {
  console.log(`No indicator has "${query}" in its id or name. Run npm run indicators without a text to see them all.`);
  process.exit(0);
}
console.log(line(header));
for (const { topic, rows } of groups) {
  console.log(`\n${TOPIC_NAMES[topic].vi} (topic: ${topic})`);
  for (const row of rows) console.log(line(row));
}
const unpublished = partitionByFigures(shown, series).unpublished.length;
const counted = query ? `${shown.length} of ${dataset.indicators.length} indicators match "${query}"` : `${shown.length} indicators`;
const orphans = unpublished > 0 ? `; ${unpublished} with ${NO_FIGURE} (not published until a month file gives one)` : '';
console.log(`\n${counted}${orphans}. Latest data: ${dataset.releases.at(-1)?.id ?? 'no month file yet'}.`);

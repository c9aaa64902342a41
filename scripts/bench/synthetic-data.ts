/**
 * Synthetic data for the growth benchmark (never written into data/): the real
 * catalogue plus month files of made-up figures, valid under the real data
 * contract, so the build does exactly the work it would do with real ones.
 *
 * Every row says what it is: the source is https://example.invalid/…, the
 * publisher "Synthetic benchmark (not a real source)", and the note, in both
 * languages, that the figure is synthetic. Deterministic: the same options
 * write the same bytes (a seeded generator, no clock).
 *
 * Two shapes:
 * - `releases: N`: N dense monthly releases from 2021-01 on, every indicator of
 *   the catalogue reported in every month (a running total grows every month);
 * - `figuresInOneFile: F`: one month file holding F figures (as-of dates spread
 *   over days, one source per figure).
 *
 * Month ids run past today's month for N > 71 (the data begin in 2021-01): the
 * build refuses a release dated in the future, so such data are built under a
 * shifted clock (`fixed-clock.mjs`, BENCH_TODAY = `syntheticToday`).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Indicator } from '../../src/lib/data/types.ts';
import { MONTH_COLUMNS, type MonthColumn } from '../../src/lib/data/month-file.ts';

/** The first synthetic release: the data contract refuses as-of dates before 2021-01. */
export const SYNTHETIC_FIRST_MONTH = '2021-01';
export const SYNTHETIC_PUBLISHER = 'Synthetic benchmark (not a real source)';
const NOTE_VI = 'Số liệu tổng hợp để đo hiệu năng, không phải số liệu thật.';
const NOTE_EN = 'Synthetic benchmark figure, not a real figure.';

/** A small, seeded pseudo-random generator (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The month `count` months after `month` (`YYYY-MM`). */
export function addMonths(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The ids of N consecutive monthly releases from 2021-01. */
export function syntheticReleaseIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(SYNTHETIC_FIRST_MONTH, i));
}

/** A "today" late enough for every release of `ids` (and one more month): the 15th of the month after the last. */
export function syntheticToday(lastRelease: string): string {
  return `${addMonths(lastRelease, 2)}-15`;
}

type Row = Partial<Record<MonthColumn, string>>;

/** One synthetic row. The quote holds the value (and total) as digits, so the value can be read in it. */
function row(indicator: Indicator, release: string, asOf: string, value: number, total: number | undefined, key: string): Row {
  const shown = indicator.kind === 'rate' ? `${value}%` : total !== undefined ? `${value}/${total}` : String(value);
  return {
    indicator: indicator.id,
    value: String(value),
    ...(total !== undefined ? { total: String(total) } : {}),
    as_of: asOf,
    source_title: `Synthetic benchmark release ${release}`,
    source_publisher: SYNTHETIC_PUBLISHER,
    source_published: release,
    source_url: `https://example.invalid/synthetic/${release}/${indicator.id}/${key}`,
    quote: `Synthetic figure for ${indicator.id}: ${shown} (not a real figure).`,
    quote_language: 'en',
    note: NOTE_VI,
    note_en: NOTE_EN,
  };
}

/** The state that makes a series plausible: a running total only grows. */
interface SeriesState { value: number }

function nextValue(indicator: Indicator, state: SeriesState, random: () => number): { value: number; total?: number } {
  switch (indicator.kind) {
    case 'cumulative':
      state.value += 1 + Math.floor(random() * 100_000);
      return { value: state.value };
    case 'rate':
      return { value: Math.round(random() * 1000) / 10 };
    case 'count-of-total': {
      const total = 100;
      return { value: Math.floor(random() * (total + 1)), total };
    }
    default:
      return { value: 1 + Math.floor(random() * 10_000_000) };
  }
}

/** A month file (CSV text) from rows. */
export function monthCsv(rows: readonly Row[]): string {
  return stringify([[...MONTH_COLUMNS], ...rows.map((r) => MONTH_COLUMNS.map((c) => r[c] ?? ''))]);
}

/**
 * N dense monthly releases: file name → CSV text. Every indicator has one figure
 * in every month, dated at that month.
 */
export function denseReleases(indicators: readonly Indicator[], count: number, seed = 14): Map<string, string> {
  const random = seededRandom(seed);
  const states = new Map(indicators.map((i) => [i.id, { value: 1_000 + Math.floor(random() * 1_000_000) }]));
  const files = new Map<string, string>();
  for (const release of syntheticReleaseIds(count)) {
    const rows = indicators.map((indicator) => {
      const { value, total } = nextValue(indicator, states.get(indicator.id)!, random);
      return row(indicator, release, release, value, total, 'm');
    });
    files.set(`${release}.csv`, monthCsv(rows));
  }
  return files;
}

/**
 * One month file (`release`) holding `count` figures: the indicators in turn,
 * each figure dated one day after the previous figure of its indicator (from
 * 2021-01-01), so every row is a distinct figure and running totals grow.
 */
export function oneLargeRelease(indicators: readonly Indicator[], count: number, release: string, seed = 14): Map<string, string> {
  const random = seededRandom(seed);
  const states = new Map(indicators.map((i) => [i.id, { value: 1_000 + Math.floor(random() * 1_000_000) }]));
  const start = Date.UTC(2021, 0, 1);
  const rows: Row[] = [];
  for (let n = 0; n < count; n++) {
    const indicator = indicators[n % indicators.length]!;
    const day = new Date(start + Math.floor(n / indicators.length) * 86_400_000).toISOString().slice(0, 10);
    if (day.slice(0, 7) > release) throw new Error(`${count} figures need as-of dates after ${release}: choose a later release or fewer figures`);
    const { value, total } = nextValue(indicator, states.get(indicator.id)!, random);
    rows.push(row(indicator, release, day, value, total, String(n)));
  }
  return new Map([[`${release}.csv`, monthCsv(rows)]]);
}

export interface SyntheticOptions {
  /** The real data folder, whose catalogue (indicators.json) the synthetic figures use. */
  realDataDir: string;
  /** N dense monthly releases from 2021-01. */
  releases?: number;
  /** Or: one month file with this many figures. */
  figuresInOneFile?: number;
  seed?: number;
}

/** The release a large one-file month is dated: late enough for 100,000 figures of 100 indicators (1,000 days from 2021-01-01). */
export const LARGE_FILE_RELEASE = '2024-06';

/**
 * Writes a synthetic data folder (`indicators.json` + `months/`, no lock: nothing is published yet).
 * Returns the release ids written and the "today" the data need (BENCH_TODAY).
 */
export function writeSyntheticData(dataDir: string, options: SyntheticOptions, indicators: readonly Indicator[]): { releases: string[]; today: string } {
  if (existsSync(join(dataDir, 'months'))) throw new Error(`${dataDir} already holds months/: write synthetic data into a new folder`);
  mkdirSync(join(dataDir, 'months'), { recursive: true });
  cpSync(join(options.realDataDir, 'indicators.json'), join(dataDir, 'indicators.json'));
  const files = options.figuresInOneFile !== undefined
    ? oneLargeRelease(indicators, options.figuresInOneFile, LARGE_FILE_RELEASE, options.seed)
    : denseReleases(indicators, options.releases ?? 40, options.seed);
  for (const [name, text] of files) writeFileSync(join(dataDir, 'months', name), text);
  const releases = [...files.keys()].map((name) => name.slice(0, 7));
  return { releases, today: syntheticToday(releases.at(-1)!) };
}

/** Adds the month after the newest one (every indicator reported once more): the "add one month" step. */
export function addSyntheticMonth(dataDir: string, indicators: readonly Indicator[], existing: number, seed = 14): string {
  const all = denseReleases(indicators, existing + 1, seed);
  const [name, text] = [...all].at(-1)!;
  writeFileSync(join(dataDir, 'months', name), text);
  return name.slice(0, 7);
}

/**
 * Adds a small month after the newest one of a copy of the real data: one synthetic figure for each of the first
 * `count` running totals of the catalogue, one more than the largest figure of that indicator so far, dated the 1st
 * of the new month. The "add one month to today's data" step (issue 14: a month of a few figures). Returns its id.
 */
export function addSmallSyntheticMonth(dataDir: string, indicators: readonly Indicator[], count = 3): string {
  const monthsDir = join(dataDir, 'months');
  const names = monthFileNames(monthsDir);
  const release = nextMonth(dataDir);
  const largest = new Map<string, number>();
  for (const name of names) {
    for (const record of parse(readFileSync(join(monthsDir, name)), { columns: true }) as Array<Record<string, string>>) {
      const value = Number(record.value);
      if (Number.isFinite(value) && value > (largest.get(record.indicator!) ?? -Infinity)) largest.set(record.indicator!, value);
    }
  }
  const chosen = indicators.filter((i) => i.kind === 'cumulative' && largest.has(i.id)).slice(0, count);
  if (chosen.length < count) throw new Error(`found ${chosen.length} running totals with figures; expected ${count}`);
  const rows = chosen.map((indicator) => row(indicator, release, `${release}-01`, Math.floor(largest.get(indicator.id)!) + 1, undefined, 'small'));
  writeFileSync(join(monthsDir, `${release}.csv`), monthCsv(rows));
  return release;
}

const monthFileNames = (monthsDir: string) => readdirSync(monthsDir).filter((name) => /^\d{4}-\d{2}\.csv$/.test(name)).sort();

/** The month after the newest month file of a data folder. */
export function nextMonth(dataDir: string): string {
  return addMonths(monthFileNames(join(dataDir, 'months')).at(-1)!.slice(0, 7), 1);
}

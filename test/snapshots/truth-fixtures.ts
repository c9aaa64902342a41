/**
 * Synthetic series for the charts' truth rules, built in code (never in data/):
 * a series with a break, one with qualified figures, one where two publishers
 * disagree. Sources point at example.org: these are not real figures.
 */
import type { ChartData } from '../../src/lib/charts/render.ts';
import type { ChartSpec } from '../../src/lib/charts/spec.ts';
import { buildSeries } from '../../src/lib/data/series.ts';
import type { Bilingual, Figure, Indicator, Qualifier } from '../../src/lib/data/types.ts';

const indicator = (id: string, name: Bilingual, unit: Bilingual): Indicator => ({
  id,
  topic: 'banking',
  kind: 'cumulative',
  name,
  unit,
  definition: { vi: 'Dữ liệu thử nghiệm.', en: 'Test data.' },
});

interface FigureOptions {
  qualifier?: Qualifier;
  publisher?: string;
  seriesBreak?: Bilingual;
  quote?: string;
  language?: string;
  translated?: boolean;
}

/** A figure of `id` as a month file would give it; the quote holds the number unless given. */
export function fixtureFigure(id: string, value: number, asOf: string, options: FigureOptions = {}): Figure {
  const release = asOf.slice(0, 7);
  return {
    indicator: id,
    value,
    ...(options.qualifier ? { qualifier: options.qualifier } : {}),
    asOf,
    asOfInferred: false,
    source: { title: `Fixture ${asOf}`, publisher: options.publisher ?? 'Fixture Gazette', published: asOf.length === 10 ? asOf : `${asOf}-28`, url: `https://example.org/${id}/${asOf}` },
    quote: { text: options.quote ?? `Đã có ${value} hồ sơ (dữ liệu thử nghiệm).`, language: options.language ?? 'vi', translated: options.translated ?? false },
    ...(options.seriesBreak ? { seriesBreak: options.seriesBreak } : {}),
    release,
    location: { file: `months/${release}.csv`, line: 2 },
  };
}

const RECORDS = indicator('fixture-records', { vi: 'Hồ sơ khách hàng (thử nghiệm)', en: 'Customer records (test)' }, { vi: 'hồ sơ', en: 'records' });
const ACCOUNTS = indicator('fixture-accounts', { vi: 'Tài khoản đăng ký (thử nghiệm)', en: 'Registered accounts (test)' }, { vi: 'tài khoản', en: 'accounts' });
const FACILITIES = indicator('fixture-facilities', { vi: 'Cơ sở khám chữa bệnh (thử nghiệm)', en: 'Health facilities (test)' }, { vi: 'cơ sở', en: 'facilities' });

/** The reason the records series breaks on 15/7/2024. */
export const BREAK_REASON: Bilingual = { vi: 'từ đây tính cả tài khoản ngân hàng', en: 'from here on bank accounts are counted too' };

/** Break on 15/7/2024: lines 15/1–15/4 and 15/7–15/10, none across the break. */
const records = [
  fixtureFigure(RECORDS.id, 10_000_000, '2024-01-15'),
  fixtureFigure(RECORDS.id, 14_000_000, '2024-04-15'),
  fixtureFigure(RECORDS.id, 30_000_000, '2024-07-15', { seriesBreak: BREAK_REASON }),
  fixtureFigure(RECORDS.id, 35_000_000, '2024-10-15'),
];

/** "hơn 2,1 triệu" first and "gần 8 triệu" last: hollow dots, still joined (qualifiers do not break a series). */
const accounts = [
  fixtureFigure(ACCOUNTS.id, 2_100_000, '2024-02-10', { qualifier: 'more-than', quote: 'Hơn 2,1 triệu tài khoản đã đăng ký (dữ liệu thử nghiệm).' }),
  fixtureFigure(ACCOUNTS.id, 5_000_000, '2024-06-10', { quote: 'Đã có 5.000.000 tài khoản đăng ký (dữ liệu thử nghiệm).' }),
  fixtureFigure(ACCOUNTS.id, 8_000_000, '2024-09-10', { qualifier: 'nearly', quote: 'Nearly 8 million accounts have been registered (test data).', language: 'en', translated: true }),
];

/** Two publishers give different figures for 6/2024: two dots at that date, no line to or from it. */
const facilities = [
  fixtureFigure(FACILITIES.id, 11_726, '2024-03'),
  fixtureFigure(FACILITIES.id, 11_945, '2024-06'),
  fixtureFigure(FACILITIES.id, 12_275, '2024-06', { publisher: 'Other Fixture Daily' }),
  fixtureFigure(FACILITIES.id, 12_455, '2024-09'),
  fixtureFigure(FACILITIES.id, 12_700, '2024-12'),
];

export const TRUTH_DATA: ChartData = {
  series: new Map([
    [RECORDS.id, buildSeries(RECORDS, records)],
    [ACCOUNTS.id, buildSeries(ACCOUNTS, accounts)],
    [FACILITIES.id, buildSeries(FACILITIES, facilities)],
  ]),
  dataVersion: '2024-12',
};

export const TRUTH_SPECS = {
  break: { id: 'fixture-records-break', kind: 'time-series', indicators: [RECORDS.id] },
  qualified: { id: 'fixture-accounts-qualified', kind: 'time-series', indicators: [ACCOUNTS.id] },
  disagreement: { id: 'fixture-facilities-disagreement', kind: 'time-series', indicators: [FACILITIES.id] },
} as const satisfies Record<string, ChartSpec>;

/**
 * The data model of the publication. Everything here is plain data: loaded
 * from `data/` by `load.ts`, validated at the edge, trusted inside.
 */

/** The two languages of the site; Vietnamese is the default. */
export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];

/** A text written in both languages. */
export interface Bilingual {
  vi: string;
  en: string;
}

/** Topic of an indicator; kebab-case, used in URLs. */
export const TOPICS = [
  'identity',
  'population-data',
  'public-services',
  'banking',
  'social-security',
  'health',
  'justice',
  'programme',
] as const;
export type Topic = (typeof TOPICS)[number];

/**
 * What a figure of the indicator measures:
 * - `cumulative`: a running total since the start (never goes down without a note);
 * - `level`: a stock at a date (may go up or down);
 * - `count-of-total`: x out of a fixed total (e.g. 54/76 services); figures carry `total`;
 * - `rate`: a percentage, 0–100;
 * - `flow`: an amount over a stated period (per month, per year…), see `period`.
 */
export const KINDS = ['cumulative', 'level', 'count-of-total', 'rate', 'flow'] as const;
export type IndicatorKind = (typeof KINDS)[number];

/** Where a figure or target was made public. */
export interface Source {
  /** Headline or document title, as published. */
  title: string;
  /** Who published it (newspaper, ministry…). */
  publisher: string;
  /** Publication date, `YYYY-MM-DD` or `YYYY-MM`; absent when the page shows none. */
  published?: string;
  /** Address of the publication, where one exists. */
  url?: string;
}

export interface Target {
  value: number;
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  deadline: string;
  source: Source;
}

/** One entry of `data/indicators.json`. */
export interface Indicator {
  /** kebab-case id, the same in data, URLs, chart ids and MDX. */
  id: string;
  topic: Topic;
  kind: IndicatorKind;
  name: Bilingual;
  unit: Bilingual;
  definition: Bilingual;
  /** For `flow` indicators: the period each figure covers. */
  period?: Bilingual;
  target?: Target;
  /** Shown among the headline figures on the home page. */
  featured?: boolean;
}

/** Where in a month file a figure was read: a CSV line or a JSON path. */
export interface FileLocation {
  /** Path relative to the data directory, e.g. `months/2024-08.csv`. */
  file: string;
  /** 1-based line in a CSV file. */
  line?: number;
  /** JSON path, e.g. `$.figures[3]`. */
  path?: string;
}

/** One figure of a month file, validated. */
export interface Figure {
  indicator: string;
  value: number;
  /** Denominator for "x out of y" figures. */
  total?: number;
  /** The date the figure refers to: `YYYY-MM-DD` or `YYYY-MM`. */
  asOf: string;
  /** True when the as-of date was inferred (e.g. from a meeting date) rather than stated. */
  asOfInferred: boolean;
  source: Source;
  /** Optional note in Vietnamese (and English). */
  note?: Bilingual;
  /** The release (month file id, `YYYY-MM`) this figure was published in. */
  release: string;
  location: FileLocation;
}

/** One month file: one release of the dataset. */
export interface Release {
  /** `YYYY-MM`, from the file name. */
  id: string;
  file: string;
  figures: Figure[];
}

/** The whole validated dataset. */
export interface Dataset {
  indicators: Indicator[];
  /** Sorted by id (oldest first). */
  releases: Release[];
}

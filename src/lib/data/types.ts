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
  /** Who published it (newspaper, ministry…): the name only, as the publisher writes it. */
  publisher: string;
  /** The publisher's English name, where it differs ("Bộ Công an" → "Ministry of Public Security"). */
  publisherEn?: string;
  /** For a page read in a translated edition (the English edition of a Vietnamese paper): that edition's language. */
  edition?: string;
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
  /** The sentence of the source that states the target, as written. */
  quote: string;
  /** Its language (default vi). */
  quoteLanguage?: string;
  /** Read in a translated edition. */
  quoteTranslated?: boolean;
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

/**
 * How the source qualifies its number; part of the figure ("hơn 132,4 triệu").
 * Absent when the source states the number exactly.
 * - `more-than`: "hơn", "trên", "more than", "over", "mehr als";
 * - `at-least`: "ít nhất", "at least", "以上";
 * - `nearly`: "gần", "nearly", "almost", "knapp" (just under the number);
 * - `about`: "khoảng", "about", "approximately", "rund", "約";
 * - `less-than`: "dưới", "less than", "under".
 */
export const QUALIFIERS = ['more-than', 'at-least', 'nearly', 'about', 'less-than'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/**
 * How a figure relates to a figure published earlier for the same indicator
 * and as-of date. Four different things, never conflated:
 * - `restatement`: the same value stated again (it confirms, it does not revise);
 * - `rounding`: a rounded statement of the same figure ("33,9 triệu" for 33.920.141);
 * - `revision`: the same publisher gives another value for that date later;
 * - `disagreement`: another publisher gives another value; both stand;
 * - `correction`: our own correction of a figure we published wrongly (a transcription
 *   error), made in a later month file with a reason: it replaces that figure.
 */
export const SAME_DATE_RELATIONS = ['restatement', 'rounding', 'revision', 'disagreement', 'correction'] as const;
export type SameDateRelation = (typeof SAME_DATE_RELATIONS)[number];

/** The sentence of the source that holds the number, in the source's language. */
export interface Quote {
  text: string;
  /** BCP 47 language of the text: `vi`, `en`, `de`, `ja`… */
  language: string;
  /** True when the quote was read in a translated edition, not in the original. */
  translated: boolean;
  /** Why the value cannot be read from the quote as written (a maintainer's justified exception). */
  exception?: string;
}

/**
 * The period a flow figure covers, when it is not the indicator's own period:
 * a text in both languages ("trong năm 2025" / "in 2025"), or `unknown` when the
 * source does not say what the total counts from or over.
 */
export type FigurePeriod = Bilingual | 'unknown';

/** One figure of a month file, validated. */
export interface Figure {
  indicator: string;
  value: number;
  /** The source's qualifier on the number; absent when exact. */
  qualifier?: Qualifier;
  /** Denominator for "x out of y" figures. */
  total?: number;
  /** The date the figure refers to: `YYYY-MM-DD` or `YYYY-MM`. */
  asOf: string;
  /** True when the as-of date was inferred (e.g. from a meeting date) rather than stated. */
  asOfInferred: boolean;
  source: Source;
  quote: Quote;
  /** The period this figure covers, when the source gives one other than the indicator's (or none at all). */
  period?: FigurePeriod;
  /**
   * Set when this figure does not continue the series before it (another definition
   * or scope): the reason, in both languages. Charts draw no line across it and no
   * change is computed across it.
   */
  seriesBreak?: Bilingual;
  /** The maintainer's statement of how this figure relates to an earlier one for the same date, when the data cannot decide. */
  sameDate?: SameDateRelation;
  /** Set on a row that corrects a figure we published wrongly (same indicator, as-of date and source): why, in both languages. */
  correction?: Bilingual;
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
  /** For each published release recorded with one: the catalogue as it stood then, so pinned outputs never change with later wording. */
  pinnedCatalogues?: ReadonlyMap<string, Indicator[]>;
  /**
   * For each release recorded in the lock: the layout of its snapshot `/data/v/<id>/` (1: full copy, 2: month files;
   * see `SNAPSHOT_FORMATS` in release-lock.ts). A release not in it is not recorded yet and gets the current format.
   */
  snapshotFormats?: ReadonlyMap<string, 1 | 2>;
}

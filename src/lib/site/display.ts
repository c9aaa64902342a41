import type { Figure, Indicator, Locale, Qualifier, Source } from '../data/types.ts';
import { formatAsOf, formatStated, formatNumber, formatPercent, formatQuantity, formatRatio } from '../format/index.ts';
import { figureWord } from '../i18n/figure-words.ts';

/**
 * Every value the site shows goes through here, so the source's qualifier
 * ("hơn", "gần", "khoảng") is never dropped: it is part of the figure.
 */

/** What a figure states: its value, its qualifier and, for "x out of y", its total. */
export type Stated = Pick<Figure, 'value' | 'total' | 'qualifier'>;

/** The qualifier as a word of the reader's language, or '' for an exact figure. */
export function qualifierWord(qualifier: Qualifier | undefined, locale: Locale): string {
  return qualifier ? figureWord(locale, `qualifier.${qualifier}`) : '';
}

/** "hơn 132,4 triệu" — the qualifier, a no-break space (the two never part at a line end), then the number. */
export function qualified(qualifier: Qualifier | undefined, text: string, locale: Locale): string {
  return qualifier ? `${qualifierWord(qualifier, locale)}\u00a0${text}` : text;
}

/** A figure for prose and cards: "hơn 26,3 triệu tài khoản", "54/76 dịch vụ", "khoảng 61%". */
export function displayValue(indicator: Indicator, figure: Stated, locale: Locale): string {
  return qualified(figure.qualifier, displayQuantity(indicator, figure.value, figure.total, locale), locale);
}

/** An amount in the indicator's unit with no qualifier: a target, the size of a change. */
export function displayQuantity(indicator: Indicator, value: number, total: number | undefined, locale: Locale): string {
  if (total !== undefined) return `${formatRatio(value, total, locale)} ${indicator.unit[locale]}`;
  if (indicator.kind === 'rate') return formatPercent(value, locale);
  return formatQuantity(value, indicator.unit, locale);
}

/** A figure in full, for tables: "hơn 26.300.000", "54/76", "94,08%". */
export function displayExact(indicator: Indicator, figure: Stated, locale: Locale): string {
  const text = figure.total !== undefined ? formatRatio(figure.value, figure.total, locale) : indicator.kind === 'rate' ? formatPercent(figure.value, locale) : formatNumber(figure.value, locale);
  return qualified(figure.qualifier, text, locale);
}

/** A figure's number alone, compact, with its qualifier (the unit set apart): "hơn 132,4 triệu". */
export function displayCompact(indicator: Indicator, figure: Stated, locale: Locale): { value: string; unit: string } {
  if (figure.total !== undefined) return { value: qualified(figure.qualifier, formatRatio(figure.value, figure.total, locale), locale), unit: indicator.unit[locale] };
  if (indicator.kind === 'rate') return { value: qualified(figure.qualifier, formatPercent(figure.value, locale), locale), unit: '' };
  return { value: qualified(figure.qualifier, formatStated(figure.value, locale), locale), unit: indicator.unit[locale] };
}

export function displayAsOf(figure: Pick<Figure, 'asOf'>, locale: Locale): string {
  return formatAsOf(figure.asOf, locale);
}

/** Names of the languages a translated edition may be in, per reader's language. */
const EDITIONS: Record<Locale, Record<string, string>> = {
  vi: { en: 'bản tiếng Anh', ja: 'bản tiếng Nhật', de: 'bản tiếng Đức', fr: 'bản tiếng Pháp', zh: 'bản tiếng Trung' },
  en: { en: 'English edition', ja: 'Japanese edition', de: 'German edition', fr: 'French edition', zh: 'Chinese edition' },
};

/** The publisher as the reader's language names it, with the edition read: "Lao Động (bản tiếng Anh)" / "Lao Động (English edition)". */
export function publisherLabel(source: Pick<Source, 'publisher' | 'publisherEn' | 'edition'>, locale: Locale): string {
  const name = locale === 'en' && source.publisherEn ? source.publisherEn : source.publisher;
  if (!source.edition) return name;
  const edition = EDITIONS[locale][source.edition] ?? (locale === 'vi' ? `bản dịch (${source.edition})` : `translated edition (${source.edition})`);
  return `${name} (${edition})`;
}

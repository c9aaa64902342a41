/**
 * The language of the runs of text a page quotes from its sources (titles, publishers' names), so that each can carry
 * `lang` when it differs from the page's (WCAG 3.1.2, Language of Parts): a screen reader then reads a Vietnamese
 * headline on an English page with a Vietnamese voice. Pure: no Astro imports.
 */
import type { Locale, Source } from '../data/types.ts';

/** Letters that only Vietnamese writes among the site's languages: đ, ă, ơ, ư, and vowels with Vietnamese tone marks. */
const VIETNAMESE = /[đĐăĂơƠưƯ\u1EA0-\u1EF9]|[âêôÂÊÔ][\u0300\u0301\u0303\u0309\u0323]|[àảãáạèẻẽéẹìỉĩíịòỏõóọùủũúụỳỷỹýỵ]/u;

/** `vi` when the text is written in Vietnamese (it has Vietnamese letters), else `en`: our sources write in one or the other. */
export function guessLanguage(text: string): 'vi' | 'en' {
  return VIETNAMESE.test(text.normalize('NFC')) ? 'vi' : 'en';
}

/**
 * The language of a source's title: Vietnamese when it is written with Vietnamese letters (a Vietnamese headline
 * stays Vietnamese even when the figure was read in the page's English edition); else the translated edition's
 * language, or the language the page was read in (a figure's quote_language), or English.
 */
export function sourceTitleLanguage(source: Pick<Source, 'title' | 'edition'>, readIn?: string): string {
  if (guessLanguage(source.title) === 'vi') return 'vi';
  const other = source.edition ?? readIn;
  return other && other !== 'vi' ? other : 'en';
}

/**
 * The language of the publisher's name as the page shows it (see publisherLabel): the English name on English pages
 * when there is one, else the name as the publisher writes it.
 */
export function publisherNameLanguage(source: Pick<Source, 'publisher' | 'publisherEn'>, locale: Locale): string {
  if (locale === 'en' && source.publisherEn) return 'en';
  return guessLanguage(source.publisher) === 'vi' ? 'vi' : locale;
}

/** The `lang` attribute a run needs on a page in `locale`: none when it is the page's language. */
export function langAttribute(language: string, locale: Locale): string | undefined {
  return language.split('-')[0]!.toLowerCase() === locale ? undefined : language;
}

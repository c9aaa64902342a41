/**
 * Page descriptions for `<meta name="description">` and link previews: one per page, at most 160 characters
 * (what search results show), cut at a word boundary with "…" when longer. Pure: no Astro imports.
 */
import type { Indicator, Locale } from '../data/types.ts';

/** Search engines show about this many characters of a description. */
export const META_DESCRIPTION_MAX = 160;

/**
 * `text` on one line, at most `max` characters: whole when it fits; else cut at the last space that leaves room
 * for "…" (trailing punctuation dropped), or mid-word when the text has no space early enough.
 */
export function metaDescription(text: string, max = META_DESCRIPTION_MAX): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if ([...clean].length <= max) return clean;
  const chars = [...clean];
  const room = chars.slice(0, max - 1).join('');
  const space = room.lastIndexOf(' ');
  const cut = space >= max / 2 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:.\-–—(]+$/u, '')}…`;
}

/** An indicator page: its definition. */
export function indicatorDescription(indicator: Indicator, locale: Locale): string {
  return metaDescription(indicator.definition[locale]);
}

/** A month's bulletin: its title and the bulletin's lead sentence ("Bản tin tháng 8/2024: …"). */
export function bulletinDescription(title: string, lede: string): string {
  return metaDescription(`${title}: ${lede}`);
}

/** A topic page: what it gathers, naming the topic's indicators. */
export function topicDescription(topicName: string, indicators: readonly Indicator[], locale: Locale): string {
  const names = indicators.map((indicator) => indicator.name[locale]).join('; ');
  return metaDescription(
    locale === 'vi'
      ? `${topicName}: bài viết, bản tin và ${indicators.length} chỉ số của Đề án 06${names ? ` (${names})` : ''}.`
      : `${topicName}: stories, bulletins and ${indicators.length} ${indicators.length === 1 ? 'indicator' : 'indicators'} of Project 06${names ? ` (${names})` : ''}.`,
  );
}

/** Descriptions of pages that have no text of their own to draw on, by locale-free path. */
export const FIXED_DESCRIPTIONS: Readonly<Record<string, Record<Locale, string>>> = {
  search: {
    vi: 'Tìm chỉ số, bài viết và bản tin hằng tháng của Đề án 06 qua số liệu; gõ có dấu hay không dấu đều được.',
    en: 'Search the indicators, stories and monthly bulletins of Project 06 in Numbers, in Vietnamese or English.',
  },
};

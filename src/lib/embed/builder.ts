/**
 * The embed builder (/embed/, /en/embed/): what the page and its browser module share. Pure, and safe in the
 * browser: the module builds the very snippet the oEmbed JSON offers (`embedSnippet`), with the chosen version
 * and theme, from URL templates the page writes at build time (so the browser needs no site address of its own).
 */
import { embedSnippet } from './embed.ts';

/** The themes an embed knows (`?theme=`, read by public/embed-theme.js); auto follows the reader's system. */
export const EMBED_THEMES = ['auto', 'light', 'dark'] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];

/** Stand-ins for a chart id and a release in the URL templates (`embedUrl(locale, CHART_SLOT, RELEASE_SLOT)`). */
export const CHART_SLOT = '__chart__';
export const RELEASE_SLOT = '__release__';

/** The embed URLs of a language with slots: `live` for `embedUrl(locale, CHART_SLOT)`, `pinned` with a release too. */
export interface EmbedUrlTemplates {
  live: string;
  pinned: string;
}

/** What a journalist chose in the builder. */
export interface BuilderChoice {
  chart: string;
  /** A pinned release (`YYYY-MM`), or undefined for the live embed. */
  release?: string | undefined;
  theme: EmbedTheme;
  /**
   * An explorer view of the chart (`exploreQuery` without its `?`: `indicators=a,b&from=2024-07&view=table`), which
   * the live embed draws. Never with a release: a pinned embed is the chart exactly as published, not a view of it.
   */
  view?: string | undefined;
}

/** Whether a string is one of the themes. */
export function isEmbedTheme(value: unknown): value is EmbedTheme {
  return typeof value === 'string' && (EMBED_THEMES as readonly string[]).includes(value);
}

/**
 * The embed page's URL for a choice: the live page with the view if there is one, or the pinned page; then
 * `theme=` unless the theme is auto. A pinned choice drops the view (see `BuilderChoice.view`).
 */
export function builderEmbedUrl(templates: EmbedUrlTemplates, choice: BuilderChoice): string {
  const url = choice.release ? templates.pinned.replace(RELEASE_SLOT, choice.release) : templates.live;
  const src = url.replace(CHART_SLOT, choice.chart);
  const query = [choice.release ? '' : (choice.view ?? ''), choice.theme === 'auto' ? '' : `theme=${choice.theme}`].filter(Boolean).join('&');
  return query ? `${src}?${query}` : src;
}

/**
 * The snippet for a choice: `embedSnippet` as the oEmbed JSON gives it (same title, height and resizer), the
 * iframe pointing at the chosen version and theme. Live and auto, it is the oEmbed JSON's `html` exactly.
 */
export function builderSnippet(templates: EmbedUrlTemplates, choice: BuilderChoice, chart: { title: string; height: number }, resizer: string): string {
  return embedSnippet({ src: builderEmbedUrl(templates, choice), title: chart.title, height: chart.height, resizer });
}

/**
 * Text folded for a filter: no diacritics, đ → d, lower case, one space between words, so "dinh danh" finds
 * "Định danh" and "ĐỊNH DANH".
 */
export function foldForFilter(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether every word of a query is in a text, both folded (`foldForFilter`). An empty query matches everything. */
export function matchesFilter(text: string, query: string): boolean {
  const haystack = foldForFilter(text);
  return foldForFilter(query).split(' ').every((word) => haystack.includes(word));
}

import type { Locale } from '../data/types.ts';

/** The page's locale from Astro's `currentLocale` (path based: `/en/…` is English, the rest Vietnamese). */
export function pageLocale(currentLocale: string | undefined, explicit?: Locale): Locale {
  if (explicit) return explicit;
  return currentLocale === 'en' ? 'en' : 'vi';
}

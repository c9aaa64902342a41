import type { Locale } from '../data/types.ts';
import { sitePath } from '../site/address.ts';

/** The Vietnamese site lives at `/`, the English one under `/en/`. */
export const DEFAULT_LOCALE: Locale = 'vi';

/** The route parameter `[...lang]` for a locale: undefined for Vietnamese (no prefix). */
export function langParam(locale: Locale): string | undefined {
  return locale === DEFAULT_LOCALE ? undefined : locale;
}

export function localeFromParam(lang: string | undefined): Locale {
  return lang === 'en' ? 'en' : 'vi';
}

/**
 * The URL path of a page in a locale, from its locale-free path, under the site's base path (BASE_PATH, see
 * src/lib/site/address.ts): `localePath('en', 'indicators/x')` → `/en/indicators/x/`; `localePath('vi', '')` → `/`;
 * with BASE_PATH=/de-an-06/: `/de-an-06/en/indicators/x/`.
 */
export function localePath(locale: Locale, path: string): string {
  return sitePath(rootLocalePath(locale, path));
}

/** The same path without the base path: where the page lies in dist/. */
export function rootLocalePath(locale: Locale, path: string): string {
  const clean = path.replace(/^\/+|\/+$/g, '');
  const prefix = locale === DEFAULT_LOCALE ? '' : `/${locale}`;
  return clean === '' ? `${prefix}/` : `${prefix}/${clean}/`;
}

/** The same page in the other language. */
export function otherLocale(locale: Locale): Locale {
  return locale === 'vi' ? 'en' : 'vi';
}

/** Paths for `getStaticPaths`: one per locale, with `props.locale`. */
export function localeStaticPaths<T extends Record<string, string | undefined>, P extends object>(
  entries: ReadonlyArray<{ params: T; props: P }>,
): Array<{ params: T & { lang: string | undefined }; props: P & { locale: Locale } }> {
  return (['vi', 'en'] as const).flatMap((locale) =>
    entries.map(({ params, props }) => ({ params: { ...params, lang: langParam(locale) }, props: { ...props, locale } })),
  );
}

/**
 * Files every site needs beside its pages: robots.txt (pointing at the sitemap), a web manifest per language, and
 * PNG icons drawn at build from public/favicon.svg. Pure: no Astro imports; the routes in src/pages serve them.
 */
import type { Locale } from '../data/types.ts';
import { localePath } from '../i18n/routes.ts';
import { t } from '../i18n/ui.ts';
import { absoluteUrl, sitePath } from './address.ts';
import { SITEMAP_INDEX } from './sitemap.ts';

/** The favicon's blue, for the browser's toolbar and the app's splash screen. */
export const THEME_COLOUR = '#0b64a5';
export const BACKGROUND_COLOUR = '#ffffff';

/**
 * The PNG icons, square, drawn from public/favicon.svg. The apple-touch-icon is drawn without the rounded corners
 * (iOS rounds it itself, and would show the transparent corners black).
 */
export const ICONS = [
  { name: 'icon-192', size: 192, square: false },
  { name: 'icon-512', size: 512, square: false },
  { name: 'apple-touch-icon', size: 180, square: true },
] as const;

export function iconPath(name: (typeof ICONS)[number]['name']): string {
  return `/icons/${name}.png`;
}

/** The favicon's SVG ready to draw as an icon: at its size, optionally with square corners. */
export function iconSvg(favicon: string, size: number, square: boolean): string {
  const sized = favicon.replace(/<svg\b/, `<svg width="${size}" height="${size}"`);
  return square ? sized.replace(/\srx="[^"]*"/, '') : sized;
}

export function robotsTxt(): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(SITEMAP_INDEX)}\n`;
}

/** Where a language's manifest lives: `/manifest.webmanifest`, `/en/manifest.webmanifest`. */
export function manifestPath(locale: Locale): string {
  return localePath(locale, 'manifest.webmanifest').replace(/\/$/, '');
}

/** The web app manifest of a language: its name, its home as start_url and scope (under the base path), the icons. */
export function webManifest(locale: Locale): Record<string, unknown> {
  const home = localePath(locale, '');
  return {
    name: t(locale, 'site.name'),
    short_name: locale === 'vi' ? 'Đề án 06' : 'Project 06',
    description: t(locale, 'site.tagline'),
    lang: locale,
    dir: 'ltr',
    start_url: home,
    scope: home,
    display: 'browser',
    theme_color: THEME_COLOUR,
    background_color: BACKGROUND_COLOUR,
    icons: [
      { src: sitePath('/favicon.svg'), sizes: 'any', type: 'image/svg+xml' },
      ...ICONS.filter((icon) => !icon.square).map((icon) => ({ src: sitePath(iconPath(icon.name)), sizes: `${icon.size}x${icon.size}`, type: 'image/png' })),
    ],
  };
}

import type { Locale } from '../data/types.ts';
import { figureWord } from '../i18n/figure-words.ts';

/**
 * A ready citation for a chart or an indicator, pinned to a data version.
 * The access date is left as a placeholder for the reader's browser to fill
 * (`{accessed}`), so built files never depend on the day they were built.
 */
export function citationText(options: { title: string; release: string; url: string; locale: Locale; accessed?: string }): string {
  const { title, release, url, locale } = options;
  const accessed = options.accessed ?? (locale === 'vi' ? '[ngày truy cập]' : '[access date]');
  const site = figureWord(locale, 'site.name');
  return locale === 'vi'
    ? `${site}. “${title}”. Phiên bản dữ liệu ${release}. ${url} (truy cập ngày ${accessed}).`
    : `${site}. “${title}”. Data version ${release}. ${url} (accessed ${accessed}).`;
}

/** Where a chart's downloads lie in dist/: `/downloads/<lang>/<chart-id>.<ext>` (links add the base path: sitePath). */
export function downloadPath(locale: Locale, chartId: string, extension: 'png' | 'svg' | 'csv' | 'json' | 'xlsx'): string {
  return `/downloads/${locale}/${chartId}.${extension}`;
}

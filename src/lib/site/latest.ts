/**
 * The stable address of the newest monthly bulletin (locale-free): every page links to it, and only its page
 * (src/pages/[...lang]/months/latest.astro) changes when a month is added, so pages that do not show the new month's
 * figures stay byte-identical.
 */
export const LATEST_MONTH_PATH = 'months/latest';

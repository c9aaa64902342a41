/**
 * Locale formatting for the site: numbers, quantities and dates in
 * Vietnamese and English. Pure, Intl only, independent of the machine's
 * time zone. House typography is described in `intl.ts`.
 */

export { MINUS, NBSP } from './intl.ts';
export {
  formatChange,
  formatCompact,
  formatNumber,
  formatPercent,
  formatQuantity,
  formatStated,
  formatRatio,
  formatTick,
} from './number.ts';
export { formatAsOf, formatMonthShort, formatReleaseTitle } from './date.ts';

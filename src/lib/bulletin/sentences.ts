import type { Indicator, Locale } from '../data/types.ts';
import type { ReleaseChanges } from '../data/releases.ts';
import type { SeriesPoint } from '../data/series.ts';
import { formatAsOf, formatNumber, formatReleaseTitle } from '../format/index.ts';
import { displayValue } from '../site/display.ts';

/**
 * The generated text of a monthly bulletin: sentences a careful journalist
 * would write, from the release's changes only. Every number comes from the data.
 */
export interface BulletinText {
  lede: string;
  /** One entry per indicator whose latest value moved, in catalogue order: `${lead}: ${clause}`. */
  changes: Array<{ indicator: Indicator; lead: string; clause: string }>;
  revisions: string[];
}

/** The indicator's name inside a sentence: lower-case first letter unless it starts an acronym (VNeID, CCCD). */
function inSentence(name: string, locale: Locale): string {
  if (locale === 'en') return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
  return /^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLocaleLowerCase('vi') + name.slice(1) : name;
}

const value = (indicator: Indicator, point: SeriesPoint, locale: Locale) => displayValue(indicator, point.value, point.total, locale);
const date = (point: SeriesPoint, locale: Locale) => formatAsOf(point.asOf, locale);

/** The size of a change, in the indicator's terms: "3,7 triệu tài khoản", "5,5 điểm phần trăm". */
function amount(indicator: Indicator, delta: number, locale: Locale): string {
  const size = Math.abs(delta);
  if (indicator.kind === 'rate') return locale === 'vi' ? `${formatNumber(size, locale)} điểm phần trăm` : `${formatNumber(size, locale)} percentage point${size === 1 ? '' : 's'}`;
  return displayValue(indicator, size, undefined, locale);
}

/**
 * What happened to an indicator in a release, written after its name and a
 * colon (so no verb has to agree with it), e.g.
 * "45,2 triệu tài khoản (20/8/2024), tăng 3,7 triệu tài khoản so với lần công bố trước (15/7/2024)."
 */
export function changeClause(indicator: Indicator, before: SeriesPoint | undefined, after: SeriesPoint, locale: Locale): string {
  const now = `${value(indicator, after, locale)} (${date(after, locale)})`;
  if (!before) return locale === 'vi' ? `lần đầu có số liệu, ${now}.` : `first figure, ${now}.`;
  const delta = after.value - before.value;
  const was = `${value(indicator, before, locale)} (${date(before, locale)})`;
  if (before.total !== undefined && after.total !== undefined && before.total !== after.total) {
    return locale === 'vi' ? `${now}; lần công bố trước là ${was}, trên một tổng số khác.` : `${now}; the previous figure was ${was}, out of a different total.`;
  }
  if (delta === 0) {
    return locale === 'vi' ? `${now}, không đổi so với lần công bố trước (${date(before, locale)}).` : `${now}, unchanged from the previous figure (${date(before, locale)}).`;
  }
  const direction = locale === 'vi' ? (delta > 0 ? 'tăng' : 'giảm') : delta > 0 ? 'up' : 'down';
  return locale === 'vi'
    ? `${now}, ${direction} ${amount(indicator, delta, locale)} so với lần công bố trước (${date(before, locale)}).`
    : `${now}, ${direction} ${amount(indicator, delta, locale)} from the previous figure (${date(before, locale)}).`;
}

/** The indicator's name as a lead-in, with its period for flows: "Lượt dùng VNeID (mỗi tháng)". */
export function leadIn(indicator: Indicator, locale: Locale): string {
  return indicator.period ? `${indicator.name[locale]} (${indicator.period[locale]})` : indicator.name[locale];
}

/** Writes the bulletin text of one release. */
export function bulletinText(changes: ReleaseChanges, indicators: ReadonlyMap<string, Indicator>, locale: Locale): BulletinText {
  const { release } = changes;
  const figures = release.figures.length;
  const indicatorCount = new Set(release.figures.map((f) => f.indicator)).size;
  const month = formatReleaseTitle(release.id, locale);
  const newCount = changes.newIndicators.length;
  const lede =
    locale === 'vi'
      ? `${month}, các nguồn công khai đưa ra ${formatNumber(figures, locale)} số liệu về ${formatNumber(indicatorCount, locale)} chỉ số của Đề án 06` +
        (newCount > 0 ? `, trong đó ${formatNumber(newCount, locale)} chỉ số lần đầu có số liệu` : '') +
        (changes.revisions.length > 0 ? `; ${formatNumber(changes.revisions.length, locale)} số liệu cũ được điều chỉnh` : '') +
        '.'
      : `In ${month}, public sources gave ${formatNumber(figures, locale)} figure${figures === 1 ? '' : 's'} for ${formatNumber(indicatorCount, locale)} Project 06 indicator${indicatorCount === 1 ? '' : 's'}` +
        (newCount > 0 ? `, ${formatNumber(newCount, locale)} of them reported for the first time` : '') +
        (changes.revisions.length > 0 ? `; ${formatNumber(changes.revisions.length, locale)} earlier figure${changes.revisions.length === 1 ? ' was' : 's were'} revised` : '') +
        '.';
  const revisions = changes.revisions.map((revision) => {
    const indicator = indicators.get(revision.indicator)!;
    const previous = revision.previous.map((f) => displayValue(indicator, f.value, f.total, locale)).join(locale === 'vi' ? ' và ' : ' and ');
    const now = displayValue(indicator, revision.figure.value, revision.figure.total, locale);
    const when = formatAsOf(revision.asOf, locale);
    return locale === 'vi'
      ? `Số liệu ${inSentence(indicator.name.vi, locale)} tại ${when} được nêu lại là ${now}; bản trước ghi ${previous}.`
      : `The figure for ${inSentence(indicator.name.en, locale)} as of ${when} is now given as ${now}; the earlier release had ${previous}.`;
  });
  return {
    lede,
    changes: changes.changedLatest.map(({ indicator, before, after }) => ({ indicator, lead: leadIn(indicator, locale), clause: changeClause(indicator, before, after, locale) })),
    revisions,
  };
}

import type { Indicator, Locale } from '../data/types.ts';
import type { Series, SeriesPoint } from '../data/series.ts';
import { formatAsOf, formatNumber } from '../format/index.ts';
import { displayChange, displayValue } from '../site/display.ts';

/**
 * Sentences generated from the data, for the chart's takeaway and its text
 * summary: what a sighted reader takes away, in words a screen reader reads.
 */

const valueOf = (indicator: Indicator, point: SeriesPoint, locale: Locale) => displayValue(indicator, point.value, point.total, locale);
const dateOf = (point: SeriesPoint, locale: Locale) => formatAsOf(point.asOf, locale);

/** "tăng từ 1,4 triệu tài khoản (tháng 11/2022) lên 62 triệu tài khoản (tháng 4/2025)" — no subject. */
export function movement(series: Series, locale: Locale): string {
  const { indicator, points } = series;
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return locale === 'vi' ? 'chưa có số liệu' : 'has no published figure yet';
  if (first === last) {
    return locale === 'vi' ? `là ${valueOf(indicator, last, locale)} (${dateOf(last, locale)})` : `stood at ${valueOf(indicator, last, locale)} (${dateOf(last, locale)})`;
  }
  const from = `${valueOf(indicator, first, locale)} (${dateOf(first, locale)})`;
  const to = `${valueOf(indicator, last, locale)} (${dateOf(last, locale)})`;
  const ratioChanged = first.total !== last.total;
  const delta = last.value - first.value;
  if (delta > 0 || (delta === 0 && ratioChanged)) return locale === 'vi' ? `tăng từ ${from} lên ${to}` : `rose from ${from} to ${to}`;
  if (delta < 0) return locale === 'vi' ? `giảm từ ${from} xuống ${to}` : `fell from ${from} to ${to}`;
  return locale === 'vi' ? `giữ nguyên ở ${to}, như ${dateOf(first, locale)}` : `stayed at ${valueOf(indicator, last, locale)} from ${dateOf(first, locale)} to ${dateOf(last, locale)}`;
}

/** The one-line takeaway under a chart's title, e.g. "Tăng từ … lên …". */
export function takeawayFor(series: Series, locale: Locale): string {
  const text = movement(series, locale);
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

/** A full sentence about one indicator's history, e.g. "Tài khoản … tăng từ … lên …, qua 5 lần báo cáo." */
export function seriesSentence(series: Series, locale: Locale): string {
  const { indicator, points } = series;
  const name = indicator.name[locale];
  const reports = points.length;
  const count = locale === 'vi' ? `, qua ${formatNumber(reports, locale)} lần công bố` : `, across ${formatNumber(reports, locale)} published figures`;
  const disagreements = points.filter((p) => p.sourcesDisagree).length;
  const disagree = disagreements === 0 ? '' : locale === 'vi'
    ? ` Ở ${formatNumber(disagreements, locale)} thời điểm, các nguồn đưa ra số khác nhau; bảng số liệu ghi đủ các nguồn.`
    : ` At ${formatNumber(disagreements, locale)} date${disagreements === 1 ? '' : 's'} sources give different figures; the data table lists them all.`;
  return `${name} ${movement(series, locale)}${reports > 1 ? count : ''}.${disagree}`;
}

/** "54/76 dịch vụ (71%), tính đến tháng 8/2024" / "54 of 76 services (71%) as of August 2024". */
export function progressSentence(series: Series, locale: Locale): string {
  const { indicator } = series;
  const last = series.points.at(-1);
  if (!last) return `${indicator.name[locale]}: ${locale === 'vi' ? 'chưa có số liệu' : 'no figure yet'}.`;
  const total = last.total ?? indicator.target?.value;
  if (total === undefined) return `${indicator.name[locale]}: ${valueOf(indicator, last, locale)} (${dateOf(last, locale)}).`;
  const share = Math.round((last.value / total) * 100);
  return locale === 'vi'
    ? `${indicator.name[locale]}: ${formatNumber(last.value, locale)}/${formatNumber(total, locale)} ${indicator.unit.vi} (${share}%), tính đến ${dateOf(last, locale)}.`
    : `${indicator.name[locale]}: ${formatNumber(last.value, locale)} of ${formatNumber(total, locale)} ${indicator.unit.en} (${share}%) as of ${dateOf(last, locale)}.`;
}

/** "Lớn nhất: A (x); nhỏ nhất: B (y)." over the latest figures of several indicators, sorted. */
export function comparisonSentence(entries: Array<{ series: Series; point: SeriesPoint }>, locale: Locale): string {
  const sorted = [...entries].sort((a, b) => b.point.value - a.point.value);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return locale === 'vi' ? 'Chưa có số liệu.' : 'No figures yet.';
  const item = (e: { series: Series; point: SeriesPoint }) => `${e.series.indicator.name[locale]} (${valueOf(e.series.indicator, e.point, locale)}, ${dateOf(e.point, locale)})`;
  if (first === last) return `${item(first)}.`;
  return locale === 'vi' ? `Lớn nhất: ${item(first)}; nhỏ nhất: ${item(last)}.` : `Largest: ${item(first)}; smallest: ${item(last)}.`;
}

/** "+3,7 triệu so với lần công bố trước (tháng 7/2024)" — the big number's change line. */
export function changeSentence(series: Series, locale: Locale): string | undefined {
  const last = series.points.at(-1);
  const previous = series.points.at(-2);
  if (!last || !previous) return undefined;
  const change = displayChange(series.indicator, last.value - previous.value, locale);
  return locale === 'vi' ? `${change} so với lần công bố trước (${dateOf(previous, locale)})` : `${change} since the previous figure (${dateOf(previous, locale)})`;
}

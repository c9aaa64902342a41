import type { Indicator, Locale } from '../data/types.ts';
import type { Series, SeriesPoint } from '../data/series.ts';
import { changeStatement, comparability } from '../data/series.ts';
import { parseIsoDate } from '../data/values.ts';
import { formatAsOf, formatNumber } from '../format/index.ts';
import { displayQuantity, displayValue } from './display.ts';

/**
 * The one way the site speaks of a change between two reports of an
 * indicator, used by bulletins, big numbers, home cards and chart takeaways.
 * The rules (the methodology page lists them for readers):
 * 1. A change is stated only between comparable figures: the same indicator,
 *    no break between them, the same known period, no disagreement at either
 *    end, the same total for "x out of y".
 * 2. With qualifiers, only what can be said: "tăng khoảng …", "tăng hơn …",
 *    "vượt mốc …", or no number at all; never a precise difference.
 * 3. A change says how long it took.
 * 4. The earlier figure is always called "số liệu trước đó" / "the previous figure".
 */

/** The time between two as-of dates, for prose: "trong 2 tháng", "in 1 year 3 months"; '' when under a month and not both days. */
export function elapsed(from: string, to: string, locale: Locale): string {
  const a = parseIsoDate(from)!;
  const b = parseIsoDate(to)!;
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (a.day !== undefined && b.day !== undefined && b.day < a.day) months--;
  if (months < 1) {
    if (a.day === undefined || b.day === undefined) return '';
    const days = Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
    if (days <= 0) return '';
    return locale === 'vi' ? `trong ${formatNumber(days, locale)} ngày` : `in ${formatNumber(days, locale)} day${days === 1 ? '' : 's'}`;
  }
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (locale === 'vi') return `trong ${[years ? `${years} năm` : '', rest ? `${rest} tháng` : ''].filter(Boolean).join(' ')}`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `in ${[years ? plural(years, 'year') : '', rest ? plural(rest, 'month') : ''].filter(Boolean).join(' ')}`;
}

/** The size of a change in the indicator's terms: "3,7 triệu tài khoản", "5,5 điểm phần trăm". */
function amount(indicator: Indicator, delta: number, locale: Locale): string {
  const size = Math.abs(delta);
  if (indicator.kind === 'rate') return locale === 'vi' ? `${formatNumber(size, locale)} điểm phần trăm` : `${formatNumber(size, locale)} percentage point${size === 1 ? '' : 's'}`;
  return displayQuantity(indicator, size, undefined, locale);
}

/** "gần 3,3 triệu người (tháng 12/2022)" */
export function valueAt(indicator: Indicator, point: SeriesPoint, locale: Locale): string {
  return `${displayValue(indicator, point, locale)} (${formatAsOf(point.asOf, locale)})`;
}

/**
 * What can be said of `after` against the point just before it in the series,
 * as a clause that follows the new value: "tăng 3,7 triệu tài khoản trong 2 tháng
 * so với số liệu trước đó (20/8/2024)". Undefined when `after` is the first point.
 */
export function changeClause(series: Series, point: SeriesPoint, locale: Locale): string | undefined {
  // The point may come from another derivation of the same data: find this series' own point for its date.
  const index = series.points.findIndex((p) => p.asOf === point.asOf);
  const after = series.points[index];
  const before = index > 0 ? series.points[index - 1] : undefined;
  if (!before || !after) return undefined;
  const { indicator } = series;
  const was = valueAt(indicator, before, locale);
  const vi = locale === 'vi';
  const blocked = comparability(series, before, after);
  switch (blocked) {
    case 'break':
      return vi ? `không so sánh được với số liệu trước đó, ${was}, vì cách tính đã đổi` : `not comparable with the previous figure, ${was}, because the definition changed`;
    case 'period':
      return vi ? `không so sánh được với số liệu trước đó, ${was}, vì hai số không tính trên cùng một kỳ đã biết` : `not comparable with the previous figure, ${was}, as the two do not cover the same known period`;
    case 'disagreement':
      return vi ? `số liệu trước đó là ${was}; các nguồn không thống nhất nên không tính mức thay đổi` : `the previous figure was ${was}; sources disagree, so no change is computed`;
    case 'total':
      return vi ? `số liệu trước đó là ${was}, trên một tổng số khác` : `the previous figure was ${was}, out of a different total`;
    case undefined:
      break;
  }
  const since = vi ? `so với số liệu trước đó (${formatAsOf(before.asOf, locale)})` : `from the previous figure (${formatAsOf(before.asOf, locale)})`;
  const took = elapsed(before.asOf, after.asOf, locale);
  const during = took ? ` ${took}` : '';
  const statement = changeStatement(before, after);
  const up = (delta: number) => (vi ? (delta > 0 ? 'tăng' : 'giảm') : delta > 0 ? 'up' : 'down');
  switch (statement.kind) {
    case 'exact':
      if (statement.delta === 0) return vi ? `không đổi ${since}` : `unchanged ${since}`;
      return `${up(statement.delta)} ${amount(indicator, statement.delta, locale)}${during} ${since}`;
    case 'about':
      if (statement.delta === 0) return vi ? `vẫn khoảng như số liệu trước đó (${formatAsOf(before.asOf, locale)})` : `about the same as the previous figure (${formatAsOf(before.asOf, locale)})`;
      return `${up(statement.delta)} ${vi ? 'khoảng' : 'about'} ${amount(indicator, statement.delta, locale)}${during} ${since}`;
    case 'more-than':
      return `${up(statement.delta)} ${vi ? 'hơn' : 'more than'} ${amount(indicator, statement.delta, locale)}${during} ${since}`;
    case 'passed': {
      const mark = displayQuantity(indicator, statement.mark, after.total, locale);
      return vi ? `vượt mốc ${mark}${during}; số liệu trước đó là ${was}` : `past the ${mark} mark${during}; the previous figure was ${was}`;
    }
    case 'none':
      return vi ? `số liệu trước đó là ${was}` : `the previous figure was ${was}`;
  }
}

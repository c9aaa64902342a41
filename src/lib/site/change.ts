import type { Indicator, Locale } from '../data/types.ts';
import type { Series, SeriesPoint } from '../data/series.ts';
import { changeStatement, comparability } from '../data/series.ts';
import { parseIsoDate } from '../data/values.ts';
import { formatAsOf, formatNumber } from '../format/index.ts';
import { displayQuantity, displayValue } from './display.ts';
import { figureWord } from '../i18n/figure-words.ts';

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

/**
 * A lower bound written no higher than it is: the prose formats keep two decimals of a
 * million (or billion…), so "more than 10,058,433" must read "hơn 10,05 triệu", not 10,06.
 */
export function floorForProse(value: number): number {
  const scale = value >= 1e12 ? 1e12 : value >= 1e9 ? 1e9 : value >= 1e6 ? 1e6 : 1;
  const step = scale === 1 ? 0.01 : scale / 100;
  return Math.floor(value / step + 1e-9) * step;
}

/** The size of a change in the indicator's terms: "3,7 triệu tài khoản", "5,5 điểm phần trăm"; `lowerBound` rounds down. */
function amount(indicator: Indicator, delta: number, locale: Locale, lowerBound = false): string {
  const size = lowerBound ? floorForProse(Math.abs(delta)) : Math.abs(delta);
  if (indicator.kind === 'rate') return locale === 'vi' ? `${formatNumber(size, locale)} điểm phần trăm` : `${formatNumber(size, locale)} percentage point${size === 1 ? '' : 's'}`;
  return displayQuantity(indicator, size, undefined, locale);
}

/** A point's as-of date for prose, flagged when it was inferred: "tháng 9/2023, ngày ước định". */
export function dateOf(point: SeriesPoint, locale: Locale): string {
  return point.primary.asOfInferred ? `${formatAsOf(point.asOf, locale)}, ${figureWord(locale, 'figure.inferredDate')}` : formatAsOf(point.asOf, locale);
}

/** "gần 3,3 triệu người (tháng 12/2022)" */
export function valueAt(indicator: Indicator, point: SeriesPoint, locale: Locale): string {
  return `${displayValue(indicator, point, locale)} (${dateOf(point, locale)})`;
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
      if (before.total === undefined || after.total === undefined) {
        return vi ? `số liệu trước đó là ${was}; một trong hai số được nêu trên một tổng số, số kia thì không, nên không so sánh` : `the previous figure was ${was}; only one of the two is given out of a total, so they are not compared`;
      }
      return vi ? `số liệu trước đó là ${was}, trên một tổng số khác` : `the previous figure was ${was}, out of a different total`;
    case undefined:
      break;
  }
  const since = vi ? `so với số liệu trước đó (${dateOf(before, locale)})` : `from the previous figure (${dateOf(before, locale)})`;
  // How long it took is said only when both dates are known, not inferred.
  const took = before.primary.asOfInferred || after.primary.asOfInferred ? '' : elapsed(before.asOf, after.asOf, locale);
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
      return `${up(statement.delta)} ${vi ? 'hơn' : 'more than'} ${amount(indicator, statement.delta, locale, true)}${during} ${since}`;
    case 'passed': {
      const mark = displayQuantity(indicator, statement.mark, after.total, locale);
      return vi ? `vượt mốc ${mark}${during}; số liệu trước đó là ${was}` : `past the mark of ${mark}${during}; the previous figure was ${was}`;
    }
    case 'none':
      return vi ? `số liệu trước đó là ${was}` : `the previous figure was ${was}`;
  }
}

import type { Indicator, Locale } from '../data/types.ts';
import type { Series, SeriesPoint } from '../data/series.ts';
import { changeStatement, comparability } from '../data/series.ts';
import { formatAsOf, formatNumber } from '../format/index.ts';
import { changeClause, valueAt } from '../site/change.ts';
import { displayValue } from '../site/display.ts';

/**
 * Sentences generated from the data, for the chart's takeaway and its text
 * summary: what a sighted reader takes away, in words a screen reader reads.
 * They describe the whole series, and state a change only where
 * `changeClause` allows one.
 */

const valueOf = (indicator: Indicator, point: SeriesPoint, locale: Locale) => displayValue(indicator, point, locale);
const dateOf = (point: SeriesPoint, locale: Locale) => formatAsOf(point.asOf, locale);
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The latest figure and what can be said against the one before: "Hơn 62 triệu tài khoản (22/4/2025), tăng …". */
export function takeawayFor(series: Series, locale: Locale): string {
  const last = series.points.at(-1);
  if (!last) return locale === 'vi' ? 'Chưa có số liệu.' : 'No published figure yet.';
  const clause = changeClause(series, last, locale);
  return `${capitalise(valueAt(series.indicator, last, locale))}${clause ? `, ${clause}` : ''}.`;
}

/**
 * How the comparable steps of a series went, where every step's direction is certain:
 * each one up, each one down, none down (up or unchanged), none up, unchanged, or up and down.
 * An "about" figure equal to the one before says nothing certain about the direction.
 */
function shape(series: Series): 'rising' | 'falling' | 'never-lower' | 'never-higher' | 'flat' | 'mixed' | undefined {
  const signs = new Set<number>();
  let unknown = false;
  series.points.forEach((after, i) => {
    const before = series.points[i - 1];
    if (!before || comparability(series, before, after)) return;
    const statement = changeStatement(before, after);
    if (statement.kind === 'exact') signs.add(Math.sign(statement.delta));
    else if (statement.kind === 'about' && statement.delta !== 0) signs.add(Math.sign(statement.delta));
    else if (statement.kind === 'more-than' || statement.kind === 'passed') signs.add(1);
    else unknown = true;
  });
  if (signs.size === 0 || unknown) return signs.has(1) && signs.has(-1) ? 'mixed' : undefined;
  const has = (sign: number) => signs.has(sign);
  if (has(1) && has(-1)) return 'mixed';
  if (has(1)) return has(0) ? 'never-lower' : 'rising';
  if (has(-1)) return has(0) ? 'never-higher' : 'falling';
  return 'flat';
}

/**
 * A paragraph about one indicator's whole history: how many figures over what
 * span, the latest, the shape of the comparable steps (never first vs last),
 * the breaks, unknown periods and disagreements.
 */
export function seriesSentence(series: Series, locale: Locale): string {
  const { indicator, points } = series;
  const name = indicator.name[locale];
  const vi = locale === 'vi';
  const last = points.at(-1);
  if (!last) return `${name}: ${vi ? 'chưa có số liệu' : 'no published figure yet'}.`;
  if (points.length === 1) return `${name}: ${valueAt(indicator, last, locale)}.`;
  const first = points[0]!;
  const parts = [
    vi
      ? `${name}: ${formatNumber(points.length, locale)} thời điểm có số liệu, từ ${dateOf(first, locale)} đến ${dateOf(last, locale)}; mới nhất là ${valueAt(indicator, last, locale)}.`
      : `${name}: figures for ${formatNumber(points.length, locale)} dates from ${dateOf(first, locale)} to ${dateOf(last, locale)}; the latest is ${valueAt(indicator, last, locale)}.`,
  ];
  const steps = shape(series);
  if (steps === 'rising') parts.push(vi ? 'Mỗi số so sánh được đều cao hơn số liệu trước đó.' : 'Each comparable figure is higher than the previous figure.');
  if (steps === 'falling') parts.push(vi ? 'Mỗi số so sánh được đều thấp hơn số liệu trước đó.' : 'Each comparable figure is lower than the previous figure.');
  if (steps === 'never-lower') parts.push(vi ? 'Không số so sánh được nào thấp hơn số liệu trước đó.' : 'No comparable figure is lower than the previous figure.');
  if (steps === 'never-higher') parts.push(vi ? 'Không số so sánh được nào cao hơn số liệu trước đó.' : 'No comparable figure is higher than the previous figure.');
  if (steps === 'flat') parts.push(vi ? 'Các số so sánh được không đổi.' : 'The comparable figures do not change.');
  if (steps === 'mixed') {
    const sorted = [...points].sort((a, b) => a.value - b.value);
    const low = sorted[0]!;
    const high = sorted.at(-1)!;
    parts.push(vi
      ? `Các số lúc tăng lúc giảm: thấp nhất ${valueAt(indicator, low, locale)}, cao nhất ${valueAt(indicator, high, locale)}.`
      : `The figures go up and down: lowest ${valueAt(indicator, low, locale)}, highest ${valueAt(indicator, high, locale)}.`);
  }
  const breaks = points.filter((p) => p.breakBefore);
  const sentence = (text: string) => (/[.!?…]$/u.test(text.trim()) ? text.trim() : `${text.trim()}.`);
  for (const point of breaks) {
    parts.push(vi
      ? `Từ ${dateOf(point, locale)}, số liệu theo cách tính khác, không so sánh với các số trước đó: ${sentence(point.breakBefore!.vi)}`
      : `From ${dateOf(point, locale)} the figures follow another definition and are not compared with earlier ones: ${sentence(point.breakBefore!.en)}`);
  }
  const unknownPeriods = points.filter((p) => p.period === 'unknown').length;
  if (unknownPeriods > 0) {
    parts.push(vi
      ? `${formatNumber(unknownPeriods, locale)} số liệu không rõ được tính trong kỳ nào, nên không so sánh với số khác.`
      : `${formatNumber(unknownPeriods, locale)} figure${unknownPeriods === 1 ? '' : 's'} cover${unknownPeriods === 1 ? 's' : ''} an unknown period and ${unknownPeriods === 1 ? 'is' : 'are'} not compared with others.`);
  }
  const disagreements = points.filter((p) => p.sourcesDisagree).length;
  if (disagreements > 0) {
    parts.push(vi
      ? `Ở ${formatNumber(disagreements, locale)} thời điểm, các nguồn đưa ra số khác nhau; bảng số liệu ghi đủ các nguồn.`
      : `At ${formatNumber(disagreements, locale)} date${disagreements === 1 ? '' : 's'} sources give different figures; the data table lists them all.`);
  }
  const lower = points.filter((p) => p.belowEarlier).length;
  if (lower > 0) {
    parts.push(vi
      ? `${formatNumber(lower, locale)} lần, một nguồn nêu số cộng dồn thấp hơn số liệu của nguồn trước đó; đây là các nguồn không thống nhất, không phải số giảm (xem ghi chú).`
      : `${formatNumber(lower, locale)} time${lower === 1 ? '' : 's'} a source gives a running total lower than an earlier source did; the sources disagree, the total did not fall (see the notes).`);
  }
  return parts.join(' ');
}

/** "54/76 dịch vụ (71%), tính đến tháng 8/2024" / "54 of 76 services (71%) as of August 2024". */
export function progressSentence(series: Series, locale: Locale): string {
  const { indicator } = series;
  const last = series.points.at(-1);
  if (!last) return `${indicator.name[locale]}: ${locale === 'vi' ? 'chưa có số liệu' : 'no figure yet'}.`;
  const total = last.total ?? indicator.target?.value;
  if (total === undefined) return `${indicator.name[locale]}: ${valueOf(indicator, last, locale)} (${dateOf(last, locale)}).`;
  const share = Math.round((last.value / total) * 100);
  const figure = { value: last.value, total, ...(last.qualifier ? { qualifier: last.qualifier } : {}) };
  return locale === 'vi'
    ? `${indicator.name[locale]}: ${displayValue(indicator, figure, locale)} (${share}%), tính đến ${dateOf(last, locale)}.`
    : `${indicator.name[locale]}: ${displayValue(indicator, figure, locale)} (${share}%) as of ${dateOf(last, locale)}.`;
}

/** The range a qualified figure stands for, to tell whether one figure is surely higher than another. */
function bounds(point: SeriesPoint): [number, number] {
  switch (point.qualifier) {
    case 'more-than':
    case 'at-least':
      return [point.value, Infinity];
    case 'nearly':
    case 'less-than':
      return [-Infinity, point.value];
    case 'about':
      return [point.value * 0.9, point.value * 1.1];
    default:
      return [point.value, point.value];
  }
}

/**
 * The latest figure of each indicator of a comparison chart, listed (largest first,
 * as the bars are drawn), with no ranking words: each indicator measures its own
 * thing at its own date. With two, "higher/lower" only where it is certain.
 */
export function comparisonSentence(entries: Array<{ series: Series; point: SeriesPoint }>, locale: Locale): string {
  const sorted = [...entries].sort((a, b) => b.point.value - a.point.value);
  if (sorted.length === 0) return locale === 'vi' ? 'Chưa có số liệu.' : 'No figures yet.';
  const item = (e: { series: Series; point: SeriesPoint }) => `${e.series.indicator.name[locale]}: ${valueAt(e.series.indicator, e.point, locale)}`;
  if (sorted.length === 1) return `${item(sorted[0]!)}.`;
  const vi = locale === 'vi';
  const list = `${vi ? 'Số mới nhất của mỗi chỉ số' : 'The latest figure of each indicator'} — ${sorted.map(item).join('; ')}.`;
  const sameDate = new Set(sorted.map((e) => e.point.asOf)).size === 1;
  const dates = sameDate ? '' : vi ? ' Các số tính đến những thời điểm khác nhau.' : ' The figures refer to different dates.';
  if (sorted.length === 2) {
    const [high, low] = sorted as [typeof sorted[0], typeof sorted[0]];
    if (bounds(high.point)[0] > bounds(low.point)[1]) {
      const names = vi
        ? ` Số của ${inSentenceVi(high.series.indicator.name.vi)} cao hơn số của ${inSentenceVi(low.series.indicator.name.vi)}.`
        : ` The figure for ${inSentenceEn(high.series.indicator.name.en)} is higher than the figure for ${inSentenceEn(low.series.indicator.name.en)}.`;
      return `${list}${names}${dates}`;
    }
  }
  return `${list}${dates}`;
}

/** An English name inside a sentence: lower-case first letter unless it starts an acronym (VNeID, CCCD). */
function inSentenceEn(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** A Vietnamese name inside a sentence: lower-case first letter unless it starts an acronym (VNeID, CCCD). */
function inSentenceVi(name: string): string {
  return /^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLocaleLowerCase('vi') + name.slice(1) : name;
}

/** The big number's change line: the clause against the previous figure, capitalised. */
export function changeSentence(series: Series, locale: Locale): string | undefined {
  const last = series.points.at(-1);
  if (!last) return undefined;
  const clause = changeClause(series, last, locale);
  return clause ? capitalise(clause) : undefined;
}

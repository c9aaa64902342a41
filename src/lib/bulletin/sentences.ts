import type { Indicator, Locale } from '../data/types.ts';
import type { ReleaseChanges } from '../data/releases.ts';
import type { Series, SeriesPoint } from '../data/series.ts';
import { changeClause, valueAt } from '../site/change.ts';
import { formatAsOf, formatNumber, formatReleaseTitle } from '../format/index.ts';
import { displayValue, publisherLabel } from '../site/display.ts';

/**
 * The generated text of a monthly bulletin: sentences a careful journalist
 * would write, from the release's changes only. Every number comes from the data.
 */
export interface BulletinText {
  lede: string;
  /** One entry per indicator whose latest value moved, in catalogue order: `${lead}: ${clause}`. */
  changes: Array<{ indicator: Indicator; lead: string; clause: string }>;
  /** The same publisher giving another value for a date it had reported. */
  revisions: string[];
  /** Another publisher giving another value for a date already reported. */
  disagreements: string[];
  /** Our corrections of figures we had published wrongly, with the reason. */
  corrections: string[];
}

/** The indicator's name inside a sentence: lower-case first letter unless it starts an acronym (VNeID, CCCD). */
function inSentence(name: string, locale: Locale): string {
  if (locale === 'en') return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
  return /^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLocaleLowerCase('vi') + name.slice(1) : name;
}


/**
 * What happened to an indicator in a release, written after its name and a
 * colon (so no verb has to agree with it), e.g.
 * "hơn 45,2 triệu tài khoản (20/8/2024), tăng hơn 3,7 triệu tài khoản trong 1 tháng so với số liệu trước đó (15/7/2024)."
 * `newInRelease` is true when the indicator's first figure is in this release.
 */
export function changeClauseFor(series: Series, after: SeriesPoint, locale: Locale, newInRelease: boolean): string {
  const now = valueAt(series.indicator, after, locale);
  if (newInRelease) {
    const count = series.points.length;
    if (count === 1) return locale === 'vi' ? `lần đầu có số liệu, ${now}.` : `first figure, ${now}.`;
    return locale === 'vi' ? `lần đầu có số liệu, cho ${formatNumber(count, locale)} thời điểm; mới nhất là ${now}.` : `first figures, for ${formatNumber(count, locale)} dates; the latest is ${now}.`;
  }
  const clause = changeClause(series, after, locale);
  return clause ? `${now}, ${clause}.` : `${now}.`;
}

/**
 * The indicator's name as a lead-in, with its period for flows: "Lượt dùng VNeID (mỗi tháng)";
 * no period when the name already says it ("bình quân mỗi tháng") or the figure's own period differs.
 */
export function leadIn(indicator: Indicator, locale: Locale, point?: SeriesPoint): string {
  const name = indicator.name[locale];
  const period = point?.period ?? indicator.period;
  if (period === undefined) return name;
  if (period === 'unknown') return locale === 'vi' ? `${name} (không rõ kỳ tính)` : `${name} (period not stated)`;
  const words = period[locale].toLocaleLowerCase(locale).replace(/[()]/g, '');
  return name.toLocaleLowerCase(locale).includes(words) ? name : `${name} (${period[locale]})`;
}

/** Writes the bulletin text of one release. */
export function bulletinText(changes: ReleaseChanges, series: ReadonlyMap<string, Series>, locale: Locale): BulletinText {
  const { release } = changes;
  const figures = release.figures.length;
  const indicatorCount = new Set(release.figures.map((f) => f.indicator)).size;
  const month = formatReleaseTitle(release.id, locale);
  const newCount = changes.newIndicators.length;
  const vi = locale === 'vi';
  const n = (count: number) => formatNumber(count, locale);
  const newPart = newCount === 0 ? '' : newCount === indicatorCount
    ? (vi ? (indicatorCount === 1 ? ', lần đầu có số liệu' : ', tất cả đều lần đầu có số liệu') : indicatorCount === 1 ? ', reported for the first time' : ', all reported for the first time')
    : (vi ? `, trong đó ${n(newCount)} chỉ số lần đầu có số liệu` : `, ${n(newCount)} of them reported for the first time`);
  const extras = [
    changes.corrections.length > 0 ? (vi ? `${n(changes.corrections.length)} số liệu đã đăng được đính chính` : `${n(changes.corrections.length)} figure${changes.corrections.length === 1 ? '' : 's'} published earlier ${changes.corrections.length === 1 ? 'is' : 'are'} corrected`) : '',
    changes.revisions.length > 0 ? (vi ? `${n(changes.revisions.length)} số liệu được chính nguồn đã công bố điều chỉnh` : `${n(changes.revisions.length)} figure${changes.revisions.length === 1 ? ' is' : 's are'} revised by ${changes.revisions.length === 1 ? 'its' : 'their'} publisher`) : '',
    changes.disagreements.length > 0 ? (vi ? `${n(changes.disagreements.length)} số liệu khác với số của nguồn khác cho cùng thời điểm` : `${n(changes.disagreements.length)} figure${changes.disagreements.length === 1 ? ' differs' : 's differ'} from another publisher's figure for the same date`) : '',
    changes.restated.length > 0 ? (vi ? `${n(changes.restated.length)} số liệu nhắc lại hoặc làm tròn số đã có` : `${n(changes.restated.length)} restate${changes.restated.length === 1 ? 's' : ''} or round${changes.restated.length === 1 ? 's' : ''} a figure already published`) : '',
  ].filter(Boolean);
  const lede = vi
    ? `${month}: bản cập nhật này ghi ${n(figures)} số liệu về ${n(indicatorCount)} chỉ số của Đề án 06${newPart}${extras.length ? `; ${extras.join('; ')}` : ''}.`
    : `${month}: this update holds ${n(figures)} figure${figures === 1 ? '' : 's'} for ${n(indicatorCount)} Project 06 indicator${indicatorCount === 1 ? '' : 's'}${newPart}${extras.length ? `; ${extras.join('; ')}` : ''}.`;
  const nameOf = (id: string) => inSentence(series.get(id)!.indicator.name[locale], locale);
  const revisions = changes.revisions.map((revision) => {
    const indicator = series.get(revision.indicator)!.indicator;
    const previous = revision.previous.map((f) => displayValue(indicator, f, locale)).join(vi ? ' và ' : ' and ');
    const now = displayValue(indicator, revision.figure, locale);
    const when = formatAsOf(revision.asOf, locale);
    const publisher = publisherLabel(revision.figure.source, locale);
    return vi
      ? `${publisher} điều chỉnh số liệu ${nameOf(revision.indicator)} tính đến ${when}: nay là ${now}, trước đó ghi ${previous}.`
      : `${publisher} revised its figure for ${nameOf(revision.indicator)} as of ${when}: now ${now}, previously ${previous}.`;
  });
  const disagreements = changes.disagreements.map(({ figure, earlier }) => {
    const indicator = series.get(figure.indicator)!.indicator;
    const when = formatAsOf(figure.asOf, locale);
    return vi
      ? `Số liệu ${nameOf(figure.indicator)} tính đến ${when}: ${publisherLabel(figure.source, locale)} nêu ${displayValue(indicator, figure, locale)}, còn ${publisherLabel(earlier.source, locale)} nêu ${displayValue(indicator, earlier, locale)}. Hai nguồn không thống nhất; cả hai số được giữ.`
      : `${capitaliseEn(nameOf(figure.indicator))} as of ${when}: ${publisherLabel(figure.source, locale)} gives ${displayValue(indicator, figure, locale)}, ${publisherLabel(earlier.source, locale)} gave ${displayValue(indicator, earlier, locale)}. The sources disagree; both figures are kept.`;
  });
  const corrections = changes.corrections.map(({ figure, earlier }) => {
    const indicator = series.get(figure.indicator)!.indicator;
    const when = formatAsOf(figure.asOf, locale);
    return vi
      ? `Đính chính số liệu ${nameOf(figure.indicator)} tính đến ${when}: ${publisherLabel(figure.source, locale)} nêu ${displayValue(indicator, figure, locale)}; bản ${earlier.release} đã ghi sai là ${displayValue(indicator, earlier, locale)}. Lý do: ${figure.correction!.vi}`
      : `Correction to ${nameOf(figure.indicator)} as of ${when}: ${publisherLabel(figure.source, locale)} gives ${displayValue(indicator, figure, locale)}; release ${earlier.release} wrongly had ${displayValue(indicator, earlier, locale)}. Reason: ${figure.correction!.en}`;
  });
  const newIds = new Set(changes.newIndicators.map((i) => i.id));
  return {
    lede,
    changes: changes.changedLatest.map(({ indicator, after }) => {
      const s = series.get(indicator.id)!;
      return { indicator, lead: leadIn(indicator, locale, after), clause: changeClauseFor(s, after, locale, newIds.has(indicator.id)) };
    }),
    revisions,
    disagreements,
    corrections,
  };
}

function capitaliseEn(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

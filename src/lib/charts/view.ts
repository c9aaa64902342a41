/**
 * The pure half of a chart: everything but the picture. What is drawn (rows, dots, runs a line may join, breaks),
 * the notes, the tooltip points and the text, for the build (render.ts draws with Plot) and for the browser
 * (src/scripts/explore/draw.ts draws with d3): one code path for data and formatting. Imports nothing server-only.
 */
import type { Figure, Indicator, Locale, Source } from '../data/types.ts';
import { QUALIFIERS } from '../data/types.ts';
import type { NotComparable, Series, SeriesPoint } from '../data/series.ts';
import { comparability } from '../data/series.ts';
import { findValueInQuote } from '../data/quote.ts';
import { formatAsOf, formatMonthShort, formatNumber, formatPercent, formatTick } from '../format/index.ts';
import { publisherLabel, displayQuantity, displayValue, qualifierWord } from '../site/display.ts';
import type { ChartSpec, TimeSeriesSpec } from './spec.ts';
import type { ChartSvgs } from './sizes.ts';
import { seriesSentence, takeawayFor } from './summary.ts';
import { thinToColumns } from './thin.ts';

/** What a chart is drawn from: the series of every indicator, and the data version (release id). */
export interface ChartData {
  series: ReadonlyMap<string, Series>;
  dataVersion: string;
}

/** One row of the chart's data table: a figure drawn in the chart. */
export interface ChartRow {
  indicator: Indicator;
  figure: Figure;
  /** False for a figure a later release superseded (kept in the table, not drawn). */
  current: boolean;
}

/**
 * What the tooltip shows for a drawn point; `data-i` on each circle indexes this list.
 * It rides in the page as JSON (see `tooltipJson`), so optional fields are left out when empty.
 */
export interface TooltipPoint {
  /** The indicator's name (shown when the chart has several). */
  name: string;
  /** The value with the source's qualifier and the unit: "hơn 45,2 triệu tài khoản". */
  value: string;
  asOf: string;
  /** Publisher and publication date: "Fixture Gazette, 22/8/2024". */
  source: string;
  url?: string;
  /** What the source says: the sentence holding the number, cut to about 200 characters around it ("…" where cut). */
  quote: string;
  /** The quote's language (BCP 47), only when it is not the page's: the tooltip sets it as `lang` on the quote. */
  lang?: string;
  /** Present when the quote was read in a translated edition: the tooltip adds "(bản dịch)" / "(translation)". */
  translated?: true;
  /** For an "x out of y" figure, its share of the total ("71%"): the tooltip leads with it in the share view. */
  share?: string;
}

export interface RenderedChart {
  spec: ChartSpec;
  locale: Locale;
  title: string;
  takeaway: string;
  /** Sentences a screen reader reads instead of the picture. */
  summary: string;
  /** SVG markup at each of CHART_SIZES (the page shows the one that fits its container); absent for a big number. */
  svg?: ChartSvgs;
  /** The same figures as a share of their totals (0–100%), for "x out of y" series: the browser offers a toggle. */
  shareSvg?: ChartSvgs;
  /** What the chart says in its share view (with `shareSvg`): its own title, takeaway and note (`shareViewText`). */
  shareView?: ShareViewText;
  /** The number and its unit apart, so the unit can be set smaller. */
  bigNumber?: { value: string; unit: string; asOf: string; asOfInferred?: boolean; change?: string; sparkline?: string };
  legend: Array<{ name: string; seriesIndex: number }>;
  rows: ChartRow[];
  sources: Source[];
  points: TooltipPoint[];
  /**
   * Short notes to print under the picture, in the page's language, only when they apply:
   * what a hollow dot means, each break in the series and why, why some dots are not joined.
   */
  notes: string[];
  /** The release the chart is drawn from (the site's data version for the live chart, the pinned one otherwise). */
  dataVersion: string;
  /**
   * The release of the chart's own newest figure (at most `dataVersion`): what the chart's own files print (PNG, SVG,
   * CSV, JSON, embed), so that a month which adds nothing to the chart leaves them byte-identical.
   */
  release: string;
}

// The sizes live in sizes.ts, a module of constants only: the embed code (embed.ts, the builder) imports them
// without pulling in this module and what it imports.
export { CHART_MAX_SCALE, CHART_MIN_SCALE, CHART_SIZES } from './sizes.ts';
export type { ChartSizeName, ChartSvgs } from './sizes.ts';


export function uniqueSources(sources: Source[]): Source[] {
  const seen = new Map<string, Source>();
  for (const source of sources) seen.set(`${source.url ?? ''}|${source.title}`, source);
  return [...seen.values()];
}

export function tooltipPoint(indicator: Indicator, point: SeriesPoint, locale: Locale, figure: Figure = point.primary): TooltipPoint {
  return {
    name: indicator.name[locale],
    value: displayValue(indicator, figure, locale),
    asOf: formatAsOf(point.asOf, locale),
    source: `${publisherLabel(figure.source, locale)}${figure.source.published ? `, ${formatAsOf(figure.source.published, locale)}` : ''}`,
    ...(figure.source.url ? { url: figure.source.url } : {}),
    quote: quoteExcerpt(figure.quote.text, figure.value),
    ...(figure.quote.language !== locale ? { lang: figure.quote.language } : {}),
    ...(figure.quote.translated ? { translated: true as const } : {}),
    ...(figure.total !== undefined && figure.total > 0 ? { share: formatPercent(Math.round((figure.value / figure.total) * 100), locale) } : {}),
  };
}

/** How long a quote may be in a tooltip, in characters (without the ellipses). */
export const QUOTE_EXCERPT_LENGTH = 200;

/**
 * A quote short enough for a tooltip: whole when it fits, otherwise about
 * `max` characters around the first place the value can be read (the start
 * when it cannot), cut between words, with "…" where text was left out.
 *
 * @example
 * quoteExcerpt('Theo báo cáo … (300 characters) … đến nay đã có hơn 132,4 triệu hồ sơ được đối chiếu … trong năm tới.', 132_400_000)
 * // "…đến nay đã có hơn 132,4 triệu hồ sơ được đối chiếu…" (about 200 characters, the number near the middle)
 */
export function quoteExcerpt(text: string, value: number, max = QUOTE_EXCERPT_LENGTH): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const found = findValueInQuote(clean, value).occurrences[0];
  const [from, to] = found ? [found.index, found.index + found.text.length] : [0, 0];
  let start = Math.max(0, Math.min(Math.round((from + to) / 2 - max / 2), clean.length - max));
  let end = Math.min(clean.length, start + max);
  // Cut between words, within a few characters, never into the number.
  const slack = 24;
  if (start > 0) {
    const space = clean.indexOf(' ', start);
    if (space !== -1 && space < Math.min(from, start + slack)) start = space + 1;
  }
  if (end < clean.length) {
    const space = clean.lastIndexOf(' ', end);
    if (space > Math.max(to, end - slack)) end = space;
  }
  const body = clean.slice(start, end).replace(/^[\s,;:]+|[\s,;:]+$/g, '');
  return `${start > 0 ? '…' : ''}${body}${end < clean.length ? '…' : ''}`;
}

/**
 * The tooltip points as JSON for a `<script type="application/json">` island:
 * `<`, `>` and `&` are written as `\u003c`-style escapes, so no text from the data (a quote
 * holding "</script>" or "<!--") can end the island or start markup. JSON.parse
 * gives back the same strings.
 */
export function tooltipJson(points: readonly TooltipPoint[]): string {
  return JSON.stringify(points).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Every current figure (current figures of every point), in series order: what a line is drawn through. */
export function drawnFigures(seriesList: readonly Series[]): Array<{ seriesIndex: number; series: Series; point: SeriesPoint; figure: Figure }> {
  return seriesList.flatMap((series, seriesIndex) =>
    series.points.flatMap((point) => point.current.map((figure) => ({ seriesIndex, series, point, figure }))),
  );
}

/**
 * Columns a series' dots are chosen in when it has more than 4 × DOT_COLUMNS figures. Past about two dozen, the
 * dots of a long history merge into a band and each carries a tooltip (its point rides in the page as JSON), so the
 * page would grow with every figure: a dense series gets dots only on the first, lowest, highest and last figure of
 * each of DOT_COLUMNS stretches of time (`thinToColumns`), the newest always among them. A shorter series (every
 * series of the real data today) keeps a dot on every figure.
 */
export const DOT_COLUMNS = 6;

/**
 * The figures a time series marks with a dot (and a tooltip), in the order of `drawnFigures`: every figure of a
 * series of at most 4 × DOT_COLUMNS, and of a longer one the real figures `thinToColumns` keeps. The same whatever
 * the picture's size, so one list of tooltip points serves every rendering.
 */
export function dottedFigures(seriesList: readonly Series[]): ReturnType<typeof drawnFigures> {
  return seriesList.flatMap((series, seriesIndex) => {
    const figures = drawnFigures([series]).map((d) => ({ ...d, seriesIndex }));
    return thinToColumns(figures, DOT_COLUMNS, (d) => asOfTime(d.point.asOf).getTime(), (d) => d.figure.value);
  });
}

/**
 * A line's points at the picture's resolution: a run spanning `fraction` of a plot `plotWidth` wide keeps, per
 * pixel column, its first, lowest, highest and last point (`thinToColumns`: real points only, all of them when
 * there are at most four a column). Bounds the markup and the drawing time of a long history; looks the same.
 */
export function lineAtResolution<T>(run: readonly T[], plotWidth: number, fraction: number, x: (point: T) => number, y: (point: T) => number): T[] {
  const columns = Math.max(1, Math.ceil(plotWidth * Math.min(1, Math.max(0, fraction))));
  return thinToColumns(run, columns, x, y);
}

/**
 * The runs of a series a line may join: consecutive points with nothing
 * between them that makes them incomparable (`comparability`). A line is never
 * drawn across a break, an unknown or different period, a disagreement or
 * another total; runs of one point are left out (a dot, no line).
 */
export function joinedRuns(series: Series): SeriesPoint[][] {
  const runs: SeriesPoint[][] = [];
  series.points.forEach((point, k) => {
    const before = series.points[k - 1];
    if (before && comparability(series, before, point) === undefined) runs.at(-1)!.push(point);
    else runs.push([point]);
  });
  return runs.filter((run) => run.length > 1);
}

/** Why consecutive points of a series are not joined, each reason once, in series order. */
export function unjoinedReasons(series: Series): NotComparable[] {
  const reasons = new Set<NotComparable>();
  series.points.forEach((point, k) => {
    const before = series.points[k - 1];
    const reason = before ? comparability(series, before, point) : undefined;
    if (reason) reasons.add(reason);
  });
  return [...reasons];
}

/** Points that start a new definition of their series (never the first point: nothing comes before it). */
export function breaksOf(series: Series): SeriesPoint[] {
  return series.points.filter((point, k) => k > 0 && point.breakBefore);
}

/** The notes under a time series: hollow dots, breaks and their reasons, dots left unjoined. */
export function timeSeriesNotes(seriesList: readonly Series[], locale: Locale): string[] {
  const vi = locale === 'vi';
  const notes: string[] = [];
  const qualifiers = new Set(dottedFigures(seriesList).flatMap((d) => (d.figure.qualifier ? [d.figure.qualifier] : [])));
  if (qualifiers.size > 0) {
    const words = QUALIFIERS.filter((q) => qualifiers.has(q)).map((q) => `“${qualifierWord(q, locale)}”`);
    const list = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} ${vi ? 'hoặc' : 'or'} ${words.at(-1)}`;
    notes.push(vi ? `Chấm rỗng: nguồn nêu con số kèm ${list}, không phải số chính xác.` : `Hollow dot: the source gives the figure with ${list}, not as an exact number.`);
  }
  for (const series of seriesList) {
    const whose = seriesList.length > 1 ? `${series.indicator.name[locale]}, ` : '';
    for (const point of breaksOf(series)) {
      // The reason may be written as a sentence of its own: one full stop.
      const reason = point.breakBefore![locale].trim().replace(/[\s.]+$/, '');
      notes.push(vi
        ? `Đổi cách tính (${whose}${formatAsOf(point.asOf, locale)}): ${reason}. Không nối với các số trước đó.`
        : `New definition (${whose}${formatAsOf(point.asOf, locale)}): ${reason}. Not joined to earlier figures.`);
    }
  }
  const reasons = new Set(seriesList.flatMap(unjoinedReasons).filter((r) => r !== 'break'));
  if (reasons.size > 0) {
    const why: Record<Exclude<NotComparable, 'break'>, { vi: string; en: string }> = {
      period: { vi: 'không cùng một kỳ tính đã biết', en: 'they do not cover the same known period' },
      disagreement: { vi: 'các nguồn không thống nhất', en: 'sources disagree' },
      total: { vi: 'tính trên tổng số khác nhau', en: 'they are out of different totals' },
    };
    const list = (['period', 'disagreement', 'total'] as const).filter((r) => reasons.has(r)).map((r) => why[r][locale]).join('; ');
    notes.push(vi ? `Không có đường nối giữa hai số không so sánh được: ${list}.` : `No line joins two figures that cannot be compared: ${list}.`);
  }
  const gaps = longGapNote(seriesList, locale);
  if (gaps) notes.push(gaps);
  return notes;
}

/** The tooltip points of the dotted figures (`dottedFigures`), in their order: `data-i` on each dot indexes this list. */
export function tooltipPoints(seriesList: readonly Series[], locale: Locale): TooltipPoint[] {
  return dottedFigures(seriesList).map(({ series, point, figure }) => tooltipPoint(series.indicator, point, locale, figure));
}

/** A point's position in calendar time: its day, or the middle of its month for a month-precision date. */
export function asOfTime(asOf: string): Date {
  const [year, month, day] = asOf.split('-').map(Number) as [number, number, number | undefined];
  return new Date(Date.UTC(year, month - 1, day ?? 15));
}

/** The element ids a chart's figure gives its title and summary; the SVG is named by them. */
export function chartElementIds(chartId: string): { figure: string; title: string; summary: string } {
  const figure = `chart-${chartId}`;
  return { figure, title: `${figure}-title`, summary: `${figure}-summary` };
}

/** A label's width in SVG units, estimated (there is no layout at build time): at most ~0.6 em a character at 13 px. */
export function labelWidth(text: string): number {
  return text.length * 0.6 * 13;
}


/**
 * The label of a date tick: always month and year, "1/2025" / "Jan 2025" — never the year alone for January, so no
 * tick can be read as a whole year next to "2/2025".
 */
export function dateTick(locale: Locale) {
  return (date: Date) => formatMonthShort(date.toISOString().slice(0, 7), locale);
}

/** The first day (UTC) of the month a date falls in. */
function monthStart(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

/** Month steps a time axis may tick at, shortest first. */
const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 36, 60, 120] as const;

/**
 * The ticks of a time axis: month starts, the first and the last month of the data always among them (a sparse
 * series is never left with one tick), and between them the months of a regular step (every month, two, three,
 * six, a year…): of the steps whose labels keep clear of each other at this width (a regular tick too close to the
 * first or last one gives way), the one that labels most. Positions are estimated over `plotWidth` (no layout at
 * build time).
 *
 * @example
 * // three figures, 7/2024, 9/2025 and 10/2025, on a 300-wide phone chart
 * timeTicks(domain, new Date('2024-07-15'), new Date('2025-10-15'), 230, dateTick('vi')) // 7/2024, 3/2025, 10/2025
 */
export function timeTicks(domain: readonly [Date, Date], first: Date, last: Date, plotWidth: number, format: (date: Date) => string): Date[] {
  const [start, end] = [domain[0].getTime(), domain[1].getTime()];
  const at = (date: Date) => ((date.getTime() - start) / (end - start)) * plotWidth;
  const width = (date: Date) => labelWidth(format(date));
  const clear = (a: Date, b: Date) => Math.abs(at(a) - at(b)) >= (width(a) + width(b)) / 2 + 10;
  const firstMonth = monthStart(first);
  const lastMonth = monthStart(last);
  const ends = firstMonth.getTime() === lastMonth.getTime() ? [lastMonth] : clear(firstMonth, lastMonth) ? [firstMonth, lastMonth] : [lastMonth];
  const index = (date: Date) => date.getUTCFullYear() * 12 + date.getUTCMonth();
  // Of the steps whose ticks keep clear of each other (those too near the ends give way), the one that labels most.
  let best = ends;
  for (const step of MONTH_STEPS) {
    const between: Date[] = [];
    for (let k = index(firstMonth) + 1; k < index(lastMonth); k++) {
      if (k % step === 0) between.push(new Date(Date.UTC(Math.floor(k / 12), k % 12, 1)));
    }
    const kept = between.filter((date) => ends.every((end) => clear(end, date)));
    if (kept.some((date, k) => k > 0 && !clear(kept[k - 1]!, date))) continue;
    const ticks = [...ends, ...kept].sort((a, b) => a.getTime() - b.getTime());
    if (ticks.length > best.length) best = ticks;
  }
  return best;
}

/** Days between two consecutive figures above which the line between them is dashed, whatever the series' rhythm. */
export const LONG_GAP_DAYS = 183;
/** Or: more than this many times the series' usual (median) spacing, and at least LONG_GAP_MIN_DAYS. */
export const LONG_GAP_FACTOR = 3;
export const LONG_GAP_MIN_DAYS = 62;

const DAY = 86_400_000;

/** The usual spacing of a series in days: the median of the time between consecutive figures (0 with fewer than two). */
export function medianSpacingDays(series: Series): number {
  const spacings = series.points.slice(1).map((point, k) => (asOfTime(point.asOf).getTime() - asOfTime(series.points[k]!.asOf).getTime()) / DAY).sort((a, b) => a - b);
  if (spacings.length === 0) return 0;
  const middle = Math.floor(spacings.length / 2);
  return spacings.length % 2 === 1 ? spacings[middle]! : (spacings[middle - 1]! + spacings[middle]!) / 2;
}

/**
 * True when nothing was reported for long between two consecutive figures of a series: more than six months
 * (LONG_GAP_DAYS), or more than three times the series' median spacing and at least two months. A line over such a
 * gap would read as a steady change nobody reported: it is drawn dashed, and the notes say so.
 */
export function isLongGap(series: Series, before: SeriesPoint, after: SeriesPoint, median = medianSpacingDays(series)): boolean {
  const days = (asOfTime(after.asOf).getTime() - asOfTime(before.asOf).getTime()) / DAY;
  return days > LONG_GAP_DAYS || (days > LONG_GAP_FACTOR * median && days >= LONG_GAP_MIN_DAYS);
}

/**
 * How a series' line is drawn: solid pieces (consecutive comparable figures, no long gap between them) and dashed
 * connectors (two comparable figures with a long gap between them). Never a line of either kind across a break or
 * between figures that cannot be compared (`joinedRuns`); a lone figure is a dot.
 */
export function lineSegments(series: Series): { solid: SeriesPoint[][]; dashed: Array<[SeriesPoint, SeriesPoint]> } {
  const median = medianSpacingDays(series);
  const solid: SeriesPoint[][] = [];
  const dashed: Array<[SeriesPoint, SeriesPoint]> = [];
  for (const run of joinedRuns(series)) {
    let piece: SeriesPoint[] = [run[0]!];
    for (const point of run.slice(1)) {
      const before = piece.at(-1)!;
      if (isLongGap(series, before, point, median)) {
        dashed.push([before, point]);
        solid.push(piece);
        piece = [point];
      } else piece.push(point);
    }
    solid.push(piece);
  }
  return { solid: solid.filter((piece) => piece.length > 1), dashed };
}

/** Whole months between two as-of dates ("2024-07" → "2025-09": 14). */
function monthsBetween(from: string, to: string): number {
  const [y1, m1] = from.split('-').map(Number) as [number, number];
  const [y2, m2] = to.split('-').map(Number) as [number, number];
  return (y2 - y1) * 12 + (m2 - m1);
}

/** The note under a chart with dashed connectors: which gaps, in words. Undefined when there is none. */
export function longGapNote(seriesList: readonly Series[], locale: Locale): string | undefined {
  const vi = locale === 'vi';
  const gaps = seriesList.flatMap((series) => lineSegments(series).dashed.map(([before, after]) => {
    const months = monthsBetween(before.asOf, after.asOf);
    const span = `${formatMonthShort(before.asOf, locale)}–${formatMonthShort(after.asOf, locale)}`;
    const length = months >= 1 ? (vi ? `, ${months} tháng` : `, ${months} month${months === 1 ? '' : 's'}`) : '';
    return `${seriesList.length > 1 ? `${series.indicator.name[locale]}: ` : ''}${span}${length}`;
  }));
  if (gaps.length === 0) return undefined;
  const list = gaps.join('; ');
  return vi
    ? `Nét đứt: không có số liệu công bố giữa hai số (${list}); đoạn nối không cho biết con số thay đổi thế nào trong khoảng đó.`
    : `Dashed line: no figure was published between the two (${list}); it does not show how the figure changed in between.`;
}

/** The words of a chart's share view: a title that says it shows shares, a takeaway in shares, and why shares may fall. */
export interface ShareViewText {
  /** Added to the chart's title: " — tỷ lệ trên tổng số". */
  titleSuffix: string;
  /** The latest share of each series with its count, date and total; no change word ("tăng", "giảm") at all. */
  takeaway: string;
  /** When a series' total changed (the list grew): the totals in order, and that shares over different totals are not compared. */
  note?: string;
}

/**
 * The share view's text. A share over a longer list can fall while the count rises (21/25 → 54/76 is 84% → 71%), so
 * the takeaway states the latest share only, never a rise or fall, and the note names the changes of total.
 *
 * @example
 * shareViewText([essentialServices], 'vi')
 * // { titleSuffix: ' — tỷ lệ trên tổng số', takeaway: 'Tỷ lệ mới nhất: 71% (54/76 dịch vụ, 13/2/2025).',
 * //   note: 'Tổng số đã thay đổi: 25 → 53 → 76 dịch vụ. Tỷ lệ trên các tổng số khác nhau không so sánh được …' }
 */
export function shareViewText(seriesList: readonly Series[], locale: Locale): ShareViewText {
  const vi = locale === 'vi';
  const latest = seriesList.flatMap((series) => {
    const last = series.points.at(-1);
    if (!last || last.total === undefined || last.total <= 0) return [];
    const share = formatPercent(Math.round((last.value / last.total) * 100), locale);
    const whose = seriesList.length > 1 ? `${series.indicator.name[locale]}: ` : '';
    return [`${whose}${share} (${displayValue(series.indicator, last, locale)}, ${formatAsOf(last.asOf, locale)})`];
  });
  const changes = seriesList.flatMap((series) => {
    const totals = series.points.flatMap((p) => (p.total === undefined ? [] : [p.total])).filter((total, k, all) => k === 0 || total !== all[k - 1]);
    if (totals.length < 2) return [];
    const whose = seriesList.length > 1 ? `${series.indicator.name[locale]}: ` : '';
    return [`${whose}${totals.map((total) => formatNumber(total, locale)).join(' → ')} ${series.indicator.unit[locale]}`];
  });
  const takeaway = `${vi ? 'Tỷ lệ mới nhất' : 'Latest share'}: ${latest.join('; ')}.`;
  const note = changes.length === 0 ? undefined : vi
    ? `Tổng số đã thay đổi: ${changes.join('; ')}. Tỷ lệ trên các tổng số khác nhau không so sánh được và không được nối: khi tổng số tăng, tỷ lệ có thể thấp đi dù số lượng tăng.`
    : `The total changed: ${changes.join('; ')}. Shares of different totals are not compared or joined: when the total grows, a share can drop even as the count rises.`;
  return { titleSuffix: vi ? ' — tỷ lệ trên tổng số' : ' — share of the total', takeaway, ...(note ? { note } : {}) };
}

/** True when every drawn figure is "x out of y", so a share of the total is meaningful. */
export function hasTotals(seriesList: readonly Series[]): boolean {
  const figures = drawnFigures(seriesList);
  return figures.length > 1 && figures.every((d) => d.figure.total !== undefined && d.figure.total > 0);
}

export function targetLabel(indicator: Indicator, locale: Locale): string {
  const target = indicator.target!;
  return locale === 'vi' ? `Mục tiêu: ${displayQuantity(indicator, target.value, undefined, locale)} (${formatAsOf(target.deadline, locale)})` : `Target: ${displayQuantity(indicator, target.value, undefined, locale)} (${formatAsOf(target.deadline, locale)})`;
}
/** Every figure of every point of the series, in series order: a chart's data table (superseded figures flagged). */
export function chartRows(seriesList: readonly Series[]): ChartRow[] {
  return seriesList.flatMap((series) =>
    series.points.flatMap((point) => point.figures.map((figure) => ({ indicator: series.indicator, figure, current: point.current.includes(figure) }))),
  );
}

/** The sources of the figures a chart draws, each once. */
export function chartSources(rows: readonly ChartRow[]): Source[] {
  return uniqueSources(rows.filter((r) => r.current).map((r) => r.figure.source));
}

/** The release of the newest figure among a chart's rows; `dataVersion` when it has none. */
export function chartRelease(rows: readonly ChartRow[], dataVersion: string): string {
  let newest = '';
  for (const row of rows) if (row.figure.release > newest) newest = row.figure.release;
  return newest || dataVersion;
}

/** A chart without its picture: what the build and the browser both show around it, and what the downloads hold. */
export type ChartView = Omit<RenderedChart, 'svg' | 'shareSvg' | 'shareView' | 'bigNumber'>;

/** The text, rows, legend, notes and tooltip points of a time series: the same for the build and the browser. */
export function timeSeriesView(spec: TimeSeriesSpec, seriesList: readonly Series[], locale: Locale, dataVersion: string): ChartView {
  const rows = chartRows(seriesList);
  const title = spec.title?.[locale] ?? (seriesList.length === 1 ? seriesList[0]!.indicator.name[locale] : '');
  return {
    spec,
    locale,
    rows,
    sources: chartSources(rows),
    dataVersion,
    release: chartRelease(rows, dataVersion),
    title,
    takeaway: seriesList.length === 1 ? takeawayFor(seriesList[0]!, locale) : seriesList.map((s) => seriesSentence(s, locale)).join(' '),
    summary: seriesList.map((s) => seriesSentence(s, locale)).join(' '),
    legend: seriesList.length > 1 ? seriesList.map((s, i) => ({ name: s.indicator.name[locale], seriesIndex: i })) : [],
    points: tooltipPoints(seriesList, locale),
    notes: timeSeriesNotes(seriesList, locale),
  };
}

/** A figure placed on a time series: its dot's position and group (hollow for a qualified figure). */
export interface PlacedFigure {
  /** Index into the chart's tooltip points (`data-i`). */
  i: number;
  seriesIndex: number;
  series: Series;
  point: SeriesPoint;
  figure: Figure;
  date: Date;
  value: number;
  /** "points-<k>" or "hollow-points-<k>": the figure's qualifier ("hơn", "gần", "khoảng") makes a hollow dot. */
  group: string;
}

/** What a time series picture is made of, independent of the drawing library. */
export interface TimeSeriesLayout {
  drawn: PlacedFigure[];
  /** Per series, the points a solid line joins, tagged by run (a line never crosses from one run to the next). */
  lines: Array<Array<{ run: number; date: Date; value: number }>>;
  /** Per series, the dashed connectors over long gaps (`lineSegments`): pairs of points tagged by gap. */
  gapLines: Array<Array<{ gap: number; date: Date; value: number }>>;
  xDomain: [Date, Date];
  /** Before `nice` (the y axis is niced unless it is a rate). */
  yDomain: [number, number];
  yNice: boolean;
  isRate: boolean;
  /** The x ticks themselves (month starts, the data's first and last month among them: `timeTicks`). */
  xTicks: Date[];
  yTicks: number;
  targets: Array<{ value: number; label: string }>;
  breaks: Array<{ date: Date; nearEnd: boolean }>;
  breakLabel: string;
  xTickFormat: (date: Date) => string;
  yTickFormat: (value: number) => string;
}

/** The layout of a time series at a size; `measure` "share" draws "x out of y" figures as a share of their total. */
export function timeSeriesLayout(spec: TimeSeriesSpec, seriesList: readonly Series[], locale: Locale, size: { width: number; height: number }, measure: 'value' | 'share' = 'value'): TimeSeriesLayout {
  const measured = (figure: Figure) => (measure === 'share' ? (figure.value / figure.total!) * 100 : figure.value);
  const drawn = dottedFigures(seriesList).map((d, i) => ({
    ...d,
    i,
    date: asOfTime(d.point.asOf),
    value: measured(d.figure),
    // A figure the source qualifies ("hơn", "gần", "khoảng") is drawn as a hollow dot.
    group: `${d.figure.qualifier ? 'hollow-points' : 'points'}-${d.seriesIndex}`,
  }));
  // The domains from every figure (the dots are a selection of them: `dottedFigures`).
  let min = Infinity;
  let max = -Infinity;
  let valueMax = -Infinity;
  for (const d of drawnFigures(seriesList)) {
    const time = asOfTime(d.point.asOf).getTime();
    if (time < min) min = time;
    if (time > max) max = time;
    const value = measured(d.figure);
    if (value > valueMax) valueMax = value;
  }
  const pad = Math.max((max - min) * 0.04, 1000 * 60 * 60 * 24 * 20);
  const targets = spec.showTarget === false || measure === 'share' ? [] : seriesList.flatMap((s) => (s.indicator.target ? [{ value: s.indicator.target.value, label: targetLabel(s.indicator, locale) }] : []));
  const isRate = measure === 'share' || seriesList.every((s) => s.indicator.kind === 'rate');
  const yMax = Math.max(valueMax, ...targets.map((t) => t.value), isRate ? 0 : 1);
  // A break: a thin dashed rule at the date of the first figure of the new definition, labelled in the top margin.
  const breakTimes = [...new Set(seriesList.flatMap((s) => breaksOf(s).map((p) => asOfTime(p.asOf).getTime())))].sort((a, b) => a - b);
  const breaks = breakTimes.map((time) => ({ date: new Date(time), nearEnd: (time - (min - pad)) / (max - min + 2 * pad) > 0.6 }));
  // The first month's tick is always drawn: the domain reaches back to its first day.
  const xDomain: [Date, Date] = [new Date(Math.min(min - pad, monthStart(new Date(min)).getTime() - 3 * DAY)), new Date(max + pad)];
  const xTickFormat = dateTick(locale);
  const yTickFormat = (v: number) => (isRate ? `${formatTick(v, locale)}%` : formatTick(v, locale));
  // The plot's width, for spacing the date ticks: the y labels' margin estimated from the longest (the top) label.
  const left = Math.max(TIME_SERIES_MARGINS.left, Math.ceil(labelWidth(yTickFormat(isRate ? 100 : yMax * 1.08)) + 13));
  const plotWidth = size.width - left - TIME_SERIES_MARGINS.right;
  const domainSpan = xDomain[1].getTime() - xDomain[0].getTime();
  // Lines only within runs of comparable figures (the primary figure of each point); dashed over long gaps. Each run
  // at the picture's resolution (`lineAtResolution`): a long history keeps a few real points per pixel column.
  const segments = seriesList.map(lineSegments);
  const lines = segments.map(({ solid }) => solid.flatMap((run, k) => {
    const placed = run.map((point) => ({ run: k, date: asOfTime(point.asOf), value: measured(point.primary) }));
    const fraction = (placed.at(-1)!.date.getTime() - placed[0]!.date.getTime()) / domainSpan;
    return lineAtResolution(placed, plotWidth, fraction, (p) => p.date.getTime(), (p) => p.value);
  }));
  const gapLines = segments.map(({ dashed }) => dashed.flatMap((pair, k) => pair.map((point) => ({ gap: k, date: asOfTime(point.asOf), value: measured(point.primary) }))));
  return {
    drawn,
    lines,
    gapLines,
    xDomain,
    yDomain: [0, isRate ? 100 : yMax * 1.08],
    yNice: !isRate,
    isRate,
    xTicks: timeTicks(xDomain, new Date(min), new Date(max), plotWidth, xTickFormat),
    yTicks: Math.max(3, Math.floor(size.height / 60)),
    targets,
    breaks,
    breakLabel: locale === 'vi' ? 'Đổi cách tính' : 'New definition',
    xTickFormat,
    yTickFormat,
  };
}

/** The default margins of a time series, and the margins that fit its tick labels (estimated widths: no layout at build time). */
export const TIME_SERIES_MARGINS = { left: 52, right: 16, top: 20, bottom: 30 } as const;

export function fittedMargins(yLabels: readonly string[], xLabels: ReadonlyArray<{ text: string; x: number }>, width: number): { left: number; right: number } {
  const left = Math.max(TIME_SERIES_MARGINS.left, Math.ceil(Math.max(0, ...yLabels.map((l) => labelWidth(l))) + 9 + 4));
  const rightOverflow = Math.max(0, ...xLabels.map((l) => l.x + labelWidth(l.text) / 2 - (width - 2)));
  return { left, right: TIME_SERIES_MARGINS.right + Math.ceil(rightOverflow) };
}

import type { Figure, Indicator, Locale } from '../data/types.ts';
import { formatAsOf, formatChange, formatNumber, formatPercent, formatQuantity, formatRatio } from '../format/index.ts';

/** A figure's value for prose and cards: "26,3 triệu tài khoản", "54/76", "94,08%". */
export function displayValue(indicator: Indicator, value: number, total: number | undefined, locale: Locale): string {
  if (total !== undefined) return `${formatRatio(value, total, locale)} ${indicator.unit[locale]}`;
  if (indicator.kind === 'rate') return formatPercent(value, locale);
  return formatQuantity(value, indicator.unit, locale);
}

/** A figure's value in full, for tables: "26.300.000", "54/76", "94,08%". */
export function displayExact(indicator: Indicator, figure: Pick<Figure, 'value' | 'total'>, locale: Locale): string {
  if (figure.total !== undefined) return formatRatio(figure.value, figure.total, locale);
  if (indicator.kind === 'rate') return formatPercent(figure.value, locale);
  return formatNumber(figure.value, locale);
}

/** The change between two reports, in the indicator's unit ("+1,2 triệu"; "+5 điểm %" for rates). */
export function displayChange(indicator: Indicator, change: number, locale: Locale): string {
  if (indicator.kind === 'rate') return `${formatChange(change, locale)} ${locale === 'vi' ? 'điểm %' : 'pts'}`;
  return formatChange(change, locale);
}

export function displayAsOf(figure: Pick<Figure, 'asOf'>, locale: Locale): string {
  return formatAsOf(figure.asOf, locale);
}

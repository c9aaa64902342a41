import type { Locale } from '../data/types.ts';
import { formatAsOf, formatMonthShort } from '../format/index.ts';
import { rangePresets } from './state.ts';

/** The explorer's words, in both languages: the controls (built at build time) and what the browser writes. */
export const EXPLORE_TEXT = {
  vi: {
    controls: 'Tùy chọn khung xem',
    viewAs: 'Xem dưới dạng',
    chart: 'Biểu đồ',
    table: 'Bảng',
    range: 'Khoảng thời gian',
    from: 'Từ tháng',
    to: 'Đến tháng',
    presets: 'Chọn nhanh',
    all: 'Toàn bộ',
    last12: '12 tháng gần nhất',
    indicators: 'Chỉ số trên biểu đồ',
    add: 'Thêm chỉ số cùng loại, cùng đơn vị',
    addButton: 'Thêm',
    none: '(chọn chỉ số)',
    remove: 'Bỏ',
    shareHeading: 'Chia sẻ, nhúng, tải khung xem này',
    link: 'Liên kết đến khung xem này',
    embed: 'Mã nhúng khung xem này',
    download: 'Tải khung xem này',
    empty: 'Không có số liệu nào trong khoảng thời gian này.',
    measure: 'Hiển thị số liệu',
    counts: 'Số lượng',
    shares: 'Tỷ lệ trên tổng số',
    builder: 'Mở khung xem này trong công cụ nhúng (giao diện, xem trước)',
  },
  en: {
    controls: 'View options',
    viewAs: 'Show as',
    chart: 'Chart',
    table: 'Table',
    range: 'Time range',
    from: 'From',
    to: 'To',
    presets: 'Quick ranges',
    all: 'All',
    last12: 'Last 12 months',
    indicators: 'Indicators on the chart',
    add: 'Add an indicator of the same kind and unit',
    addButton: 'Add',
    none: '(choose an indicator)',
    remove: 'Remove',
    shareHeading: 'Share, embed or download this view',
    link: 'Link to this view',
    embed: 'Embed code for this view',
    download: 'Download this view',
    empty: 'No figure falls in this time range.',
    measure: 'Show the figures as',
    counts: 'Count',
    shares: 'Share of total',
    builder: 'Open this view in the embed builder (theme, preview)',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type ExploreTextKey = keyof (typeof EXPLORE_TEXT)['vi'];

/** The range as words, for the summary a screen reader hears: "Từ tháng 1/2024 đến tháng 10/2025." */
export function rangeSentence(locale: Locale, from?: string, to?: string): string {
  if (!from && !to) return '';
  const vi = locale === 'vi';
  const start = from ? formatAsOf(from, locale) : '';
  const end = to ? formatAsOf(to, locale) : '';
  if (from && to) return vi ? `Từ ${start} đến ${end}: ` : `From ${start} to ${end}: `;
  if (from) return vi ? `Từ ${start}: ` : `From ${start}: `;
  return vi ? `Đến ${end}: ` : `Up to ${end}: `;
}

/** A month for a select option: "1/2024", "Jan 2024". */
export { formatMonthShort as monthLabel } from '../format/index.ts';

/** What the range controls offer for the given months (oldest first): the selects' months and the quick ranges, in words. */
export function rangeChoices(months: readonly string[], locale: Locale): { months: { value: string; label: string }[]; presets: { id: string; from?: string; to?: string; label: string }[] } {
  const text = EXPLORE_TEXT[locale];
  return {
    months: months.map((month) => ({ value: month, label: formatMonthShort(month, locale) })),
    presets: months.length > 0 ? rangePresets(months[0]!, months.at(-1)!).map((preset) => ({ ...preset, label: preset.id === 'all' ? text.all : preset.id === 'last-12' ? text.last12 : preset.id })) : [],
  };
}

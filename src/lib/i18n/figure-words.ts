import type { Locale } from '../data/types.ts';

/**
 * The words a figure needs wherever it is shown — its qualifier, the headings and badges of a figures table, its
 * source line, the site's name in a download — apart from the rest of the interface (ui.ts, which includes them).
 * Browser code (the explorer, its downloads) imports these few dozen strings, not the whole dictionary.
 * Vietnamese is the reference: English must have exactly the same keys.
 */
export const FIGURE_WORDS_VI = {
  'site.name': 'Đề án 06 qua số liệu',
  'qualifier.more-than': 'hơn',
  'qualifier.at-least': 'ít nhất',
  'qualifier.nearly': 'gần',
  'qualifier.about': 'khoảng',
  'qualifier.less-than': 'dưới',
  'figure.asOf': 'Số liệu đến',
  'figure.value': 'Giá trị',
  'figure.source': 'Nguồn',
  'figure.note': 'Ghi chú',
  'figure.inferredDate': 'ngày ước định',
  'figure.inferredDateTitle': 'Nguồn không nêu ngày của số liệu; ngày này được suy ra (ví dụ từ ngày hội nghị).',
  'figure.unknownPublished': 'không rõ ngày đăng',
  'figure.status': 'Trạng thái',
  'figure.quote': 'Nguồn viết',
  'figure.translation': 'bản dịch',
  'figure.quoteException': 'Về câu trích',
  'figure.break': 'Đổi cách tính: {reason}',
  'figure.period': 'Kỳ tính: {period}',
  'figure.periodUnknown': 'không rõ kỳ tính',
  'status.new': 'mới',
  'status.restated': 'nhắc lại',
  'status.rounded': 'làm tròn',
  'status.revised': 'điều chỉnh',
  'status.superseded': 'đã được điều chỉnh ở bản sau',
  'status.disagrees': 'khác nguồn',
  'status.newTitle': 'Số liệu đầu tiên cho ngày này.',
  'status.restatedTitle': 'Nêu lại đúng số liệu trước đó cho cùng ngày: xác nhận, không phải điều chỉnh.',
  'status.roundedTitle': 'Cùng một số liệu với số liệu trước đó cho cùng ngày, một bên được làm tròn.',
  'status.revisedTitle': 'Chính nguồn đó đưa ra số khác cho cùng ngày trong một bản sau; số này thay số liệu trước đó.',
  'status.supersededTitle': 'Chính nguồn này đã đưa ra số khác cho cùng ngày trong một bản sau.',
  'status.disagreesTitle': 'Một nguồn khác đưa ra số khác cho cùng ngày; cả hai số được giữ.',
  'status.correction': 'đính chính',
  'status.corrected': 'đã đính chính ở bản sau',
  'status.correctionTitle': 'Chúng tôi đính chính một số liệu đã đăng sai (cùng nguồn, cùng ngày); lý do ghi kèm.',
  'status.correctedTitle': 'Số liệu này đã đăng sai và được đính chính ở một bản sau.',
  'footer.version': 'Phiên bản dữ liệu',
  'table.caption': 'Bảng số liệu',
} as const;

export type FigureWordKey = keyof typeof FIGURE_WORDS_VI;

export const FIGURE_WORDS_EN: Record<FigureWordKey, string> = {
  'site.name': 'Project 06 in Numbers',
  'qualifier.more-than': 'more than',
  'qualifier.at-least': 'at least',
  'qualifier.nearly': 'nearly',
  'qualifier.about': 'about',
  'qualifier.less-than': 'less than',
  'figure.asOf': 'As of',
  'figure.value': 'Value',
  'figure.source': 'Source',
  'figure.note': 'Note',
  'figure.inferredDate': 'inferred date',
  'figure.inferredDateTitle': 'The source gives no date for the figure; this date was inferred (for example from a meeting date).',
  'figure.unknownPublished': 'publication date unknown',
  'figure.status': 'Status',
  'figure.quote': 'The source says',
  'figure.translation': 'translation',
  'figure.quoteException': 'About the quote',
  'figure.break': 'New definition: {reason}',
  'figure.period': 'Period: {period}',
  'figure.periodUnknown': 'period not stated',
  'status.new': 'new',
  'status.restated': 'restated',
  'status.rounded': 'rounded',
  'status.revised': 'revised',
  'status.superseded': 'revised in a later release',
  'status.disagrees': 'sources differ',
  'status.newTitle': 'The first figure for this date.',
  'status.restatedTitle': 'States the previous figure for the same date again: a confirmation, not a revision.',
  'status.roundedTitle': 'The same figure as the previous figure for the same date, one of them rounded.',
  'status.revisedTitle': 'The same publisher gave another value for this date in a later release; it replaces the previous figure.',
  'status.supersededTitle': 'The same publisher gave another value for this date in a later release.',
  'status.disagreesTitle': 'Another publisher gives a different figure for the same date; both stand.',
  'status.correction': 'correction',
  'status.corrected': 'corrected in a later release',
  'status.correctionTitle': 'We correct a figure we published wrongly (same source, same date); the reason is given.',
  'status.correctedTitle': 'This figure was published wrongly and corrected in a later release.',
  'footer.version': 'Data version',
  'table.caption': 'Data table',
};

const dictionaries: Record<Locale, Record<FigureWordKey, string>> = { vi: FIGURE_WORDS_VI, en: FIGURE_WORDS_EN };

/** A text with `{name}` replaced by its parameter and `{name|one|other}` by the word that agrees with the number. */
export function fillWords(text: string, params: Record<string, string | number>): string {
  return text
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (_, name: string, one: string, other: string) => (Number(params[name]) === 1 ? one : other))
    .replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** A figure's word in a language (`t` of ui.ts, for these keys only). */
export function figureWord(locale: Locale, key: FigureWordKey, params: Record<string, string | number> = {}): string {
  return fillWords(dictionaries[locale][key], params);
}

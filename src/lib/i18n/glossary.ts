import type { Locale } from '../data/types.ts';

/**
 * The words the site uses for the things it talks about, one name per thing and context, in both languages: the
 * companion of ui.ts (which holds the interface strings themselves). Written for editors and checked by
 * test/unit/glossary.test.ts: no interface string, page, story or indicator name uses a word listed under `avoid`.
 */
export interface GlossaryTerm {
  /** What the term names. */
  concept: string;
  /** The words to use, per language, with the context each is for. */
  use: Record<Locale, string>;
  /** Words that must not appear (Vietnamese, matched case-insensitively): calques, or other names for the same thing. */
  avoid: string[];
}

export const GLOSSARY: GlossaryTerm[] = [
  {
    concept: 'a month file of data/months and what it adds to the dataset',
    use: {
      vi: '"bản cập nhật tháng 10/2025" for readers, "bản tin tháng 10/2025" for its page; "phiên bản dữ liệu 2025-10" only beside the id, where it is cited (citations, downloaded files, pinned embeds)',
      en: '"the October 2025 update", "the October 2025 bulletin"; "data version 2025-10" where the id is cited',
    },
    avoid: ['bản phát hành'],
  },
  {
    concept: 'the link every page has to the newest monthly bulletin (/months/latest/): a stable text that never names the month, so adding a month leaves the pages it does not touch unchanged',
    use: { vi: '"Bản tin mới nhất"', en: '"Latest bulletin"' },
    avoid: [],
  },
  {
    concept: 'the chip-based citizen ID card issued from 2021 until 30 June 2024',
    use: {
      vi: '"thẻ căn cước công dân gắn chip" at its first mention in a story, "thẻ CCCD gắn chip" everywhere else (indicator names, tables, charts, later mentions)',
      en: '"chip-based citizen ID card" (with "(CCCD)" at the first mention)',
    },
    avoid: ['căn cước gắn chip', 'chip căn cước', 'thẻ gắn chip', 'CCCD chip'],
  },
  {
    concept: 'the card issued from 1 July 2024 under the Law on Identity (also chip-based)',
    use: { vi: '"thẻ căn cước"', en: '"ID card" ("thẻ căn cước")' },
    avoid: [],
  },
  {
    concept: 'the date a figure is true of',
    use: { vi: '"Số liệu đến 10/10/2025"; "ngày ước định" when we inferred it', en: '"As of 10 October 2025"; "inferred date"' },
    avoid: [],
  },
  {
    concept: 'the figure a change is measured from (src/lib/site/change.ts)',
    use: { vi: '"số liệu trước đó"', en: '"the previous figure"' },
    avoid: ['lần công bố trước', 'giá trị mới nhất thay đổi'],
  },
  {
    concept: 'indicators set side by side',
    use: { vi: '"các chỉ số cùng chủ đề, cùng đơn vị"', en: '"indicators of the same topic and unit"' },
    avoid: ['các chỉ số cùng loại'],
  },
  {
    concept: 'Vietnamese newspapers and broadcasters as sources',
    use: { vi: '"báo chí" (or the paper\'s name)', en: '"Vietnamese media" (or the paper\'s name)' },
    avoid: ['báo chí nhà nước'],
  },
];

/** Every avoided word found in `text`, for the glossary test and for editors' checks. */
export function avoidedWords(text: string): string[] {
  const lower = text.toLocaleLowerCase('vi');
  return GLOSSARY.flatMap((term) => term.avoid.filter((word) => lower.includes(word.toLocaleLowerCase('vi'))));
}

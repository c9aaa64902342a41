/**
 * Accent-insensitive search for Vietnamese, as a complement to Pagefind.
 *
 * Pagefind (≥ 1.5) already folds combining marks, in the index and in the
 * query: "dich vu" finds "dịch vụ", "đinh" finds "định". It does not fold
 * "đ"/"Đ" (U+0111/U+0110): that letter is not a "d" plus a mark, it has no
 * Unicode decomposition. So "dinh" alone would find nothing for "định".
 *
 * The fix lives in the query, not in the index: every word that starts with
 * "d" or "đ" is searched both ways, whether or not the reader typed marks
 * (queryVariants). The search page (src/scripts/search.ts) runs each spelling
 * ("dinh danh", "đinh danh", …) and merges the results, keeping each page's
 * best score: "định danh" and "dinh danh" find the same pages, with Pagefind's
 * own excerpts of the real text. The index and the pages stay as
 * they are: no hidden folded copy of the text (which would double the index,
 * show folded text in excerpts and be read out by some screen readers).
 *
 * Pure functions, used by the search page's script and by the tests.
 */

/** Folds text for comparison: lower case, no combining marks (tones, hats, horns, breves), "đ" → "d". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** The words of a query: split on white space, without surrounding punctuation. */
export function queryWords(query: string): string[] {
  return query
    .normalize('NFC')
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word.length > 0);
}

/** At most this many words of a query are tried with both spellings (2^n searches). */
export const MAX_SPELLED_WORDS = 3;

/**
 * The queries to give Pagefind for what the reader typed, so that a query
 * with diacritics and the same query without them find the same pages.
 *
 * Pagefind matches tone and vowel marks loosely ("the" finds "thẻ" and "thẻ"
 * finds "the"), so the marks need nothing; only "d"/"đ" differ. Each word that
 * starts with "d" or "đ" (Vietnamese writes "đ" only at the start of a
 * syllable) is tried both ways — every combination, since Pagefind requires
 * every word of a query that it knows to be on the page: "dinh danh" and
 * "định danh" both give "dinh danh", "dinh đanh", "đinh danh", "đinh đanh"
 * (marks kept as typed). The reader's own query comes first: it is one of
 * them, and Pagefind ranks the spelling that was typed highest.
 * A quoted query (Pagefind's exact phrase search) is left alone.
 */
export function queryVariants(query: string, maxWords = MAX_SPELLED_WORDS): string[] {
  const trimmed = query.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (trimmed === '') return [];
  if (/^".+"$/.test(trimmed)) return [trimmed];
  const words = trimmed.split(' ');
  const lead = /^([^\p{L}\p{N}]*)([dđ])/iu;
  const spelled = words
    .map((word, index) => ({ word, index }))
    .filter(({ word }) => lead.test(word))
    .slice(0, maxWords)
    .map(({ index }) => index);
  const spell = (word: string, withStroke: boolean) => word.replace(lead, (_, before: string, d: string) => {
    const upper = d === 'D' || d === 'Đ';
    return before + (withStroke ? (upper ? 'Đ' : 'đ') : (upper ? 'D' : 'd'));
  });
  let variants: string[][] = [words.map((word, index) => (spelled.includes(index) ? spell(word, false) : word))];
  for (const index of spelled) {
    variants = variants.flatMap((variant) => [variant, variant.map((word, i) => (i === index ? spell(word, true) : word))]);
  }
  return [...new Set([trimmed, ...variants.map((variant) => variant.join(' '))])];
}

/** A piece of an excerpt: text, highlighted or not. */
export interface Segment { text: string; marked: boolean }

/**
 * Re-highlights an excerpt (Pagefind's, as segments) for the reader's query:
 * a word is highlighted when, folded, it starts with a folded word of the query
 * ("Định" for "dinh", as Pagefind matches prefixes), or when Pagefind
 * highlighted it (English stems, for instance) — except words with "đ" that
 * only the added spellings matched ("đã" for "danh"). Adjacent plain text is
 * merged; each highlighted word is its own segment.
 */
export function highlight(segments: readonly Segment[], query: string): Segment[] {
  const terms = queryWords(query).map(fold);
  const respelled = queryVariants(query).length > 1;
  const out: Segment[] = [];
  for (const { text, marked } of segments) {
    for (const part of text.split(/(\s+)/)) {
      if (part === '') continue;
      const word = fold(part).replace(/[^\p{L}\p{N}]/gu, '');
      const matches = word !== '' && terms.some((term) => term !== '' && word.startsWith(term));
      const onlyRespelled = respelled && /^[^\p{L}\p{N}]*[đĐ]/u.test(part) && !matches;
      const mark = word !== '' && (matches || (marked && !onlyRespelled));
      const last = out.at(-1);
      if (!mark && last && !last.marked) last.text += part;
      else out.push({ text: part, marked: mark });
    }
  }
  return out;
}

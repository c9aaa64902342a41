import { describe, expect, it } from 'vitest';
import { fold, highlight, queryVariants, queryWords } from '../../src/lib/search/fold.ts';
import type { Segment } from '../../src/lib/search/fold.ts';

describe('fold', () => {
  it('removes Vietnamese tones and vowel marks, folds đ/Đ and lower-cases', () => {
    expect(fold('Tài khoản định danh điện tử đã kích hoạt')).toBe('tai khoan dinh danh dien tu da kich hoat');
    expect(fold('ĐỀ ÁN 06')).toBe('de an 06');
    expect(fold('Người dân ở Đắk Lắk')).toBe('nguoi dan o dak lak');
    expect(fold('ăâêôơư ĂÂÊÔƠƯ')).toBe('aaeoou aaeoou');
  });

  it('gives the same result for composed (NFC) and decomposed (NFD) input', () => {
    const word = 'định danh';
    expect(fold(word.normalize('NFD'))).toBe(fold(word.normalize('NFC')));
  });

  it('leaves plain text, digits and punctuation as they are (but lower case)', () => {
    expect(fold('VNeID 2024-08: 45,2')).toBe('vneid 2024-08: 45,2');
  });
});

describe('queryWords', () => {
  it('splits on white space and trims punctuation around words', () => {
    expect(queryWords('  “định  danh”, VNeID? ')).toEqual(['định', 'danh', 'VNeID']);
  });

  it('composes decomposed input', () => {
    expect(queryWords('đi\u0323nh')).toEqual(['định']);
  });
});

describe('queryVariants', () => {
  it('tries every combination of d and đ for the words that start with either', () => {
    expect(queryVariants('dinh danh')).toEqual(['dinh danh', 'dinh đanh', 'đinh danh', 'đinh đanh']);
    expect(queryVariants('De an 06')).toEqual(['De an 06', 'Đe an 06']);
    expect(queryVariants('VNeID  dinh muc 2')).toEqual(['VNeID dinh muc 2', 'VNeID đinh muc 2']);
  });

  it('gives a query with diacritics the same spellings (marks as typed), its own first', () => {
    expect(queryVariants('định danh')).toEqual(['định danh', 'dịnh danh', 'dịnh đanh', 'định đanh']);
    expect(queryVariants('dinh danh điện tử')).toEqual(['dinh danh điện tử', 'dinh danh diện tử', 'dinh đanh diện tử', 'dinh đanh điện tử', 'đinh danh diện tử', 'đinh danh điện tử', 'đinh đanh diện tử', 'đinh đanh điện tử']);
  });

  it('gives the same set, once marks are folded, with and without diacritics', () => {
    const folded = (q: string) => new Set(queryVariants(q).map((v) => v.normalize('NFD').replace(/[\u0300-\u0302\u0303\u0306\u0309\u031b\u0323]/g, '').toLowerCase()));
    const pairs: Array<[string, string]> = [['định danh', 'dinh danh'], ['dịch vụ công', 'dich vu cong'], ['Đề án 06', 'de an 06'], ['đăng ký điện tử', 'dang ky dien tu']];
    for (const [a, b] of pairs) {
      expect(folded(a)).toEqual(folded(b));
    }
  });

  it('leaves queries without such words as they are', () => {
    expect(queryVariants('electronic ID')).toEqual(['electronic ID']);
    expect(queryVariants('  căn   cước ')).toEqual(['căn cước']);
    expect(queryVariants('   ')).toEqual([]);
  });

  it('spells at most three words both ways (eight searches)', () => {
    const variants = queryVariants('do dai du dan');
    expect(variants).toHaveLength(8);
    expect(variants.every((v) => v.endsWith(' dan'))).toBe(true);
    expect(queryVariants('do dai du dan', 1)).toEqual(['do dai du dan', 'đo dai du dan']);
  });

  it('never repeats a query', () => {
    expect(queryVariants('dan dan')).toEqual(['dan dan', 'dan đan', 'đan dan', 'đan đan']);
    expect(new Set(queryVariants('dinh dinh dinh')).size).toBe(queryVariants('dinh dinh dinh').length);
  });

  it('leaves an exact-phrase (quoted) query alone', () => {
    expect(queryVariants('"dinh danh"')).toEqual(['"dinh danh"']);
  });

  it('keeps punctuation before a word', () => {
    expect(queryVariants('“dinh')).toEqual(['“dinh', '“đinh']);
  });
});

describe('fold and queryWords', () => {
  it('finds, once folded, what the reader meant: the page text contains every word of the query', () => {
    const page = fold('Tài khoản định danh điện tử đã kích hoạt');
    for (const query of ['dinh danh', 'định danh', 'DINH DANH', 'dien tu', 'điện tử']) {
      expect(queryWords(query).every((word) => page.includes(fold(word))), query).toBe(true);
    }
  });
});

describe('highlight', () => {
  const marked = (segments: Segment[]) => segments.filter((s) => s.marked).map((s) => s.text);
  const pagefind = (html: string): Segment[] => html.split(/<mark>|<\/mark>/).map((text, i) => ({ text, marked: i % 2 === 1 })).filter((s) => s.text !== '');

  it('highlights the words that match the query with or without diacritics', () => {
    const excerpt = pagefind('<mark>Định</mark> danh và căn cước. Tài khoản định <mark>danh.</mark>');
    expect(marked(highlight(excerpt, 'dinh danh'))).toEqual(['Định', 'danh', 'định', 'danh.']);
    expect(marked(highlight(excerpt, 'ĐỊNH DANH'))).toEqual(['Định', 'danh', 'định', 'danh.']);
    expect(marked(highlight(pagefind('Đề án 06'), 'de an'))).toEqual(['Đề', 'án']);
  });

  it('keeps the text as it was, only the highlighting changes', () => {
    const excerpt = pagefind('Tài khoản <mark>định</mark>  danh: (điện tử)');
    expect(highlight(excerpt, 'dinh danh').map((s) => s.text).join('')).toBe('Tài khoản định  danh: (điện tử)');
    expect(highlight(excerpt, 'dinh danh')).toEqual([
      { text: 'Tài khoản ', marked: false }, { text: 'định', marked: true }, { text: '  ', marked: false }, { text: 'danh:', marked: true }, { text: ' (điện tử)', marked: false },
    ]);
  });

  it('drops highlights that only the added đ spellings produced', () => {
    expect(marked(highlight(pagefind('Hội nghị <mark>đã</mark> có <mark>danh</mark> sách'), 'dinh danh'))).toEqual(['danh']);
    // "đánh" folds to "danh": a match, as Pagefind matches "dánh" for "danh".
    expect(marked(highlight(pagefind('<mark>đánh</mark> giá'), 'dinh danh'))).toEqual(['đánh']);
  });

  it("keeps Pagefind's other highlights (English stems)", () => {
    expect(marked(highlight(pagefind('accounts <mark>activation</mark>'), 'activated'))).toEqual(['activation']);
    expect(marked(highlight(pagefind('<mark>đã</mark> kích hoạt'), 'định'))).toEqual([]);
  });
});

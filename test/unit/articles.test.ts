import { describe, expect, it } from 'vitest';
import { validateArticles } from '../../src/lib/content/articles.ts';
import { readingMinutes, relatedArticles } from '../../src/lib/site/articles.ts';
import { FIXTURE_ARTICLE_EN, FIXTURE_ARTICLE_VI, FIXTURE_INDICATORS } from '../fixtures/fixture-data.ts';

const known = new Set(FIXTURE_INDICATORS.map((i) => i.id));
const vi = { file: 'content/articles/vi/cau-chuyen.mdx', text: FIXTURE_ARTICLE_VI };
const en = { file: 'content/articles/en/story.mdx', text: FIXTURE_ARTICLE_EN };

describe('validateArticles', () => {
  it('accepts a valid pair', () => {
    const { issues, articles } = validateArticles([vi, en], known);
    expect(issues).toEqual([]);
    expect(articles.map((a) => [a.slug, a.data.lang, a.data.translationKey])).toEqual([['cau-chuyen', 'vi', 'fixture-story'], ['story', 'en', 'fixture-story']]);
  });

  it('a wrong indicator id in the frontmatter names the file, line and nearest id', () => {
    const text = vi.text.replace('indicators: [eid-accounts-activated,', 'indicators: [eid-account-activated,');
    const { issues } = validateArticles([{ ...vi, text }, en], known);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: vi.file, line: 8, field: 'indicators.0', found: 'eid-account-activated' });
    expect(issues[0]!.expected).toContain('did you mean "eid-accounts-activated"');
  });

  it('an indicator used in the body but not declared in the frontmatter', () => {
    const text = vi.text.replace('indicators: [eid-accounts-activated, ', 'indicators: [');
    const issues = validateArticles([{ ...vi, text }, en], known).issues;
    expect(issues.map((i) => [i.line, i.field, i.found])).toEqual([[13, '<Value> indicator', 'eid-accounts-activated'], [13, '<Value> indicator', 'eid-accounts-activated'], [13, '<Value> indicator', 'eid-accounts-activated'], [15, '<Chart> indicator', 'eid-accounts-activated'], [19, '<Chart> indicator', 'eid-accounts-activated']]);
  });

  it('a wrong indicator id in a component names the body line', () => {
    const text = vi.text.replace('<Chart indicator="eid-accounts-activated" />', '<Chart indicator="eid-acounts-activated" />');
    const [issue, ...rest] = validateArticles([{ ...vi, text }, en], known).issues;
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ file: vi.file, line: 15, field: '<Chart> indicator', found: 'eid-acounts-activated' });
  });

  it('a missing field names the file (line 1 when the key is absent)', () => {
    const text = vi.text.replace(/^dek: .*\n/m, '');
    const [issue] = validateArticles([{ ...vi, text }, en], known).issues;
    expect(issue).toMatchObject({ file: vi.file, field: 'dek' });
  });

  it('a bad date and an unknown key name their lines', () => {
    const text = vi.text.replace('date: 2024-09-01', 'date: 1/9/2024').replace('lang: vi', 'lang: vi\nauthor: X');
    const issues = validateArticles([{ ...vi, text }, en], known).issues;
    expect(issues.map((i) => [i.line, i.field])).toEqual([[4, 'date'], [6, 'author']]);
  });

  it('a broken translation link (no article in the other language)', () => {
    const [issue] = validateArticles([vi], known).issues;
    expect(issue).toMatchObject({ file: vi.file, line: 6, field: 'translationKey', found: 'fixture-story' });
    expect(issue!.expected).toContain('English version');
  });

  it('a language that does not match the folder', () => {
    const [issue] = validateArticles([{ ...vi, text: vi.text.replace('lang: vi', 'lang: en') }, en], known).issues;
    expect(issue).toMatchObject({ line: 5, field: 'lang', found: 'en' });
  });
});

describe('article helpers', () => {
  it('reading time counts words of the body, not tags', () => {
    expect(readingMinutes(`---\ntitle: x\n---\n${'từ '.repeat(660)}<Chart indicator="a" />`)).toBe(3);
    expect(readingMinutes('ngắn')).toBe(1);
  });

  it('related articles share a topic, in the same language', () => {
    const base = { dek: '', date: new Date('2024-01-01'), translationKey: 'k', indicators: [] };
    const a = { ...base, slug: 'a', lang: 'vi' as const, title: 'A', topics: ['banking' as const] };
    const b = { ...base, slug: 'b', lang: 'vi' as const, title: 'B', topics: ['banking' as const, 'identity' as const] };
    const c = { ...base, slug: 'c', lang: 'vi' as const, title: 'C', topics: ['health' as const] };
    const d = { ...base, slug: 'd', lang: 'en' as const, title: 'D', topics: ['banking' as const] };
    expect(relatedArticles(a, [a, b, c, d]).map((r) => r.slug)).toEqual(['b']);
  });

  it('reads MDX as the compiler does: single quotes, braces, and a Value date that has no figure', () => {
    const text = vi.text
      .replace('<Chart indicator="eid-accounts-activated" />', "<Chart indicator='eid-acounts-activated' />")
      .replace('<Value indicator="eid-accounts-activated" at="2024-06-30" />', '<Value indicator={"eid-accounts-activated"} at="2024-06-29" />');
    const dates = new Map([...known].map((id) => [id, new Set(id === 'eid-accounts-activated' ? ['2024-06-30', '2024-07-15'] : ['2024-08'])]));
    const issues = validateArticles([{ ...vi, text }, en], known, dates).issues;
    expect(issues.map((i) => [i.line, i.field, i.found])).toEqual([[13, '<Value> at', '2024-06-29'], [15, '<Chart> indicator', 'eid-acounts-activated']]);
    expect(issues[0]!.expected).toContain('2024-06-30, 2024-07-15');
  });

  it('an indicator with no figure yet cannot be shown in an article (it has no page)', () => {
    const dates = new Map([...known].map((id) => [id, new Set(id === 'eid-accounts-level2' ? [] : ['2024-06-30'])]));
    const issues = validateArticles([vi, en], known, dates).issues.filter((i) => i.found === 'eid-accounts-level2');
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]!.expected).toContain('has no figure yet');
  });

  it('a javascript: link in an article is refused; site paths and web links are fine', () => {
    const text = `${vi.text}\n[xem](javascript:alert(1)) [trang](/indicators/) [nguồn](https://example.org/a)\n`;
    const issues = validateArticles([{ ...vi, text }, en], known).issues;
    expect(issues.map((i) => [i.field, i.found])).toEqual([['link', 'javascript:alert(1)']]);
  });
});

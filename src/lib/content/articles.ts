import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import type { Pair, Scalar, YAMLMap } from 'yaml';
import { z } from 'zod';
import type { DataIssue } from '../data/errors.ts';
import { LOCALES, TOPICS } from '../data/types.ts';
import type { Locale, Topic } from '../data/types.ts';
import { KEBAB_ID } from '../data/catalogue.ts';
import { closest } from 'fastest-levenshtein';
import { isSafeContentLink, mdxUses } from './mdx-uses.ts';

/**
 * Articles: `content/articles/<lang>/<slug>.mdx`. The schema is shared by the
 * Astro content collection and by `validateArticles`, which checks all
 * articles before the build and reports file and line for every problem.
 */
export function articleSchema(knownIndicators: ReadonlySet<string>) {
  const indicatorId = z.string().refine((id) => knownIndicators.has(id), {
    error: (issue) => `a known indicator id${typeof issue.input === 'string' ? `; did you mean "${closest(issue.input, [...knownIndicators])}"?` : ''}`,
  });
  // YAML may give a Date (Astro's parser) or the string YYYY-MM-DD (ours); nothing else is a date here.
  const isoDay = z
    .union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)], { error: 'a date written YYYY-MM-DD' })
    .transform((value) => (value instanceof Date ? value : new Date(`${value}T00:00:00Z`)))
    .refine((date) => !Number.isNaN(date.getTime()), 'a real date written YYYY-MM-DD');
  return z.strictObject({
    /** Headline. */
    title: z.string().trim().min(1, 'a headline'),
    /** One-sentence summary, shown under the headline, in lists, feeds and link previews. */
    dek: z.string().trim().min(1, 'a one-sentence summary'),
    /** Publication date, YYYY-MM-DD. */
    date: isoDay,
    /** Date of the last substantive update, YYYY-MM-DD. */
    updated: isoDay.optional(),
    /** Language of the article; must match its folder. */
    lang: z.enum(LOCALES, 'vi or en'),
    /** Shared by the Vietnamese and English versions of one story. */
    translationKey: z.string().regex(KEBAB_ID, 'a kebab-case key shared by both language versions'),
    /** Topics, for topic pages and related articles. */
    topics: z.array(z.enum(TOPICS, `one of ${TOPICS.join(', ')}`)).min(1, 'at least one topic'),
    /** Every indicator the article shows; their sources are listed under the article. */
    indicators: z.array(indicatorId).default([]),
  });
}

export type ArticleData = z.output<ReturnType<typeof articleSchema>>;

/** An article file as read from disk. */
export interface ArticleFile {
  /** Path for messages, e.g. `content/articles/vi/x.mdx`. */
  file: string;
  text: string;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;


/**
 * Validates every article: frontmatter against the schema (with the line of
 * the offending key), language folder, translation pairs, and that every
 * indicator a component uses is known and declared in `indicators`.
 */
export function validateArticles(
  files: readonly ArticleFile[],
  knownIndicators: ReadonlySet<string>,
  /** The as-of dates each indicator has figures for, to check `<Value at="…">`; omitted, dates are not checked. */
  asOfDates?: ReadonlyMap<string, ReadonlySet<string>>,
): { issues: DataIssue[]; articles: Array<{ file: string; slug: string; data: ArticleData }> } {
  const schema = articleSchema(knownIndicators);
  const issues: DataIssue[] = [];
  const articles: Array<{ file: string; slug: string; data: ArticleData }> = [];
  // Keys of articles that failed validation: their partner is not reported as missing a translation.
  const brokenKeys = new Set<unknown>();
  for (const { file, text } of files) {
    const match = /(?:^|\/)(vi|en)\/([^/]+)\.mdx$/.exec(file);
    if (!match) {
      issues.push({ file, field: 'file name', found: file, expected: 'an article at content/articles/<vi|en>/<slug>.mdx' });
      continue;
    }
    const [, folderLang, slug] = match as unknown as [string, Locale, string];
    if (!KEBAB_ID.test(slug)) issues.push({ file, line: 1, field: 'file name', found: slug, expected: 'a kebab-case slug (lower-case ASCII letters, digits and hyphens)' });
    const front = FRONTMATTER.exec(text);
    if (!front) {
      issues.push({ file, line: 1, expected: 'frontmatter between --- lines at the top of the file' });
      continue;
    }
    const lineCounter = new LineCounter();
    const document = parseDocument(front[1]!, { lineCounter });
    const lineOfKey = (key: PropertyKey | undefined): number => {
      const contents = document.contents;
      if (key === undefined || !isMap(contents)) return 1;
      const pair = (contents as YAMLMap).items.find((item: Pair) => isScalar(item.key) && (item.key as Scalar).value === key);
      const offset = (pair?.key as Scalar | undefined)?.range?.[0];
      return offset === undefined ? 1 : lineCounter.linePos(offset).line + 1;
    };
    if (document.errors.length > 0) {
      for (const error of document.errors) issues.push({ file, line: (error.linePos?.[0]?.line ?? 0) + 1, expected: `valid YAML frontmatter (${error.message.split('\n')[0]})` });
      continue;
    }
    const parsed = schema.safeParse(document.toJS());
    if (!parsed.success) {
      brokenKeys.add((document.toJS() as { translationKey?: unknown } | null)?.translationKey);
      for (const problem of parsed.error.issues) {
        const key = problem.path[0];
        const raw = (document.toJS() as Record<string, unknown> | null)?.[String(key)];
        const item = problem.path.length > 1 && Array.isArray(raw) ? raw[problem.path[1] as number] : raw;
        issues.push({
          file,
          line: lineOfKey(problem.code === 'unrecognized_keys' ? (problem as { keys: string[] }).keys[0] : key),
          field: problem.code === 'unrecognized_keys' ? (problem as { keys: string[] }).keys.join(', ') : problem.path.join('.'),
          ...(item !== undefined && problem.code !== 'unrecognized_keys' ? { found: typeof item === 'string' ? item : JSON.stringify(item) } : {}),
          expected: problem.code === 'unrecognized_keys' ? 'only the keys title, dek, date, updated, lang, translationKey, topics, indicators' : problem.message.replace(/^Invalid input: expected /, ''),
        });
      }
      continue;
    }
    const data = parsed.data;
    if (data.lang !== folderLang) issues.push({ file, line: lineOfKey('lang'), field: 'lang', found: data.lang, expected: `"${folderLang}", the language of the folder the article is in` });
    const declared = new Set(data.indicators);
    const bodyStart = front[0].split('\n').length - 1;
    const uses = mdxUses(text.slice(front[0].length));
    if (uses.error) issues.push({ file, line: bodyStart + uses.error.line, expected: `valid MDX (${uses.error.message})` });
    for (const { url, line } of uses.links) {
      if (!isSafeContentLink(url)) issues.push({ file, line: bodyStart + line, field: 'link', found: url, expected: 'a link starting with https:// or http://, or a path within the site such as /indicators/…' });
    }
    for (const use of uses.components) {
      const line = bodyStart + use.line;
      const idProp = use.props.indicators ?? use.props.indicator;
      const ids = idProp === undefined || idProp === true ? [] : Array.isArray(idProp) ? idProp : [idProp];
      for (const id of ids) {
        if (!knownIndicators.has(id)) issues.push({ file, line, field: `<${use.name}> indicator`, found: id, expected: `a known indicator id; did you mean "${closest(id, [...knownIndicators])}"?` });
        else if (asOfDates && (asOfDates.get(id)?.size ?? 0) === 0) issues.push({ file, line, field: `<${use.name}> indicator`, found: id, expected: `an indicator with a figure: "${id}" has no figure yet, so it is not published until a month file gives one` });
        else if (!declared.has(id)) issues.push({ file, line, field: `<${use.name}> indicator`, found: id, expected: `an indicator listed in the frontmatter "indicators" (line ${lineOfKey('indicators')}), so its sources are listed with the article` });
      }
      const at = use.props.at;
      if (use.name === 'Value' && typeof at === 'string' && at !== 'latest' && ids.length === 1 && knownIndicators.has(ids[0]!) && asOfDates) {
        const dates = asOfDates.get(ids[0]!) ?? new Set<string>();
        if (!dates.has(at)) issues.push({ file, line, field: '<Value> at', found: at, expected: `"latest" or a date "${ids[0]}" has a figure for: ${[...dates].join(', ') || 'none yet'}` });
      }
    }
    articles.push({ file, slug, data });
  }
  // Translation links: each key has one article per language.
  const byKey = new Map<string, Array<{ file: string; lang: Locale }>>();
  for (const { file, data } of articles) byKey.set(data.translationKey, [...(byKey.get(data.translationKey) ?? []), { file, lang: data.lang }]);
  for (const [key, versions] of byKey) {
    if (brokenKeys.has(key)) continue;
    for (const locale of LOCALES) {
      const count = versions.filter((v) => v.lang === locale).length;
      const first = versions[0]!;
      if (count === 0) issues.push({ file: first.file, line: lineNumberOf(files, first.file, 'translationKey'), field: 'translationKey', found: key, expected: `a ${locale === 'vi' ? 'Vietnamese' : 'English'} version with the same translationKey in content/articles/${locale}/` });
      if (count > 1) issues.push({ file: versions.filter((v) => v.lang === locale)[1]!.file, field: 'translationKey', found: key, expected: `one ${locale} article per translationKey; another already uses it` });
    }
  }
  return { issues, articles };
}

function lineNumberOf(files: readonly ArticleFile[], file: string, key: string): number {
  const text = files.find((f) => f.file === file)?.text ?? '';
  const index = text.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return index + 1 || 1;
}

export type { Topic };

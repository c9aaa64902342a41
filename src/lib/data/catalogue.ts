import { findValueInQuote, numbersInQuote } from './quote.ts';
import { z } from 'zod';
import type { DataIssue } from './errors.ts';
import type { Indicator } from './types.ts';
import { KINDS, TOPICS } from './types.ts';
import { parseIsoDate } from './values.ts';
import { isWebUrl, WEB_URL_EXPECTED } from './url.ts';
import { lineOfId } from './json-text.ts';

export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = z.string().trim().min(1, 'a non-empty text');
const bilingual = z.object({ vi: text, en: text }, 'an object with "vi" and "en" texts');
const isoDate = z.string().refine((s) => parseIsoDate(s) !== undefined, 'a date YYYY-MM-DD or YYYY-MM');

/** Schema of one source, shared by targets in the catalogue. */
export const sourceSchema = z.object({
  title: text,
  publisher: text,
  published: isoDate.optional(),
  url: z.string().refine(isWebUrl, WEB_URL_EXPECTED).optional(),
});

/** Schema of one entry of `data/indicators.json`. */
export const indicatorSchema = z
  .strictObject({
    /** kebab-case id, the same in data, URLs, chart ids and MDX. */
    id: z.string().regex(KEBAB_ID, 'a kebab-case id such as "eid-accounts-activated"'),
    /** Topic, used to group indicators and stories. */
    topic: z.enum(TOPICS, `one of ${TOPICS.join(', ')}`),
    /** What kind of figure this is (running total, level, x of y, rate, flow). */
    kind: z.enum(KINDS, `one of ${KINDS.join(', ')}`),
    name: bilingual,
    unit: bilingual,
    /** One paragraph per language: what is counted, since when, by whom. */
    definition: bilingual,
    /** Period a `flow` figure covers, e.g. {"vi": "mỗi tháng", "en": "per month"}. */
    period: bilingual.optional(),
    /**
     * An official target, only from a text that states it: the sentence is quoted (`quote`, in `quoteLanguage`,
     * `quoteTranslated` when read in a translated edition) and the value must be readable in it.
     */
    target: z
      .strictObject({
        value: z.number(),
        deadline: isoDate,
        source: sourceSchema,
        quote: text,
        quoteLanguage: z.string().regex(/^[a-z]{2}$/, 'a two-letter language code such as "vi" or "en"').optional(),
        quoteTranslated: z.boolean().optional(),
      })
      .optional(),
    featured: z.boolean().optional(),
  })
  .superRefine((indicator, ctx) => {
    if (indicator.kind === 'flow' && !indicator.period) {
      ctx.addIssue({ code: 'custom', path: ['period'], message: 'a "period" {vi, en} for a flow indicator (e.g. "mỗi tháng" / "per month")' });
    }
    if (indicator.kind === 'rate' && indicator.unit.vi !== '%') {
      ctx.addIssue({ code: 'custom', path: ['unit', 'vi'], message: '"%" as the unit of a rate indicator' });
    }
    const target = indicator.target;
    if (target && !findValueInQuote(target.quote, target.value).found) {
      const read = numbersInQuote(target.quote).map((n) => n.text);
      ctx.addIssue({ code: 'custom', path: ['target', 'value'], message: `the value of the target as the quote states it; the quote reads ${read.length > 0 ? read.join(', ') : 'no number'}` });
    }
  });

const catalogueSchema = z.strictObject({ indicators: z.array(z.unknown()) });

function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), '$');
}

/**
 * Validates the parsed content of `indicators.json`. Returns the indicators
 * that are valid, the ids of entries that are not (so rows using them are told
 * the entry is broken, not pointed at another indicator), and an issue for each
 * problem, named by the indicator's id and the line its id stands on.
 */
export function parseCatalogue(json: unknown, file: string, text = ''): { indicators: Indicator[]; brokenIds: Set<string>; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const brokenIds = new Set<string>();
  const top = catalogueSchema.safeParse(json);
  if (!top.success) {
    return { indicators: [], brokenIds, issues: [{ file, path: '$', expected: 'an object {"indicators": [ … ]}' }] };
  }
  const indicators: Indicator[] = [];
  const seen = new Map<string, number>();
  top.data.indicators.forEach((entry, index) => {
    const rawId = (entry as { id?: unknown } | null)?.id;
    const id = typeof rawId === 'string' ? rawId : undefined;
    const where = id !== undefined ? `indicator "${id}"` : `$.indicators[${index}] (no id)`;
    const line = id !== undefined ? lineOfId(text, id) : undefined;
    const parsed = indicatorSchema.safeParse(entry);
    if (!parsed.success) {
      if (id !== undefined) brokenIds.add(id);
      for (const problem of parsed.error.issues) {
        const found = valueAt(entry, problem.path);
        issues.push({
          file,
          ...(line !== undefined ? { line } : { path: jsonPath(['indicators', index]) }),
          field: `${where} → ${problem.path.length > 0 ? problem.path.map(String).join('.') : 'entry'}`,
          found: found === undefined ? undefined : typeof found === 'string' ? found : JSON.stringify(found),
          expected: problem.message.replace(/^Invalid input: expected /, ''),
        });
      }
      return;
    }
    const first = seen.get(parsed.data.id);
    if (first !== undefined) {
      issues.push({ file, ...(line !== undefined ? { line } : { path: jsonPath(['indicators', index, 'id']) }), field: `${where} → id`, found: parsed.data.id, expected: `a unique id; it is already used by entry ${first + 1} of the list` });
      return;
    }
    seen.set(parsed.data.id, index);
    indicators.push(parsed.data as Indicator);
  });
  return { indicators, brokenIds, issues };
}

function valueAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { articleSchema } from './lib/content/articles.ts';
import { contentDirectory, getSiteModel } from './lib/site/load-site.ts';

const base = contentDirectory();
const knownIndicators = new Set(getSiteModel().indicators.map((indicator) => indicator.id));

/**
 * Articles: `content/articles/<lang>/<slug>.mdx`. scripts/build.ts validates
 * them first with the same schema and reports file and line.
 */
const articles = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: `${base}/articles` }),
  schema: articleSchema(knownIndicators),
});

/** Optional editor's commentary on a month's bulletin: `content/months/<lang>/YYYY-MM.mdx`. */
const monthNotes = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: `${base}/months` }),
  schema: z.strictObject({
    /** Optional heading above the commentary. */
    title: z.string().min(1).optional(),
  }),
});

/**
 * Standing pages (about, methodology), one MDX file per language:
 * `content/pages/<lang>/<slug>.mdx`. The slug is the page's URL in both languages.
 */
const pages = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: `${base}/pages` }),
  schema: z.strictObject({
    /** Page title, shown as the heading and in the browser tab. */
    title: z.string().min(1),
    /** One-sentence summary for search engines and link previews. */
    description: z.string().min(1),
  }),
});

export const collections = { articles, monthNotes, pages };

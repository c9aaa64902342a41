import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * Standing pages (about, methodology), one MDX file per language:
 * `content/pages/<lang>/<slug>.mdx`. The slug is the page's URL in both languages.
 */
const pages = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: './content/pages' }),
  schema: z.strictObject({
    /** Page title, shown as the heading and in the browser tab. */
    title: z.string().min(1),
    /** One-sentence summary for search engines and link previews. */
    description: z.string().min(1),
  }),
});

export const collections = { pages };

// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import remarkGfm from 'remark-gfm';

// The site's public address; used for canonical URLs and hreflang alternates.
const site = process.env.SITE_URL ?? 'https://de-an-06.example.org';

export default defineConfig({
  site,
  trailingSlash: 'always',
  // The build script (scripts/build.ts) passes a temporary outDir so a failed
  // build never touches the last good dist/.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  integrations: [mdx({ remarkPlugins: [remarkGfm] })],
  i18n: {
    locales: ['vi', 'en'],
    defaultLocale: 'vi',
    routing: { prefixDefaultLocale: false },
  },
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});

// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';

import { siteAddress } from './src/lib/site/address.ts';

// The site's public origin and base path (SITE_URL, BASE_PATH; unset: the local preview server).
// See src/lib/site/address.ts.
const address = siteAddress();

export default defineConfig({
  site: address.root,
  base: address.base,
  trailingSlash: 'always',
  // The build script (scripts/build.ts) passes a temporary outDir so a failed
  // build never touches the last good dist/.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  // Astro 7's default Markdown engine (Sätteri) ignores remark plugins; the
  // unified processor runs remark-gfm, and MDX inherits it.
  markdown: { processor: unified({ remarkPlugins: [remarkGfm] }) },
  integrations: [
    mdx(),
    // No @astrojs/sitemap: it pairs languages only by equal paths (article slugs differ) and knows no page's date.
    // The sitemap is src/pages/sitemap-index.xml.ts + sitemap-0.xml.ts over src/lib/site/sitemap.ts.
  ],
  i18n: {
    locales: ['vi', 'en'],
    defaultLocale: 'vi',
    routing: { prefixDefaultLocale: false },
  },
  // No inline <style>: every page works under style-src 'self' (see src/lib/site/security-headers.ts).
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  vite: {
    build: {
      // Astro inlines bundled scripts smaller than this limit into the page; 0 keeps every script an external
      // file, so every page works under script-src 'self' (no inline script; see src/lib/site/security-headers.ts).
      assetsInlineLimit: 0,
      rolldownOptions: {
        // MDX modules carry Astro's "use astro:head-inject" directive, which the
        // bundler warns about on every file although Astro handles it.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});

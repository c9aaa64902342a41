import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIContext } from 'astro';
import { renderPng } from '../../lib/png/index.ts';
import { ICONS, iconSvg } from '../../lib/site/site-files.ts';

/** PNG icons (192, 512, apple-touch-icon 180) drawn from public/favicon.svg with resvg and the bundled fonts. */
export function getStaticPaths() {
  return ICONS.map((icon) => ({ params: { name: icon.name }, props: { icon } }));
}

export function GET(context: APIContext) {
  const { icon } = context.props as { icon: (typeof ICONS)[number] };
  const favicon = readFileSync(join(process.cwd(), 'public', 'favicon.svg'), 'utf8') // the build runs in the project folder;
  return new Response(new Uint8Array(renderPng(iconSvg(favicon, icon.size, icon.square))), { headers: { 'content-type': 'image/png' } });
}

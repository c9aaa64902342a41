/**
 * /embed.js, the resizer host pages load (see src/lib/embed/embed.ts): written at build time with the site's own
 * origin (SITE_URL), which is the only origin it takes size messages from.
 */
import { resizerScript } from '../lib/embed/embed.ts';
import { siteAddress } from '../lib/site/address.ts';

export function GET(): Response {
  return new Response(resizerScript(siteAddress().origin), { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
}

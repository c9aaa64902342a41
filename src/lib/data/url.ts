/**
 * The one URL rule for everything rendered from data or content: a link is
 * a web address (`https:` or `http:`) with a host name. Anything else
 * (`javascript:`, `data:`, `file:`, a relative path) is refused at validation,
 * so no page ever renders it as a link.
 */
export function isWebUrl(text: string): boolean {
  if (/\s/u.test(text)) return false;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && /^[^.]+(\.[^.]+)+$/u.test(url.hostname);
}

/** What a maintainer reads when a link is refused. */
export const WEB_URL_EXPECTED = 'a web address starting with https:// (or http://), such as https://baochinhphu.vn/…';

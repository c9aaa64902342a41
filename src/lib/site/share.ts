/**
 * Share links: plain links to each network's own share page, no third-party script (the site's CSP would block one,
 * and none should track readers). Each opens in a new tab.
 *
 * - Facebook: the sharer (https://www.facebook.com/sharer/sharer.php?u=…); Facebook reads the page's Open Graph card.
 * - Zalo: Zalo documents only its SDK button (a script from sp.zalo.me); the plain link https://zalo.me/share?url=…
 *   opens Zalo's share page without it.
 * - X: the tweet intent (https://twitter.com/intent/tweet?url=…&text=…).
 */

export type ShareNetwork = 'facebook' | 'zalo' | 'x';

export interface ShareLink {
  network: ShareNetwork;
  /** The network's name, the same in both languages. */
  name: string;
  href: string;
}

const NAMES: Record<ShareNetwork, string> = { facebook: 'Facebook', zalo: 'Zalo', x: 'X' };

/**
 * The share links for a page (or a chart on it): `url` is absolute, `text` is what X pre-fills (the page or chart
 * title). Every value is encoded with encodeURIComponent, so "&", "#", spaces and Vietnamese letters survive.
 */
export function shareLinks(url: string, text: string): ShareLink[] {
  const u = encodeURIComponent(url);
  const hrefs: Record<ShareNetwork, string> = {
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${u}`,
    zalo: `https://zalo.me/share?url=${u}`,
    x: `https://twitter.com/intent/tweet?url=${u}&text=${encodeURIComponent(text)}`,
  };
  return (Object.keys(hrefs) as ShareNetwork[]).map((network) => ({ network, name: NAMES[network], href: hrefs[network] }));
}

/**
 * The site's address as a reader would type it, for pictures that travel without a link (link-preview cards, PNG
 * downloads): the host and the base path, no scheme, no trailing slash — "example.vn/de-an-06", "localhost:4321".
 */
export function displayAddress(address: { origin: string; base: string }): string {
  return `${new URL(address.origin).host}${address.base === '/' ? '' : address.base.replace(/\/$/, '')}`;
}

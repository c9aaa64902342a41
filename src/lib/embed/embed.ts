import { absoluteUrl } from '../site/address.ts';
import type { RenderedChart } from '../charts/render.ts';
import type { Locale } from '../data/types.ts';
import { localePath } from '../i18n/routes.ts';

/**
 * Embeds: every chart has a live page (`/embed/<id>/`, latest data) and a
 * pinned page per version (`/embed/v/<release>/<id>/`, never changes), in
 * both languages, plus a static oEmbed JSON. The iframe sizes itself through
 * `embed.js`, which listens for the message below.
 *
 * postMessage protocol (embed page → host page), version 1:
 *   { type: "de-an-06:embed-size", version: 1, chart: "<chart-id>", height: <CSS px> }
 * sent on load and whenever the embed's content height changes.
 */
export const EMBED_MESSAGE_TYPE = 'de-an-06:embed-size';

/** Locale-free path of an embed page: `embed/<id>` or `embed/v/<release>/<id>`. */
export function embedPath(chartId: string, release?: string): string {
  return release ? `embed/v/${release}/${chartId}` : `embed/${chartId}`;
}

export function embedUrl(locale: Locale, chartId: string, release?: string): string {
  return absoluteUrl(localePath(locale, embedPath(chartId, release)));
}

/** Static oEmbed JSON of a chart (latest version), per language. */
export function oembedUrl(locale: Locale, chartId: string): string {
  return absoluteUrl(`/oembed/${locale}/${chartId}.json`);
}

/** The resizer a host page loads once, whatever the number of embeds. */
export function resizerUrl(): string {
  return absoluteUrl('/embed.js');
}

/**
 * A default height (CSS px) at which the whole embed is visible without the
 * resizer, from 320 px to any width (the embed's chart is at most 720 px wide).
 */
export function defaultEmbedHeight(chart: RenderedChart): number {
  const lines = (text: string, perLine: number) => Math.ceil(text.length / perLine);
  // Qualified values ("hơn 45,2 triệu tài khoản") make takeaways longer and wrap earlier: count 32 characters a line.
  const header = lines(chart.title, 26) * 27 + lines(chart.takeaway, 32) * 22 + (chart.legend.length > 0 ? 26 * Math.ceil(chart.legend.length / 2) : 0);
  const notes = chart.notes.reduce((sum, note) => sum + lines(note, 40) * 19 + 4, 0);
  const svgHeight = (svg: string) => Number(/viewBox="0 0 [\d.]+ ([\d.]+)"/.exec(svg)?.[1] ?? 0);
  const plot = chart.svg ? Math.max(svgHeight(chart.svg.narrow) * (288 / 300), svgHeight(chart.svg.wide) * (720 / 680)) + (chart.shareSvg ? 40 : 0) : 0;
  const bigNumber = chart.bigNumber ? 150 + (chart.bigNumber.change ? 44 : 0) + (chart.bigNumber.sparkline ? 44 : 0) : 0;
  const footer = 30 /* data table toggle */ + 3 * 20 /* sources, version, link back */ + 48 /* padding */;
  return Math.ceil((header + plot + bigNumber + notes + footer + 24) / 10) * 10;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The width (CSS px) an embed is designed for: the iframe's `width` attribute and oEmbed's `width`. */
export const EMBED_WIDTH = 680;

/**
 * The snippet a journalist pastes: an iframe that works alone (lazy, titled, full width, a default height that
 * shows everything) and the resizer script. No inline script, so it works under a strict Content-Security-Policy.
 *
 * Width: HTML allows only a number of pixels in `width` ("100%" is invalid), so the iframe says `width="680"` (the
 * width the embed is designed for) and a `style` attribute makes it fill the host's column (`width:100%`) without a
 * border. The style attribute lives on the host's page, where our CSS does not reach; a host whose own CSP forbids
 * inline style attributes still gets a working 680 px iframe (most CMS themes cap iframes at `max-width:100%`).
 * No `frameborder`: it is obsolete in HTML.
 */
export function embedSnippet(options: { src: string; title: string; height: number; resizer: string }): string {
  return `<iframe src="${escapeAttribute(options.src)}" title="${escapeAttribute(options.title)}" width="${EMBED_WIDTH}" height="${options.height}" style="${EMBED_STYLE}" loading="lazy" data-de-an-06-embed></iframe>\n<script async src="${escapeAttribute(options.resizer)}"></script>`;
}

/** The iframe's inline style in the snippet: fill the host's column, no border. */
export const EMBED_STYLE = 'width:100%;max-width:100%;border:0';

import { absoluteUrl } from '../site/address.ts';
import type { RenderedChart } from '../charts/render.ts';
import { CHART_MAX_SCALE, CHART_SIZES } from '../charts/sizes.ts';
import type { Locale } from '../data/types.ts';
import { localePath } from '../i18n/routes.ts';

/**
 * Embeds: every chart has a live page (`/embed/<id>/`, latest data) and a
 * pinned page per version (`/embed/v/<release>/<id>/`, never changes), in
 * both languages, plus a static oEmbed JSON. The iframe sizes itself through
 * `embed.js` (written at build time by `resizerScript`), which listens for the message below.
 *
 * postMessage protocol (embed page → host page), version 1:
 *   { type: "de-an-06:embed-size", version: 1, chart: "<chart-id>", height: <CSS px, 1…20000> }
 * sent on load, whenever the embed's content height changes, and when the host's resizer asks for it with
 *   { type: "de-an-06:embed-request-size", version: 1 }   (host page → embed page, on the resizer's start).
 *
 * The resizer honours a message only when all of these hold: it comes from the site's own origin (written into
 * embed.js from SITE_URL; never "*"), its type and version are these, its height is a finite number, and it comes
 * from an `<iframe data-de-an-06-embed>` whose src has that origin. The height is clamped to 1…20000.
 */
export const EMBED_MESSAGE_TYPE = 'de-an-06:embed-size';
/**
 * host page → embed page: "report your height now". embed.js sends it to each of our iframes when it starts, so an
 * embed that loaded (and reported) before the script did still gets sized. It carries no data; the embed page only
 * answers with its size message.
 */
export const EMBED_REQUEST_TYPE = 'de-an-06:embed-request-size';
/** The protocol's version: a message with another (or none) is ignored. */
export const EMBED_PROTOCOL_VERSION = 1;
/** The heights (CSS px) the resizer sets; the embed page clamps what it sends the same way. */
export const EMBED_HEIGHT = { min: 1, max: 20_000 } as const;
/** The attribute that marks our iframes in a host page: the resizer touches no other iframe. */
export const EMBED_ATTRIBUTE = 'data-de-an-06-embed';
/** Set by the resizer on an iframe it has sized (tests and curious journalists read it). */
export const EMBED_RESIZED_ATTRIBUTE = 'data-de-an-06-resized';

export interface EmbedSizeMessage {
  type: typeof EMBED_MESSAGE_TYPE;
  version: typeof EMBED_PROTOCOL_VERSION;
  chart: string;
  height: number;
}

/** A height the resizer accepts: rounded up and clamped to 1…20000, or undefined when it is not a finite number. */
export function clampEmbedHeight(height: unknown): number | undefined {
  if (typeof height !== 'number' || !Number.isFinite(height)) return undefined;
  return Math.min(EMBED_HEIGHT.max, Math.max(EMBED_HEIGHT.min, Math.ceil(height)));
}

/** The message an embed page posts to its parent (see the protocol above). */
export function embedSizeMessage(chart: string, height: number): EmbedSizeMessage | undefined {
  const clamped = clampEmbedHeight(height);
  return clamped === undefined ? undefined : { type: EMBED_MESSAGE_TYPE, version: EMBED_PROTOCOL_VERSION, chart, height: clamped };
}

/** Locale-free path of an embed page: `embed/<id>` or `embed/v/<release>/<id>`. */
export function embedPath(chartId: string, release?: string): string {
  return release ? `embed/v/${release}/${chartId}` : `embed/${chartId}`;
}

export function embedUrl(locale: Locale, chartId: string, release?: string): string {
  return absoluteUrl(localePath(locale, embedPath(chartId, release)));
}

/** Locale-free path of a chart's static oEmbed JSON (latest version), per language. */
export function oembedPath(locale: Locale, chartId: string): string {
  return `/oembed/${locale}/${chartId}.json`;
}

/** Static oEmbed JSON of a chart (latest version), per language. */
export function oembedUrl(locale: Locale, chartId: string): string {
  return absoluteUrl(oembedPath(locale, chartId));
}

/** The resizer a host page loads once, whatever the number of embeds (written by src/pages/embed.js.ts). */
export function resizerUrl(): string {
  return absoluteUrl('/embed.js');
}

/**
 * The source of `embed.js`, for a site served from `origin` (e.g. `https://example.vn`, from SITE_URL): a classic
 * script without inline code or styles, so it works under a host's strict Content-Security-Policy, loaded with
 * `<script async src>` as the snippet does, by a tag manager, inlined or self-hosted by the CMS — the origin it
 * trusts is written in, not guessed from where the script was loaded. Several copies on a page are harmless.
 */
export function resizerScript(origin: string): string {
  const expected = new URL(origin).origin;
  if (expected === 'null') throw new Error(`resizerScript: "${origin}" has no origin`);
  const constants = {
    ORIGIN: expected,
    TYPE: EMBED_MESSAGE_TYPE,
    REQUEST: EMBED_REQUEST_TYPE,
    VERSION: EMBED_PROTOCOL_VERSION,
    MIN: EMBED_HEIGHT.min,
    MAX: EMBED_HEIGHT.max,
    ATTRIBUTE: EMBED_ATTRIBUTE,
    RESIZED: EMBED_RESIZED_ATTRIBUTE,
  };
  return `/*
 * Đề án 06 qua số liệu — embed resizer for ${expected}. Include once on a page with one or
 * more of our iframes (<iframe ${EMBED_ATTRIBUTE} src="${expected}/…">); it sets each one's height to its content.
 * Protocol (version ${EMBED_PROTOCOL_VERSION}): the embed posts to its parent
 *   { type: "${EMBED_MESSAGE_TYPE}", version: ${EMBED_PROTOCOL_VERSION}, chart: "<id>", height: <px> }
 * Honoured only from ${expected}, from an iframe marked ${EMBED_ATTRIBUTE} whose src is on that origin,
 * with a finite height, clamped to ${EMBED_HEIGHT.min}…${EMBED_HEIGHT.max} px. No inline code, no styles: it works
 * under a strict Content-Security-Policy.
 */
(function () {
  'use strict';
${Object.entries(constants).map(([name, value]) => `  var ${name} = ${JSON.stringify(value)};`).join('\n')}
  var key = '__deAn06Resizer ' + ORIGIN;
  if (window[key]) return;
  window[key] = true;
  function originOf(src) {
    try {
      return new URL(src, location.href).origin;
    } catch (error) {
      return '';
    }
  }
  function ours() {
    var found = [];
    var frames = document.querySelectorAll('iframe[' + ATTRIBUTE + ']');
    for (var i = 0; i < frames.length; i++) if (originOf(frames[i].src) === ORIGIN) found.push(frames[i]);
    return found;
  }
  window.addEventListener('message', function (event) {
    if (event.origin !== ORIGIN) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== TYPE || data.version !== VERSION) return;
    if (typeof data.height !== 'number' || !Number.isFinite(data.height)) return;
    var height = Math.min(MAX, Math.max(MIN, Math.ceil(data.height)));
    var frames = ours();
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow !== event.source) continue;
      frames[i].setAttribute('height', String(height));
      frames[i].setAttribute(RESIZED, 'true');
    }
  });
  // Embeds that loaded before this script already sent their size: ask them again (a request carries no data;
  // any target because a frame still loading is not yet on ORIGIN, and posting to it with ORIGIN logs an error).
  var loaded = ours();
  for (var k = 0; k < loaded.length; k++) {
    if (loaded[k].contentWindow) loaded[k].contentWindow.postMessage({ type: REQUEST, version: VERSION }, '*');
  }
})();
`;
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
  // The tallest a rendering is shown in a frame at most 720 px wide: up to CHART_MAX_SCALE of the width it was drawn at.
  const svgs = chart.svg;
  const plot = svgs
    ? Math.max(...Object.entries(CHART_SIZES).map(([name, size]) => svgHeight(svgs[name as keyof typeof svgs]) * (Math.min(720, size.width * CHART_MAX_SCALE) / size.width))) + (chart.shareSvg ? 40 : 0)
    : 0;
  const bigNumber = chart.bigNumber ? 150 + (chart.bigNumber.change ? 44 : 0) + (chart.bigNumber.sparkline ? 44 : 0) : 0;
  const footer = 30 /* data table toggle */ + 4 * 20 /* sources, version, link back, link to the data */ + 48 /* padding */;
  return Math.ceil((header + plot + bigNumber + notes + footer + 24) / 10) * 10;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The width (CSS px) an embed is designed for: oEmbed's `width` (the embed builder previews 360 and 680 px). */
export const EMBED_WIDTH = 680;

/**
 * The snippet a journalist pastes: an iframe that works alone (lazy, titled,
 * full width, a default height that shows everything) and the resizer script.
 * No inline script or style, so it works under a strict Content-Security-Policy.
 *
 * `width="100%"` is not valid HTML (a width is a number of pixels), but it is the only way to fill the host's column
 * from markup alone: a `style` attribute is blocked by a host whose CSP forbids inline styles (and logs a violation),
 * and our CSS does not reach the host's page. The valid form (`width="680"`, the resizer setting `style.width` through
 * the CSSOM, which a CSP allows) needs the resizer to do it first. Our own pages never carry this markup as HTML (the
 * snippet is text in a textarea and in oEmbed JSON; the embed builder's preview frame has numeric widths).
 */
export function embedSnippet(options: { src: string; title: string; height: number; resizer: string }): string {
  return `<iframe src="${escapeAttribute(options.src)}" title="${escapeAttribute(options.title)}" width="100%" height="${options.height}" loading="lazy" frameborder="0" ${EMBED_ATTRIBUTE}></iframe>\n<script async src="${escapeAttribute(options.resizer)}"></script>`;
}

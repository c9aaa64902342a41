/** PNG pictures drawn at build time: link-preview cards and downloadable charts. Pure: no Astro imports. */
export { renderPng, renderPngAsync, pngSize } from './render.ts';
export type { PngOptions } from './render.ts';
export { shareCardSvg, SHARE_CARD } from './share-card.ts';
export type { ShareCardInput } from './share-card.ts';
export { chartImageSvg } from './chart-image.ts';
export type { ChartImageInput } from './chart-image.ts';
export { FONT_FAMILY, fontFiles, textWidth } from './fonts.ts';

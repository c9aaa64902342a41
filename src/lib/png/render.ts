/**
 * SVG → PNG with resvg, drawn only with the bundled fonts (never the machine's); for the files the site publishes,
 * then reduced to a palette of at most 256 colours by libimagequant (through sharp): the same picture to the eye
 * in about 40% of the bytes, for readers on slow networks and for what each new month changes.
 */
import { Resvg, renderAsync } from '@resvg/resvg-js';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import sharp from 'sharp';
import { FONT_FAMILY, fontFiles } from './fonts.ts';

export interface PngOptions {
  /** Output width in pixels (height follows the aspect ratio). */
  width?: number;
  /** Scale factor, e.g. 2 for a sharp picture on high-density screens. Ignored when `width` is given. */
  zoom?: number;
}

function resvgOptions(options: PngOptions): ResvgRenderOptions {
  return {
    font: {
      fontFiles: fontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
      serifFamily: FONT_FAMILY,
      monospaceFamily: FONT_FAMILY,
      cursiveFamily: FONT_FAMILY,
      fantasyFamily: FONT_FAMILY,
    },
    fitTo: options.width !== undefined ? { mode: 'width', value: options.width } : options.zoom !== undefined ? { mode: 'zoom', value: options.zoom } : { mode: 'original' },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'error',
  };
}

/** Renders SVG markup to a PNG. */
export function renderPng(svg: string, options: PngOptions = {}): Buffer {
  return new Resvg(svg, resvgOptions(options)).render().asPng();
}

/** The same, off the main thread (libuv's pool): several renders run in parallel. */
export async function renderPngAsync(svg: string, options: PngOptions = {}): Promise<Buffer> {
  return (await renderAsync(svg, resvgOptions(options))).asPng();
}

/**
 * The palette encoding: the fewest colours that keep the picture at quality 90 of 100 (charts have few colours;
 * anti-aliased text and lines need the rest), not dithered (a chart's flat areas stay flat), libimagequant's quickest
 * effort and zlib's level 6. Measured on the site's charts: 40% of resvg's bytes, in about 60 ms a picture (dithered,
 * level 9: 3% smaller, 100 ms). Deterministic: the same picture always gives the same bytes.
 */
export const PALETTE_PNG = { palette: true, quality: 90, effort: 1, compressionLevel: 6, dither: 0 } as const;

/** What makes a palette PNG's bytes besides the picture: sharp's and libvips' versions and the encoding. */
export function paletteEncoderIdentity(): string {
  return JSON.stringify({ sharp: sharp.versions, encoding: PALETTE_PNG });
}

/**
 * Renders SVG markup to a palette PNG (see PALETTE_PNG): what the site publishes. resvg's pixels go to sharp as they
 * are (premultiplied RGBA), with no PNG encoded and decoded between the two.
 */
export async function renderPalettePng(svg: string, options: PngOptions = {}): Promise<Buffer> {
  const image = new Resvg(svg, resvgOptions(options)).render();
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4, premultiplied: true } }).png(PALETTE_PNG).toBuffer();
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** SVG → PNG with resvg, drawn only with the bundled fonts (never the machine's). */
import { Resvg, renderAsync } from '@resvg/resvg-js';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
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

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

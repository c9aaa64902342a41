/**
 * The fonts every PNG is drawn with: Noto Sans Regular and Bold, bundled in
 * assets/fonts/ so the pictures never depend on the machine's fonts (CI
 * machines may have none), and advance widths read from the same files so
 * text can be measured and wrapped before it is drawn.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FONT_FAMILY = 'Noto Sans';
const FILES = { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' } as const;
export type FontWeight = keyof typeof FILES;

let cachedDir: string | undefined;

/** assets/fonts/, found next to this module's source, or under the working directory (e.g. when bundled). */
export function fontDir(): string {
  if (cachedDir) return cachedDir;
  const candidates = [fileURLToPath(new URL('../../../assets/fonts/', import.meta.url)), join(process.cwd(), 'assets', 'fonts')];
  const found = candidates.find((dir) => existsSync(join(dir, FILES.regular)));
  if (!found) throw new Error(`Bundled fonts not found; looked in ${candidates.join(', ')}`);
  cachedDir = found;
  return found;
}

export function fontFiles(): string[] {
  return [join(fontDir(), FILES.regular), join(fontDir(), FILES.bold)];
}

interface Metrics {
  unitsPerEm: number;
  glyphOf: (codePoint: number) => number;
  advances: Uint16Array;
  widths: Map<number, number>;
}

const metrics = new Map<FontWeight, Metrics>();

/** Width of `text` set in Noto Sans at `fontSize`, from the font's advance widths (no kerning: a close upper bound). */
export function textWidth(text: string, fontSize: number, weight: FontWeight = 'regular'): number {
  const m = metricsOf(weight);
  let units = 0;
  for (const char of text.normalize('NFC')) {
    const codePoint = char.codePointAt(0)!;
    let width = m.widths.get(codePoint);
    if (width === undefined) {
      const glyph = m.glyphOf(codePoint);
      width = m.advances[Math.min(glyph, m.advances.length - 1)] ?? 0;
      m.widths.set(codePoint, width);
    }
    units += width;
  }
  return (units / m.unitsPerEm) * fontSize;
}

function metricsOf(weight: FontWeight): Metrics {
  let m = metrics.get(weight);
  if (!m) {
    m = parseMetrics(readFileSync(join(fontDir(), FILES[weight])));
    metrics.set(weight, m);
  }
  return m;
}

/** Reads head, hhea, hmtx and cmap (format 4 or 12) of a TrueType font: enough to measure text. */
function parseMetrics(font: Buffer): Metrics {
  const tables = new Map<string, number>();
  const numTables = font.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    tables.set(font.toString('latin1', record, record + 4), font.readUInt32BE(record + 8));
  }
  const table = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`Font has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = font.readUInt16BE(table('head') + 18);
  const numberOfHMetrics = font.readUInt16BE(table('hhea') + 34);
  const numGlyphs = font.readUInt16BE(table('maxp') + 4);
  const hmtx = table('hmtx');
  const advances = new Uint16Array(numGlyphs);
  for (let g = 0; g < numGlyphs; g++) advances[g] = font.readUInt16BE(hmtx + 4 * Math.min(g, numberOfHMetrics - 1));
  return { unitsPerEm, glyphOf: cmapLookup(font, table('cmap')), advances, widths: new Map() };
}

function cmapLookup(font: Buffer, cmap: number): (codePoint: number) => number {
  const count = font.readUInt16BE(cmap + 2);
  const subtables: Array<{ platform: number; encoding: number; offset: number; format: number }> = [];
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + i * 8;
    const offset = cmap + font.readUInt32BE(record + 4);
    subtables.push({ platform: font.readUInt16BE(record), encoding: font.readUInt16BE(record + 2), offset, format: font.readUInt16BE(offset) });
  }
  const full = subtables.find((s) => s.platform === 3 && s.encoding === 10 && s.format === 12);
  if (full) {
    const groups = font.readUInt32BE(full.offset + 12);
    return (codePoint) => {
      for (let i = 0; i < groups; i++) {
        const group = full.offset + 16 + i * 12;
        const start = font.readUInt32BE(group);
        const end = font.readUInt32BE(group + 4);
        if (codePoint >= start && codePoint <= end) return font.readUInt32BE(group + 8) + codePoint - start;
      }
      return 0;
    };
  }
  const bmp = subtables.find((s) => (s.platform === 3 || s.platform === 0) && s.format === 4);
  if (!bmp) throw new Error('Font has no usable cmap subtable');
  const base = bmp.offset;
  const segX2 = font.readUInt16BE(base + 6);
  const ends = base + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let s = 0; s < segX2; s += 2) {
      if (codePoint > font.readUInt16BE(ends + s)) continue;
      const start = font.readUInt16BE(starts + s);
      if (codePoint < start) return 0;
      const delta = font.readInt16BE(deltas + s);
      const rangeOffset = font.readUInt16BE(rangeOffsets + s);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = font.readUInt16BE(rangeOffsets + s + rangeOffset + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

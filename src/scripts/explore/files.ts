/**
 * The files of an explorer view, written in the browser; loaded on the first download only. CSV and JSON come from
 * the same records as the table shown (downloads/chart-records.ts, the build's columns); SVG is the drawn chart made
 * to stand alone (colours and type resolved from the page's CSS into attributes, a title, the range, the sources
 * and the data version); PNG is that SVG drawn at 2× on a canvas.
 */
import type { ChartView } from '../../lib/charts/view.ts';
import { CHART_SIZES } from '../../lib/charts/view.ts';
import type { Locale } from '../../lib/data/types.ts';
import type { ChartFileContext } from '../../lib/downloads/chart-records.ts';
import { chartCsv, chartJson } from '../../lib/downloads/chart-records.ts';
import { figureWord } from '../../lib/i18n/figure-words.ts';
import { publisherLabel } from '../../lib/site/display.ts';

export interface ViewFiles {
  view: ChartView;
  locale: Locale;
  dataVersion: string;
  /** The drawn wide SVG. */
  svg: SVGSVGElement;
  /** The chart's figure, for its colours and type. */
  figure: HTMLElement;
  /** File name with its extension. */
  name: string;
  /** The range in words ("Từ tháng 1/2024 đến tháng 10/2025"), or ''. */
  range: string;
  context: ChartFileContext;
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The drawn chart as a file that stands alone. */
export function standaloneSvg(files: ViewFiles): string {
  const { svg: live, view, locale, figure } = files;
  const copy = live.cloneNode(true) as SVGSVGElement;
  const originals = [live, ...live.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((node, k) => {
    const style = getComputedStyle(node);
    const target = copies[k]!;
    for (const property of ['fill', 'stroke', 'color', 'stroke-opacity'] as const) {
      const value = style.getPropertyValue(property);
      if (value) target.setAttribute(property, value);
    }
  });
  const background = getComputedStyle(document.body).backgroundColor || '#fff';
  const foreground = getComputedStyle(figure).color;
  const { width, height: chartHeight } = CHART_SIZES.wide;
  copy.setAttribute('x', '0');
  copy.setAttribute('y', '64');
  copy.setAttribute('font-family', 'inherit');
  const publishers = [...new Set(view.sources.map((s) => publisherLabel(s, locale)))].join('; ');
  const footer = `${figureWord(locale, 'figure.source')}: ${publishers} · ${figureWord(locale, 'site.name')} · ${figureWord(locale, 'footer.version')}: ${files.dataVersion}`;
  const height = chartHeight + 64 + 40;
  const text = (y: number, size: number, content: string, bold = false) => `<text x="0" y="${y}" font-size="${size}"${bold ? ' font-weight="bold"' : ''} fill="${foreground}">${escape(content)}</text>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escape(getComputedStyle(figure).fontFamily)}">`
    + `<rect width="100%" height="100%" fill="${background}"/>`
    + text(22, 18, view.title, true)
    + text(46, 13, files.range)
    + new XMLSerializer().serializeToString(copy)
    + `${text(height - 12, 11, footer)}</svg>`;
}

/** Writes one file of the view and hands it to the browser as a download. */
export async function saveView(kind: string, files: ViewFiles): Promise<void> {
  const { view, locale, name } = files;
  if (kind === 'csv') return save(new Blob([chartCsv(view, locale)], { type: 'text/csv;charset=utf-8' }), name);
  if (kind === 'json') return save(new Blob([chartJson(view, files.context)], { type: 'application/json' }), name);
  const svg = standaloneSvg(files);
  if (kind === 'svg') return save(new Blob([svg], { type: 'image/svg+xml' }), name);
  // A data: URL, not a blob: one: the site's CSP allows images from 'self' and data: only.
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth * 2;
  canvas.height = image.naturalHeight * 2;
  const context = canvas.getContext('2d')!;
  context.scale(2, 2);
  context.drawImage(image, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob) save(blob, name);
}

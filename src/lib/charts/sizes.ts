/**
 * Chart sizes, apart from the chart code (view.ts re-exports them): embed.ts and the embed builder's browser module
 * need these numbers only, not the layout, text and formatting code of view.ts.
 */
/**
 * The widths a chart is drawn at, so that its text is the same size in every context (indicator pages, stories,
 * embeds, phones): an SVG is never shown below CHART_MIN_SCALE nor above CHART_MAX_SCALE of the width it was drawn
 * at, so 13-unit text reads at 11.3–14 px. The page picks one by its container's width (global.css, "Chart sizes");
 * past a rendering's largest scale it stays at that width rather than grow. Downloads use `wide` (680).
 */
export const CHART_SIZES = {
  narrow: { width: 300, height: 230 },
  medium: { width: 480, height: 280 },
  wide: { width: 680, height: 320 },
  full: { width: 1000, height: 420 },
} as const;

export type ChartSizeName = keyof typeof CHART_SIZES;

/** The renderings of one chart, one per size. */
export type ChartSvgs = Record<ChartSizeName, string>;

/** The smallest and largest scale a rendering is shown at (global.css "Chart sizes" keeps to them): 13 px text reads 11.3–14 px. */
export const CHART_MIN_SCALE = 0.87;
export const CHART_MAX_SCALE = 14 / 13;

/**
 * The data the explorer fetches for one indicator (/explore-data/<id>.json) and the series it makes of them. Apart
 * from state.ts, which the embed builder also loads: the builder needs the view's address, not the series code.
 */
import type { Figure, Indicator } from '../data/types.ts';
import type { Series } from '../data/series.ts';
import { buildSeries } from '../data/series.ts';

/** What the browser fetches for one indicator: the catalogue entry and its figures in release order (src/pages/explore-data/). */
export interface IndicatorData {
  indicator: Indicator;
  figures: Figure[];
  /** The release of the indicator's newest figure (not the site's), so a month that adds nothing to it leaves the file unchanged. */
  dataVersion: string;
}

/** The series of an indicator from its data file: the same `buildSeries` the build runs. */
export function seriesFromData(data: IndicatorData): Series {
  return buildSeries(data.indicator, data.figures);
}


import type { ChartSpec } from '../charts/spec.ts';
import { defaultChartFor, indicatorsOf } from '../charts/spec.ts';
import type { ChartData } from '../charts/render.ts';
import { drawOnce } from '../charts/render.ts';
import { seriesAt } from '../data/releases.ts';
import { pinnedDataset } from '../downloads/pinned.ts';
import type { SiteModel } from './model.ts';

/**
 * Which charts each page shows. Chart ids are stable: an indicator's main
 * chart has the indicator's id, its progress bar `<id>-progress`, its
 * comparison with sibling indicators `<id>-compare`.
 */

/** The data charts are drawn from: the latest release, or the dataset as it stood after `releaseId`. */
const dataByRelease = new WeakMap<SiteModel, Map<string, ChartData>>();

export function chartDataAt(model: SiteModel, releaseId?: string): ChartData {
  const version = releaseId ?? model.latestRelease?.id ?? '';
  // The latest release drawn with today's catalogue, unless it is pinned with its own.
  if (releaseId === undefined || (releaseId === model.latestRelease?.id && !model.dataset.pinnedCatalogues?.has(releaseId))) {
    drawOnce(model.series); // the live charts are drawn once per build, whichever page asks first
    return { series: model.series, dataVersion: version };
  }
  const cache = dataByRelease.get(model) ?? new Map<string, ChartData>();
  dataByRelease.set(model, cache);
  // A pinned release is drawn with its own catalogue: later renamings do not reach it.
  const cached = cache.get(releaseId) ?? { series: seriesAt(pinnedDataset(model.dataset, releaseId), releaseId), dataVersion: version };
  cache.set(releaseId, cached);
  return cached;
}

/**
 * Indicators of the same topic, unit and kind that have figures: what an indicator is set beside.
 * A comparison shows one measure in one unit: a running total is never set beside a flow or a level.
 */
function siblingsOf(model: SiteModel, id: string): string[] {
  const indicator = model.indicatorsById.get(id)!;
  return model.indicators
    .filter((other) => other.topic === indicator.topic && other.unit.vi === indicator.unit.vi && other.kind === indicator.kind && (model.series.get(other.id)?.points.length ?? 0) > 0)
    .map((other) => other.id);
}

/** The charts of an indicator page: its history (or big number), progress toward its total, a comparison with its siblings. */
export function indicatorCharts(model: SiteModel, id: string, data: ChartData = chartDataAt(model)): ChartSpec[] {
  const series = data.series.get(id);
  if (!series || series.points.length === 0) return [];
  const charts: ChartSpec[] = [defaultChartFor(series)];
  const last = series.points.at(-1)!;
  if (series.indicator.kind === 'count-of-total' && last.total !== undefined && charts[0]!.kind !== 'progress') {
    charts.push({ id: `${id}-progress`, kind: 'progress', indicator: id });
  }
  const siblings = siblingsOf(model, id).filter((other) => (data.series.get(other)?.points.length ?? 0) > 0);
  if (siblings.length >= 2 && siblings.length <= 8) {
    charts.push({
      id: `${id}-compare`,
      kind: 'comparison',
      indicators: siblings,
      title: {
        vi: `${series.indicator.name.vi} và các chỉ số cùng chủ đề, cùng đơn vị: số mới nhất của mỗi chỉ số`,
        en: `${series.indicator.name.en} and indicators of the same topic and unit: the latest figure of each`,
      },
    });
  }
  return charts;
}

/**
 * The charts the home page placed until it led with the news (a big number per headline indicator, the longest
 * history among them, progress bars, comparisons). The home page now shows cards (src/lib/site/headline.ts); these
 * charts keep their ids, embed pages and downloads so that embeds already published keep working.
 */
export function homeCharts(model: SiteModel): { bigNumbers: ChartSpec[]; lead?: ChartSpec; progress: ChartSpec[]; comparisons: ChartSpec[] } {
  const featured = model.indicators.filter((i) => i.featured && (model.series.get(i.id)?.points.length ?? 0) > 0);
  const bigNumbers: ChartSpec[] = featured.map((i) => ({ id: `${i.id}-headline`, kind: 'big-number', indicator: i.id }));
  const longest = [...featured].sort((a, b) => model.series.get(b.id)!.points.length - model.series.get(a.id)!.points.length)[0];
  const lead: ChartSpec | undefined = longest && model.series.get(longest.id)!.points.length > 1 ? { id: longest.id, kind: 'time-series', indicators: [longest.id] } : undefined;
  const progress: ChartSpec[] = featured
    .filter((i) => i.kind === 'count-of-total' && model.series.get(i.id)!.points.at(-1)?.total !== undefined)
    .map((i) => ({ id: `${i.id}-progress`, kind: 'progress', indicator: i.id }));
  // Headline indicators of one topic and unit are compared side by side.
  const groups = new Map<string, string[]>();
  for (const indicator of featured) {
    const key = `${indicator.topic}|${indicator.unit.vi}|${indicator.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), indicator.id]);
  }
  // Ids are unique by construction: the first group of a topic keeps the plain id, later ones are numbered.
  const perTopic = new Map<string, number>();
  const comparisons: ChartSpec[] = [...groups.values()]
    .filter((ids) => ids.length >= 2)
    .map((ids) => {
      const first = model.indicatorsById.get(ids[0]!)!;
      const n = (perTopic.get(first.topic) ?? 0) + 1;
      perTopic.set(first.topic, n);
      return {
        id: `${first.topic}-headline-compare${n > 1 ? `-${n}` : ''}`,
        kind: 'comparison',
        indicators: ids,
        title: { vi: `So sánh: ${ids.map((id) => model.indicatorsById.get(id)!.name.vi.toLowerCase()).join(', ')}`, en: `Compared: ${ids.map((id) => model.indicatorsById.get(id)!.name.en).join(', ')}` },
      };
    });
  return { bigNumbers, ...(lead ? { lead } : {}), progress, comparisons };
}

/**
 * A chart's title in a language without drawing it, as `renderChart` gives it: the spec's own title, else the name of
 * its one indicator; the id when neither exists (an untitled comparison).
 */
export function chartTitle(spec: ChartSpec, indicators: ReadonlyMap<string, { name: Record<'vi' | 'en', string> }>, locale: 'vi' | 'en'): string {
  const own = spec.title?.[locale];
  if (own) return own;
  const ids = indicatorsOf(spec);
  return (spec.kind !== 'comparison' && ids.length === 1 ? indicators.get(ids[0]!)?.name[locale] : undefined) ?? spec.id;
}

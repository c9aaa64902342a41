import { defaultChartFor } from '../charts/spec.ts';
import type { Indicator } from '../data/types.ts';
import { axisKey, MAX_INDICATORS, monthsSpanned } from '../explore/state.ts';
import type { SiteModel } from './model.ts';

/**
 * What the explorer offers, decided at build time from the catalogue and the data: the indicators that have a
 * history to draw (their own chart is a time series), which of them share an axis, the months to choose from,
 * and the ready-made comparisons listed (and drawn) on the explore page.
 */

/** The explore page's locale-free path in each language: /kham-pha/ and /en/explore/. */
export const EXPLORE_PATH = { vi: 'kham-pha', en: 'explore' } as const;

/** Indicators whose own chart is a time series (two figures or more), in catalogue order; with `id`, those sharing its axis. */
export function explorerCandidates(model: SiteModel, id?: string): Indicator[] {
  const drawable = model.publishedIndicators.filter((indicator) => defaultChartFor(model.series.get(indicator.id)!).kind === 'time-series');
  if (id === undefined) return drawable;
  const own = model.indicatorsById.get(id);
  return own ? drawable.filter((indicator) => axisKey(indicator) === axisKey(own)) : [];
}

/** Every month from the first figure to the last of the given indicators (`YYYY-MM`): those on the explorer's chart. */
export function explorerMonths(model: SiteModel, indicators: readonly string[]): string[] {
  return monthsSpanned(indicators.map((id) => model.series.get(id)!));
}

/** A comparison listed on the explore page: indicators of one kind and unit, the longest histories first. */
export interface PresetComparison {
  indicators: string[];
  title: { vi: string; en: string };
}

/** One comparison per group of indicators sharing an axis (two or more with a history), at most MAX_INDICATORS each. */
export function presetComparisons(model: SiteModel): PresetComparison[] {
  const groups = new Map<string, Indicator[]>();
  for (const indicator of explorerCandidates(model)) groups.set(axisKey(indicator), [...(groups.get(axisKey(indicator)) ?? []), indicator]);
  return [...groups.values()]
    .filter((group) => group.length >= 2)
    .map((group) => {
      const chosen = [...group].sort((a, b) => model.series.get(b.id)!.points.length - model.series.get(a.id)!.points.length).slice(0, MAX_INDICATORS);
      return {
        indicators: chosen.map((i) => i.id),
        title: { vi: chosen.map((i) => i.name.vi).join(' · '), en: chosen.map((i) => i.name.en).join(' · ') },
      };
    });
}

/** The figures a comparison's chart holds (every figure of its indicators): what a page of many charts counts. */
export function presetFigureCount(model: SiteModel, preset: PresetComparison): number {
  return preset.indicators.reduce((sum, id) => sum + (model.series.get(id)?.points ?? []).reduce((n, point) => n + point.figures.length, 0), 0);
}

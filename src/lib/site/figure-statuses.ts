/**
 * The badges of the figures tables, derived from the series (never guessed
 * from the table): how a later figure for a date relates to what stood before
 * it, and which figures a true revision replaced. The four same-date
 * relations stay apart: a restatement or a rounding confirms, a revision
 * replaces, a disagreement leaves both standing.
 */
import type { ReleaseChanges } from '../data/releases.ts';
import { buildSeries, describedFigure } from '../data/series.ts';
import type { SeriesPoint } from '../data/series.ts';
import type { Figure, Indicator, SameDateRelation } from '../data/types.ts';
import type { FigureStatus } from '../i18n/ui.ts';

/** The badge of each same-date relation. */
export const RELATION_STATUS: Readonly<Record<SameDateRelation, FigureStatus>> = {
  restatement: 'restated',
  rounding: 'rounded',
  revision: 'revised',
  disagreement: 'disagrees',
  correction: 'correction',
};

/** Badges per figure; a figure may carry two (a revision a later release revised again). */
export type FigureStatuses = ReadonlyMap<Figure, readonly FigureStatus[]>;

function add(statuses: Map<Figure, FigureStatus[]>, figure: Figure, status: FigureStatus): void {
  const list = statuses.get(figure) ?? [];
  if (!list.includes(status)) list.push(status);
  statuses.set(figure, list);
}

/**
 * The badges of every figure of some series points: the relation of each later
 * figure for a date to the earlier one, and "superseded" on a figure that a
 * true revision (same publisher, later release) replaced. The first figure of a
 * date has no badge.
 */
export function pointStatuses(points: Iterable<SeriesPoint>): FigureStatuses {
  const statuses = new Map<Figure, FigureStatus[]>();
  for (const point of points) {
    for (const entry of point.sameDate) add(statuses, describedFigure(entry), RELATION_STATUS[entry.relation]);
    for (const revision of point.revisions) for (const previous of revision.previous) add(statuses, previous, 'superseded');
    for (const { relation, earlier } of point.sameDate) if (relation === 'correction') add(statuses, earlier, 'corrected');
  }
  return statuses;
}

/**
 * The badges of a set of figures of several indicators (a chart's rows), from
 * those figures alone: each indicator's series is rebuilt from them, so a chart
 * pinned to an old release shows the relations as they stood then.
 */
export function figureStatuses(figures: readonly Figure[], indicators: ReadonlyMap<string, Indicator>): FigureStatuses {
  const byIndicator = new Map<string, Figure[]>();
  for (const figure of figures) byIndicator.set(figure.indicator, [...(byIndicator.get(figure.indicator) ?? []), figure]);
  return pointStatuses([...byIndicator].flatMap(([id, list]) => buildSeries(indicators.get(id)!, list).points));
}

/**
 * The badges of a release's figures on its bulletin and on the home page: "new"
 * for the first figure of a date, else how it relates to the figure published
 * before it for that date.
 */
export function releaseStatuses(changes: ReleaseChanges): FigureStatuses {
  const statuses = new Map<Figure, FigureStatus[]>();
  const related = [...changes.restated, ...changes.disagreements, ...changes.corrections];
  const relatedFigures = new Set<Figure>([...related.map((s) => s.figure), ...changes.revisions.map((r) => r.figure)]);
  for (const figure of changes.newFigures) if (!relatedFigures.has(figure)) add(statuses, figure, 'new');
  // A rounding is marked on the rounded figure: when this release brings the exact one, it carries no badge.
  for (const entry of related) if (describedFigure(entry) === entry.figure) add(statuses, entry.figure, RELATION_STATUS[entry.relation]);
  for (const revision of changes.revisions) add(statuses, revision.figure, 'revised');
  return statuses;
}

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadDataset } from '../../src/lib/data/load.ts';
import { readDataDirectory } from '../../src/lib/data/read-directory.ts';
import { releaseChanges, seriesAt } from '../../src/lib/data/releases.ts';
import type { Series, SeriesPoint } from '../../src/lib/data/series.ts';
import type { Figure } from '../../src/lib/data/types.ts';
import { bulletinText } from '../../src/lib/bulletin/sentences.ts';
import { changeClause } from '../../src/lib/site/change.ts';
import { changeSentence, seriesSentence, takeawayFor } from '../../src/lib/charts/summary.ts';

/**
 * The generated text over the real data: no sentence states a change the
 * rules forbid. The checks below re-derive the rules from the figures
 * themselves (not from the code that writes the sentences), so a wrong rule
 * in the sentence code shows up here.
 */

const dataset = loadDataset(readDataDirectory(join(import.meta.dirname, '..', '..', 'data')));
const latest = seriesAt(dataset);
const nb = (s: string | undefined) => (s ?? '').replace(/\u00a0/g, ' ');

/** A stated change: a verb of change, in either language. */
const STATES_CHANGE = /\b(tăng|giảm|vượt mốc|không đổi|up|down|unchanged|past the)\b/u;
/** A precise difference: "tăng 3,7 triệu" with no "hơn"/"khoảng" after the verb. */
const PRECISE_CHANGE = /\b(tăng|giảm|up|down) (?!hơn|khoảng|more than|about)[\d−]/u;

const periodOf = (series: Series, figure: Figure) => {
  const period = figure.period ?? series.indicator.period;
  return period === undefined ? 'own' : period === 'unknown' ? 'unknown' : period.vi;
};

/** Why a change between two consecutive points must not be stated, re-derived from the figures. */
function forbidden(series: Series, index: number): string | undefined {
  const before = series.points[index - 1]!;
  const after = series.points[index]!;
  if (after.current.some((f) => f.seriesBreak)) return 'break';
  const periods = [...before.current, ...after.current].map((f) => periodOf(series, f));
  if (periods.includes('unknown') || new Set(periods).size > 1) return 'period';
  const publishersDiffer = (p: SeriesPoint) => new Set(p.current.map((f) => f.value)).size > 1;
  if (publishersDiffer(before) || publishersDiffer(after)) return 'disagreement';
  if (series.indicator.kind === 'cumulative') {
    let lastBreak = 0;
    series.points.forEach((p, i) => { if (i <= index && p.current.some((f) => f.seriesBreak)) lastBreak = i; });
    const earlier = series.points.slice(lastBreak, index + 1);
    for (let i = 1; i < earlier.length; i++) {
      const max = Math.max(...earlier.slice(0, i).map((p) => p.value));
      if (Math.min(...earlier[i]!.current.map((f) => f.value)) < max && (i === earlier.length - 1 || i === earlier.length - 2)) return 'running total reported lower';
    }
  }
  if (before.total !== after.total) return 'total';
  return undefined;
}

function checkClause(series: Series, index: number, clause: string, where: string): void {
  const why = forbidden(series, index);
  const before = series.points[index - 1]!;
  const after = series.points[index]!;
  if (why) expect(nb(clause), `${where}: states a change across a ${why}`).not.toMatch(STATES_CHANGE);
  if (before.current.some((f) => f.qualifier) || after.current.some((f) => f.qualifier)) {
    expect(nb(clause), `${where}: a precise difference from an approximate figure`).not.toMatch(PRECISE_CHANGE);
  }
}

describe('generated sentences over the real data', () => {
  it('every change clause (home cards, big numbers, takeaways, bulletins) keeps the rules', () => {
    let checked = 0;
    for (const series of latest.values()) {
      series.points.forEach((point, index) => {
        if (index === 0) return;
        for (const locale of ['vi', 'en'] as const) {
          checkClause(series, index, changeClause(series, point, locale) ?? '', `${series.indicator.id} ${point.asOf} ${locale}`);
          checked++;
        }
      });
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('every bulletin keeps the rules, as the data stood after its release', () => {
    for (const changes of releaseChanges(dataset)) {
      const series = seriesAt(dataset, changes.release.id);
      for (const locale of ['vi', 'en'] as const) {
        const text = bulletinText(changes, series, locale);
        for (const { indicator, clause } of text.changes) {
          const s = series.get(indicator.id)!;
          if (s.points.length < 2) continue;
          checkClause(s, s.points.length - 1, clause, `bulletin ${changes.release.id} ${indicator.id} ${locale}`);
        }
        const allNew = changes.newIndicators.length === new Set(changes.release.figures.map((f) => f.indicator)).size;
        if (allNew) expect(text.lede, `bulletin ${changes.release.id}: all indicators are new`).not.toMatch(/trong đó|of them/u);
      }
    }
  });

  it('takeaways, summaries and big-number lines never say "0 so với", "lần báo cáo trước", "giữ nguyên" or a doubled period', () => {
    for (const series of latest.values()) {
      for (const locale of ['vi', 'en'] as const) {
        const all = [takeawayFor(series, locale), seriesSentence(series, locale), changeSentence(series, locale) ?? ''].map(nb).join(' ');
        expect(all).not.toMatch(/\b0 so với|lần báo cáo trước|giữ nguyên|stayed at|\(([^()]+)\) \(\1\)/u);
      }
    }
  });

  it('every figure carries its quote, and a qualified quote gives a qualified figure', () => {
    for (const release of dataset.releases) {
      for (const figure of release.figures) {
        expect(figure.quote.text.length, `${figure.location.file}:${figure.location.line}`).toBeGreaterThan(10);
        if (/^(hơn|trên|gần|khoảng)\s/u.test(figure.quote.text.trim())) expect(figure.qualifier, `${figure.location.file}:${figure.location.line}`).toBeDefined();
      }
    }
  });
});

describe('the cases the fact-check found, on the real data', () => {
  const point = (id: string, asOf: string) => latest.get(id)!.points.find((p) => p.asOf === asOf)!;
  const lastClause = (id: string, asOf: string, locale: 'vi' | 'en' = 'vi') => nb(changeClause(latest.get(id)!, point(id, asOf), locale));

  it('pensions: "nearly 3.3 million" then "over 3.3 million" passed the mark; they are not "unchanged"', () => {
    const series = latest.get('pension-beneficiaries')!;
    expect(nb(changeClause(series, series.points.at(-1)!, 'vi'))).toMatch(/^vượt mốc 3,3 triệu/);
  });
  it('a rounding is not a revision: CCCD applications 27/4/2021', () => {
    const p = point('cccd-applications-received', '2021-04-27');
    expect(p.sameDate.map((s) => s.relation)).toEqual(['rounding']);
    expect(p.value).toBe(33_920_141);
  });
  it('two publishers disagreeing is not a revision: health facilities, June 2023', () => {
    const p = latest.get('hi-facilities-chip-id')!.points.find((x) => x.asOf.startsWith('2023-06'))!;
    expect(p.revisions).toEqual([]);
    expect(p.sourcesDisagree).toBe(true);
  });
  it('e-health records: "over 32 million" and 32,062,931 are one figure', () => {
    const p = latest.get('ehealth-records-created')!.points.find((x) => x.asOf === '2024-10-02')!;
    expect(p.sourcesDisagree).toBe(false);
    expect(p.sameDate.map((s) => s.relation)).toEqual(['rounding']);
  });
  it('welfare payments: no "+316,8 tỷ" from the 10 bn gift to the 326.8 bn total', () => {
    for (const p of latest.get('vneid-welfare-account-payments')!.points.slice(1)) expect(lastClause('vneid-welfare-account-payments', p.asOf)).not.toMatch(/316,8|tăng/);
  });
  it('new-law ID cards: no fall of 5.58 million and no rise of 13.1 million from the disputed 4 million', () => {
    for (const p of latest.get('cancuoc-cards-issued-since-2024-07')!.points.slice(1)) expect(lastClause('cancuoc-cards-issued-since-2024-07', p.asOf)).not.toMatch(/5,58|13,1|giảm/);
  });
  it('the CIF series holds only figures that say individual customer records', () => {
    for (const p of latest.get('bank-cif-biometric')!.points) {
      for (const f of p.figures) expect(f.quote.text, f.source.url).toMatch(/CIF|cá nhân|individual/i);
    }
  });
});

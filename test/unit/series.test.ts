import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/data/load.ts';
import { releaseChanges, seriesAt } from '../../src/lib/data/releases.ts';
import { latestChange } from '../../src/lib/data/series.ts';
import { AUGUST_2024_JSON, FIXTURE_INDICATORS, JULY_2024_CSV, SEPTEMBER_2024_CSV } from '../fixtures/fixture-data.ts';

const encoder = new TextEncoder();
const dataset = (months: Record<string, string>) =>
  loadDataset({
    catalogue: { file: 'indicators.json', text: JSON.stringify({ indicators: FIXTURE_INDICATORS }) },
    months: Object.entries(months).map(([name, text]) => ({ file: `months/${name}`, name, bytes: encoder.encode(text) })),
  });
const base = dataset({ '2024-07.csv': JULY_2024_CSV, '2024-08.json': AUGUST_2024_JSON });

describe('series', () => {
  it('sorts points by as-of date and resolves a revision to the latest release, keeping history', () => {
    const eid = seriesAt(base).get('eid-accounts-activated')!;
    expect(eid.points.map((p) => [p.asOf, p.value])).toEqual([['2024-06-30', 40000000], ['2024-07-15', 41500000], ['2024-08-20', 45200000]]);
    const revised = eid.points[1]!;
    expect(revised.figures.map((f) => [f.release, f.value])).toEqual([['2024-07', 41000000], ['2024-08', 41500000]]);
    expect(revised.revisions).toHaveLength(1);
    expect(revised.revisions[0]).toMatchObject({ release: '2024-08', figure: { value: 41500000 } });
    expect(revised.revisions[0]!.previous.map((f) => f.value)).toEqual([41000000]);
  });

  it('keeps gaps as gaps: no point is created for a month without a figure', () => {
    const uses = seriesAt(base).get('vneid-monthly-uses')!;
    expect(uses.points.map((p) => p.asOf)).toEqual(['2024-08']);
    const rate = seriesAt(dataset({ '2024-07.csv': JULY_2024_CSV, '2024-08.json': AUGUST_2024_JSON, '2024-09.csv': SEPTEMBER_2024_CSV })).get('online-dossier-rate')!;
    expect(rate.points.map((p) => p.asOf)).toEqual(['2024-07', '2024-09']);
  });

  it('the state after an earlier release ignores later releases', () => {
    const eid = seriesAt(base, '2024-07').get('eid-accounts-activated')!;
    expect(eid.points.map((p) => p.value)).toEqual([40000000, 41000000]);
  });

  it('latestChange gives the change since the previous report', () => {
    const { latest, previous, change } = latestChange(seriesAt(base).get('eid-accounts-activated')!);
    expect([latest?.value, previous?.value, change]).toEqual([45200000, 41500000, 3700000]);
  });

  it('flags disagreeing sources within a release', () => {
    const text = JULY_2024_CSV.replace(
      '\r\nessential',
      '\r\neid-accounts-activated,,41600000,,2024-07-15,,Other outlet,Other Daily,2024-07-21,https://example.org/other,Other Daily: 41.600.000 tài khoản.,,,,\r\nessential',
    );
    const point = seriesAt(dataset({ '2024-07.csv': text })).get('eid-accounts-activated')!.points[1]!;
    expect(point.sourcesDisagree).toBe(true);
    expect(point.current.map((f) => f.value)).toEqual([41000000, 41600000]);
  });
});

describe('releaseChanges', () => {
  const [july, august] = releaseChanges(base);

  it('the first release brings new indicators and only new figures', () => {
    expect(july!.newIndicators.map((i) => i.id)).toEqual(['eid-accounts-activated', 'essential-services-online', 'online-dossier-rate']);
    expect(july!.newFigures).toHaveLength(4);
    expect(july!.revisions).toEqual([]);
  });

  it('a later release: new indicators, new figures, changed latest values and revisions', () => {
    expect(august!.previousRelease?.id).toBe('2024-07');
    expect(august!.newIndicators.map((i) => i.id)).toEqual(['eid-accounts-level2', 'vneid-monthly-uses']);
    expect(august!.newFigures.map((f) => `${f.indicator}@${f.asOf}`)).toEqual([
      'eid-accounts-activated@2024-08-20',
      'essential-services-online@2024-08-10',
      'eid-accounts-level2@2024-08-20',
      'vneid-monthly-uses@2024-08',
    ]);
    expect(august!.revisions.map((r) => `${r.indicator}@${r.asOf}:${r.figure.value}`)).toEqual(['eid-accounts-activated@2024-07-15:41500000']);
    expect(august!.changedLatest.map((c) => [c.indicator.id, c.before?.value, c.after.value])).toEqual([
      ['eid-accounts-activated', 41500000, 45200000],
      ['eid-accounts-level2', undefined, 30100000],
      ['essential-services-online', 25, 54],
      ['vneid-monthly-uses', undefined, 1250000],
    ]);
  });

  it('a restated figure with the same value is not a revision', () => {
    const restating = AUGUST_2024_JSON.replace('"value": 41500000', '"value": 41000000').replace('41.5 million', '41 million');
    const [, changes] = releaseChanges(dataset({ '2024-07.csv': JULY_2024_CSV, '2024-08.json': restating }));
    expect(changes!.revisions).toEqual([]);
    expect(changes!.restated.map((s) => [s.relation, s.figure.value])).toEqual([['restatement', 41000000]]);
  });
});

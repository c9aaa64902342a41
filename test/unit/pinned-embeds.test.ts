/**
 * The build cache keys a pinned embed page by the data of its release (releaseDataIdentities): what that release and
 * every earlier one published, and the catalogue it is drawn with. A later month or a new figure elsewhere in time
 * must not reach an earlier release's pages; a corrected byte in an earlier month, or the catalogue, must.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/lib/data/types.ts';
import { releaseDataIdentities } from '../../scripts/lib/pinned-embeds.ts';
import { FIXTURE_INDICATORS } from '../fixtures/fixture-data.ts';
import { fixtureFigure } from '../snapshots/truth-fixtures.ts';

const id = FIXTURE_INDICATORS[0]!.id;
function dataset(values: number[], indicators = FIXTURE_INDICATORS): Dataset {
  const releases = values.map((value, i) => {
    const month = `2024-0${i + 1}`;
    return { id: month, file: `months/${month}.csv`, figures: [{ ...fixtureFigure(id, value, `${month}-01`), release: month }] };
  });
  return { indicators, releases };
}

describe('releaseDataIdentities', () => {
  const base = releaseDataIdentities(dataset([1, 2, 3]));

  it('gives each release its own identity, the same for the same data', () => {
    expect(new Set(base.values()).size).toBe(3);
    expect(releaseDataIdentities(dataset([1, 2, 3]))).toEqual(base);
  });

  it('keeps the identities of earlier releases when a month is added', () => {
    const more = releaseDataIdentities(dataset([1, 2, 3, 4]));
    for (const [release, identity] of base) expect(more.get(release)).toBe(identity);
  });

  it('changes a release and every later one when an earlier month changes, not an earlier one', () => {
    const changed = releaseDataIdentities(dataset([1, 5, 3]));
    expect(changed.get('2024-01')).toBe(base.get('2024-01'));
    expect(changed.get('2024-02')).not.toBe(base.get('2024-02'));
    expect(changed.get('2024-03')).not.toBe(base.get('2024-03'));
  });

  it('follows the catalogue a release is drawn with: today\'s, unless the lock pinned its own', () => {
    const renamed = FIXTURE_INDICATORS.map((indicator, i) => (i === 0 ? { ...indicator, name: { ...indicator.name, en: 'Renamed' } } : indicator));
    const withToday = releaseDataIdentities(dataset([1, 2, 3], renamed));
    for (const [release, identity] of base) expect(withToday.get(release)).not.toBe(identity);
    const pinned = releaseDataIdentities({ ...dataset([1, 2, 3], renamed), pinnedCatalogues: new Map([['2024-01', FIXTURE_INDICATORS], ['2024-02', FIXTURE_INDICATORS]]) });
    expect(pinned.get('2024-01')).toBe(base.get('2024-01'));
    expect(pinned.get('2024-02')).toBe(base.get('2024-02'));
    expect(pinned.get('2024-03')).not.toBe(base.get('2024-03'));
  });
});

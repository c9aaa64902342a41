/**
 * One SVG snapshot per chart kind, from fixture data, in both languages.
 * A mismatch writes `<name>-changed.svg` beside the expected file for a human
 * to compare; `UPDATE_SNAPSHOTS=1 npm test` rewrites the expected files.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/data/load.ts';
import { seriesAt } from '../../src/lib/data/releases.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import type { ChartSpec } from '../../src/lib/charts/spec.ts';
import { AUGUST_2024_JSON, FIXTURE_INDICATORS, JULY_2024_CSV } from '../fixtures/fixture-data.ts';
import { TRUTH_DATA, TRUTH_SPECS } from './truth-fixtures.ts';

const encoder = new TextEncoder();
const dataset = loadDataset({
  catalogue: { file: 'indicators.json', text: JSON.stringify({ indicators: FIXTURE_INDICATORS }) },
  months: Object.entries({ '2024-07.csv': JULY_2024_CSV, '2024-08.json': AUGUST_2024_JSON }).map(([name, text]) => ({ file: `months/${name}`, name, bytes: encoder.encode(text) })),
});
const data = { series: seriesAt(dataset), dataVersion: '2024-08' };
const expectedDir = join(import.meta.dirname, 'expected');

/** One element per line, numbers already rounded by the renderer: stable, readable diffs. */
function normalise(svg: string): string {
  return svg.replace(/></g, '>\n<').trim() + '\n';
}

function compareWithFile(name: string, actual: string): void {
  const expectedFile = join(expectedDir, `${name}.svg`);
  const changedFile = join(expectedDir, `${name}-changed.svg`);
  if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(expectedFile)) {
    if (process.env.CI && !existsSync(expectedFile)) throw new Error(`missing snapshot ${expectedFile}`);
    writeFileSync(expectedFile, actual);
  }
  const expected = readFileSync(expectedFile, 'utf8');
  if (expected !== actual) writeFileSync(changedFile, actual);
  else rmSync(changedFile, { force: true });
  expect(actual, `${name}: compare ${changedFile} with ${expectedFile}`).toBe(expected);
}

const SPECS: ChartSpec[] = [
  { id: 'eid-accounts-activated', kind: 'time-series', indicators: ['eid-accounts-activated'] },
  { id: 'identity-compare', kind: 'time-series', indicators: ['eid-accounts-activated', 'eid-accounts-level2'] },
  { id: 'essential-services-online-progress', kind: 'progress', indicator: 'essential-services-online' },
  { id: 'identity-headline-compare', kind: 'comparison', indicators: ['eid-accounts-activated', 'eid-accounts-level2'] },
  { id: 'eid-accounts-activated-headline', kind: 'big-number', indicator: 'eid-accounts-activated' },
];

describe('chart SVG snapshots', () => {
  for (const spec of SPECS) {
    for (const locale of ['vi', 'en'] as const) {
      it(`${spec.kind} ${spec.id} (${locale})`, () => {
        const chart = renderChart(spec, data, locale);
        // Every size the page may show (CHART_SIZES: narrow, medium, wide, full), in that order.
        const svg = chart.svg ? Object.values(chart.svg).join('\n') : chart.bigNumber?.sparkline ?? '';
        compareWithFile(`${spec.id}.${locale}`, normalise(svg));
      });
    }
  }

  // What the sources allow: no line across a break (and the break marked), hollow dots for "hơn/gần", two dots and no line at a disagreement.
  for (const spec of Object.values(TRUTH_SPECS)) {
    for (const locale of ['vi', 'en'] as const) {
      it(`${spec.kind} ${spec.id} (${locale})`, () => {
        const chart = renderChart(spec, TRUTH_DATA, locale);
        compareWithFile(`${spec.id}.${locale}`, normalise(Object.values(chart.svg!).join('\n')));
      });
    }
  }

  it('is deterministic: the same data gives byte-identical SVG', () => {
    for (const spec of SPECS) expect(JSON.stringify(renderChart(spec, data, 'vi'))).toBe(JSON.stringify(renderChart(spec, data, 'vi')));
    for (const spec of Object.values(TRUTH_SPECS)) expect(JSON.stringify(renderChart(spec, TRUTH_DATA, 'en'))).toBe(JSON.stringify(renderChart(spec, TRUTH_DATA, 'en')));
  });
});

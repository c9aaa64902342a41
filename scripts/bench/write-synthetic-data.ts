/**
 * Writes synthetic data for benchmarks into a new folder (never data/):
 *
 *   node scripts/bench/write-synthetic-data.ts /tmp/synthetic --releases 120
 *   node scripts/bench/write-synthetic-data.ts /tmp/synthetic --figures 100000
 *
 * then check it with the clock the data need (printed):
 *
 *   BENCH_TODAY=2031-02-15 NODE_OPTIONS=--import=./scripts/bench/fixed-clock.mjs DATA_DIR=/tmp/synthetic npm run check-data
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Indicator } from '../../src/lib/data/types.ts';
import { writeSyntheticData } from './synthetic-data.ts';

const [target, flag, count] = process.argv.slice(2);
const n = Number(count);
if (!target || !['--releases', '--figures'].includes(flag ?? '') || !Number.isInteger(n) || n < 1) {
  console.error('Usage: node scripts/bench/write-synthetic-data.ts <new folder> (--releases N | --figures N)');
  process.exit(1);
}
const realDataDir = resolve('data');
const indicators = (JSON.parse(readFileSync(resolve(realDataDir, 'indicators.json'), 'utf8')) as { indicators: Indicator[] }).indicators;
const dir = resolve(target);
const { releases, today } = writeSyntheticData(dir, flag === '--releases' ? { realDataDir, releases: n } : { realDataDir, figuresInOneFile: n }, indicators);
console.log(`✓ Wrote ${releases.length} synthetic month file(s) (${releases[0]} … ${releases.at(-1)}) into ${dir}`);
console.log(`  Check it: BENCH_TODAY=${today} NODE_OPTIONS=--import=./scripts/bench/fixed-clock.mjs DATA_DIR=${dir} npm run check-data`);

/**
 * Creates an empty month file for a maintainer to fill in:
 * `npm run new-month -- 2026-11` → data/months/2026-11.csv with the header row.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MONTH_COLUMNS, releaseIdOf } from '../src/lib/data/month-file.ts';

const month = process.argv[2];
const monthsDir = join(resolve(process.env.DATA_DIR ?? 'data'), 'months');
if (!month || !releaseIdOf(`${month}.csv`)) {
  console.error('Usage: npm run new-month -- YYYY-MM   (for example: npm run new-month -- 2026-11)');
  process.exit(1);
}
const existing = readdirSync(monthsDir).find((name) => name.startsWith(`${month}.`));
const file = join(monthsDir, `${month}.csv`);
if (existing || existsSync(file)) {
  console.error(`data/months/${existing ?? `${month}.csv`} already exists; add the new figures to it.`);
  process.exit(1);
}
writeFileSync(file, `${MONTH_COLUMNS.join(',')}\n`);
console.log(`Created data/months/${month}.csv — add one row per figure (see data/README.md), then run: npm run check-data`);

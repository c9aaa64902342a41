/**
 * Validates data/ alone (no site build): `npm run check-data [-- path/to/data]`.
 * Prints every problem with file, line and field, and exits 1 if there is any.
 */
import { resolve } from 'node:path';
import { validateDataset } from '../src/lib/data/load.ts';
import { formatIssue } from '../src/lib/data/errors.ts';
import { readDataDirectory } from '../src/lib/data/read-directory.ts';

const started = performance.now();
const dataDir = resolve(process.argv[2] ?? process.env.DATA_DIR ?? 'data');
const { dataset, issues } = validateDataset(readDataDirectory(dataDir));
const seconds = ((performance.now() - started) / 1000).toFixed(2);
if (issues.length > 0) {
  console.error(`✗ data/ has ${issues.length} problem${issues.length === 1 ? '' : 's'} — nothing was built:`);
  for (const issue of issues) console.error(`  - ${formatIssue(issue)}`);
  process.exit(1);
}
const figures = dataset.releases.reduce((sum, release) => sum + release.figures.length, 0);
console.log(`✓ data/ is valid: ${dataset.indicators.length} indicators, ${figures} figures in ${dataset.releases.length} month files (${seconds} s)`);

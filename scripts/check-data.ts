/**
 * Validates data/ alone (no site build): `npm run check-data [-- path/to/data]`.
 * Prints every problem with file, line and field, and exits 1 if there is any.
 */
import { resolve } from 'node:path';
import { validateDataset } from '../src/lib/data/load.ts';
import { formatIssue } from '../src/lib/data/errors.ts';
import { readDataDirectory } from '../src/lib/data/read-directory.ts';
import { formatLock, parseLock } from '../src/lib/data/release-lock.ts';
import { pinnedOutputIssues, recordNewReleases } from './lib/record-releases.ts';
import { noFigureWarnings } from '../src/lib/site/model.ts';

const started = performance.now();
const args = process.argv.slice(2);
const rerecordAt = args.indexOf('--rerecord');
const rerecord = rerecordAt >= 0 ? args.splice(rerecordAt, 2)[1] : undefined;
const dataDir = resolve(args[0] ?? process.env.DATA_DIR ?? 'data');
const files = readDataDirectory(dataDir);
if (rerecord !== undefined) {
  // The newest release, not yet online, edited after it was recorded: record it again.
  const { lock } = parseLock(files.lock?.text, files.lock!.file);
  const newest = lock.releases.at(-1);
  if (!newest || newest.id !== rerecord) {
    console.error(`✗ Only the newest recorded release (${newest?.id ?? 'none'}) can be re-recorded, and only before it is online; older releases never change.`);
    process.exit(1);
  }
  files.lock = { ...files.lock!, text: formatLock({ releases: lock.releases.slice(0, -1) }) };
}
const validated = validateDataset(files);
const { dataset, unrecorded } = validated;
const issues = validated.issues.length > 0 ? validated.issues : pinnedOutputIssues(files, dataset);
const seconds = ((performance.now() - started) / 1000).toFixed(2);
if (issues.length > 0) {
  console.error(`✗ data/ has ${issues.length} problem${issues.length === 1 ? '' : 's'} — nothing was built:`);
  for (const issue of issues) console.error(`  - ${formatIssue(issue)}`);
  process.exit(1);
}
recordNewReleases(dataDir, unrecorded, dataset);
// Not a problem: a catalogue entry may come before its first figure. Said, so nobody expects its page yet.
for (const warning of noFigureWarnings(dataset, files.catalogue)) console.warn(`! ${warning}`);
const figures = dataset.releases.reduce((sum, release) => sum + release.figures.length, 0);
console.log(`✓ data/ is valid: ${dataset.indicators.length} indicators, ${figures} figures in ${dataset.releases.length} month files (${seconds} s)`);

/**
 * Once per `vitest run`: nothing to set up (the shared fixture site is built lazily by the first browser test that
 * needs it, see test/e2e/harness.ts); at the end, its folder is removed.
 */
import { rmSync } from 'node:fs';
import { TEST_RUN_VARIABLE, sharedFixtureFolder } from './e2e/harness.ts';

export default function setup(): () => void {
  return () => {
    const run = process.env[TEST_RUN_VARIABLE];
    if (run) rmSync(sharedFixtureFolder(run), { recursive: true, force: true });
  };
}

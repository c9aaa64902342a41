import { defineConfig } from 'vitest/config';

// Dates and Intl output must not depend on the machine's timezone.
process.env.TZ = 'UTC';
// One id per `vitest run`: the browser tests share one fixture build under it (test/e2e/harness.ts), and
// test/global-setup.ts removes that build when the run ends. Workers inherit it.
process.env.DE_AN_06_TEST_RUN ??= `${process.pid}-${Date.now()}`;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});

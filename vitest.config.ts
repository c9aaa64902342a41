import { defineConfig } from 'vitest/config';

// Dates and Intl output must not depend on the machine's timezone.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});

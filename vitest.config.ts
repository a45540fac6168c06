import { defineConfig } from 'vitest/config';

// Two projects: fast tests of code and API (test/analysis, test/api, test/surveys, …) and browser
// tests (test/e2e), which build the web app and drive Debian's Chromium, so they get more time.
// No test may depend on finishing within a few seconds: CI shares two cores with other work, and
// vitest's 5 s default failed tests that were only slow there. Timeouts catch hangs, not slowness.
export default defineConfig({
  test: {
    // The JSON report lets .ci/run print a one-line summary; the default reporter is for people.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          globalSetup: ['test/db/postgres-note.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

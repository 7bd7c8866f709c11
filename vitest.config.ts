import { defineConfig } from 'vitest/config';

/**
 * One test command, every suite: pure units and parser fixtures, the API suite on PGlite, the
 * same API suite again on a real PostgreSQL (started by its globalSetup, or DATABASE_URL's), and
 * browser tests in Chromium against the real server.
 */
const api = (name: string, setup: string) => ({
  extends: true,
  test: {
    name,
    include: ['tests/api/**/*.test.ts'],
    globalSetup: [setup],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  // one graphql module: Pothos loads graphql's CommonJS build, so our code must too
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    // CI asks for a JSON report too (VITEST_JSON_REPORT=path), to print its "N passed, N failed" line
    reporters: process.env.VITEST_JSON_REPORT ? ['default', ['json', { outputFile: process.env.VITEST_JSON_REPORT }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['server/core/src/**/*.test.ts', 'server/src/**/*.test.ts', 'dashboard/src/**/*.test.ts', 'tests/parser/**/*.test.ts', 'tests/schema/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      api('api-pglite', 'tests/helpers/setup-pglite.ts'),
      api('api-postgres', 'tests/helpers/setup-postgres.ts'),
      {
        // real Chromium against the real server on a temp database (tests/e2e/global-setup.ts builds the dashboard unless told not to)
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // a page waits on the server, which shares the machine: poll for up to 10 s, not vitest's default 1 s
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/src/**/*.test.ts', 'tests/parser/**/*.test.ts', 'tests/schema/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built CLI and real servers; two cores are what CI has.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});

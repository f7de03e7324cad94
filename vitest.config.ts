import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built CLI and real servers; two cores are what CI has.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // A temporary folder per run, checked at the end for private keys left behind.
    globalSetup: ['test/support/temp-leftovers.ts'],
  },
});

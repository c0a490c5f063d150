import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest runs one worker less than the cores by default: one worker on a 2-core machine. Most test
    // files wait on child processes (tsc, Prism, git) or local servers, so two keep both cores busy.
    maxWorkers: 2,
  },
});

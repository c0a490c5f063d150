import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/helpers/longest-first.sequencer.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One temporary folder per run, removed at its end; the compiled CLI that runCli
    // (helpers/workspace.ts) starts, built once per run.
    globalSetup: ['test/helpers/temp-root.setup.ts', 'test/helpers/compiled-cli.setup.ts'],
    testTimeout: 240_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // vitest runs one worker less than the cores by default: one worker on a 2-core machine. Most test
    // files wait on child processes (tsc, Prism, git) or local servers, so two keep both cores busy.
    maxWorkers: 2,
    // A worker runs its files in one module graph, so TypeScript, prettier, openapi-typescript and
    // ts-morph load once per worker instead of once per file (2–4 s each), and prettier's output
    // cache (render/shared/format.ts) serves every file that renders the same provider. No test
    // file leaves global state behind: env changes and spies are restored in finally/afterEach.
    isolate: false,
    // The longest files first, also in a fresh clone that has no durations of a last run.
    sequence: { sequencer: LongestFirstSequencer },
  },
});

/** The sequencer that starts the longest test files first (helpers/longest-first.sequencer.ts). */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import LongestFirstSequencer, { MEASURED_SECONDS } from './helpers/longest-first.sequencer.ts';
import { ROOT } from './helpers/workspace.ts';

type LastRun = { duration: number; failed: boolean };

function sequencer(lastRuns: Record<string, LastRun>, sizes: Record<string, number>): LongestFirstSequencer {
  const ctx = {
    config: { root: ROOT },
    cache: {
      getFileTestResults: (key: string) => lastRuns[key.replace(/^:/, '')],
      getFileStats: (key: string) => (key.replace(/^:/, '') in sizes ? { size: sizes[key.replace(/^:/, '')] } : undefined),
    },
  };
  return new LongestFirstSequencer(ctx as unknown as Vitest);
}

const spec = (file: string) =>
  ({ moduleId: path.join(ROOT, file), project: { name: '', config: { sequence: { groupOrder: 0 }, isolate: false } } }) as unknown as TestSpecification;
const order = (specs: TestSpecification[]) => specs.map((s) => path.relative(ROOT, s.moduleId));

describe('longest-first sequencer', () => {
  it('every measured file exists', async () => {
    for (const file of Object.keys(MEASURED_SECONDS)) await expect(access(path.join(ROOT, file)), file).resolves.toBeUndefined();
  });

  it('without a last run, measured files come first, longest first, then vitest’s order (larger files first)', async () => {
    const files = ['test/a.test.ts', 'test/robustness/oas-examples.test.ts', 'test/b.test.ts', 'test/robustness/fuzz.test.ts'];
    const sizes = { 'test/a.test.ts': 100, 'test/b.test.ts': 900, 'test/robustness/oas-examples.test.ts': 50, 'test/robustness/fuzz.test.ts': 10 };
    expect(order(await sequencer({}, sizes).sort(files.map(spec)))).toEqual([
      'test/robustness/fuzz.test.ts',
      'test/robustness/oas-examples.test.ts',
      'test/b.test.ts',
      'test/a.test.ts',
    ]);
  });

  it('a last run’s durations win over the table, and a file that failed runs first', async () => {
    const files = ['test/robustness/fuzz.test.ts', 'test/a.test.ts', 'test/b.test.ts'];
    const lastRuns = {
      'test/robustness/fuzz.test.ts': { duration: 1_000, failed: false },
      'test/a.test.ts': { duration: 5_000, failed: false },
      'test/b.test.ts': { duration: 10, failed: true },
    };
    expect(order(await sequencer(lastRuns, {}).sort(files.map(spec)))).toEqual(['test/b.test.ts', 'test/a.test.ts', 'test/robustness/fuzz.test.ts']);
  });
});

/**
 * vitest sequencer: the longest test files start first, so the two workers finish together.
 *
 * vitest orders by the durations of the last run (kept under node_modules/.vite), and without them by
 * file size, largest first. A fresh clone, and so CI, has no last run, and file size says little here:
 * each fuzz part is a 4-line file that takes a quarter of a worker's time, so it started last and
 * one worker ran it alone for the final 12–30 s. Files listed in `MEASURED_SECONDS` take that
 * figure when vitest has none of its own; the rest keep vitest's order after them.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import path from 'node:path';

/**
 * Wall seconds of the slowest files in an idle run on a 2-core machine (2026-12-01, `--reporter=json`).
 * Only their order matters; test/longest-first.test.ts checks that each entry names a test file.
 */
export const MEASURED_SECONDS: Readonly<Record<string, number>> = {
  'test/robustness/fuzz.test.ts': 32.2,
  'test/robustness/fuzz-part2.test.ts': 29.7,
  'test/release/release-cli.test.ts': 21.0,
  'test/generate/contract.test.ts': 15.8,
  'test/generic/package.test.ts': 12.7,
  'test/release/package.test.ts': 12.5,
  'test/robustness/oas-examples.test.ts': 10.1,
  'test/generate/packages.test.ts': 8.9,
  'test/generate/cli.test.ts': 7.7,
  'test/generate/huge-document.test.ts': 5.3,
  'test/build/compiled-cli.test.ts': 3.9,
};

const compare = (a: number, b: number): number => (a === b ? 0 : a > b ? 1 : -1);

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ordered = await super.sort(files);
    const cache = this.ctx.cache;
    const seconds = (spec: TestSpecification): number => {
      const file = path.relative(this.ctx.config.root, spec.moduleId).split(path.sep).join('/');
      const last = cache.getFileTestResults(`${spec.project.name}:${file}`);
      // A file that failed last time runs first, as vitest's own order has it.
      if (last) return last.failed ? Infinity : last.duration / 1000;
      return MEASURED_SECONDS[file] ?? 0;
    };
    const rank = new Map(ordered.map((spec, index) => [spec, index]));
    // Stable: equal figures (most files, at 0) keep vitest's order.
    return [...ordered].sort((a, b) => compare(seconds(b), seconds(a)) || rank.get(a)! - rank.get(b)!);
  }
}

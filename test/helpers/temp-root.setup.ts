/**
 * vitest globalSetup: every temporary folder of a test run (the tests' mkdtemp calls, and the CLIs,
 * tsc and npm processes they start, which inherit the environment) goes under one folder of this
 * run's own. It is removed when the run ends, so runs do not pile workspaces up in the system's tmp;
 * after a failed run it is kept (and named), since a failure message may point into it (the fuzz
 * suite names the document that failed).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const NAMES = ['TMPDIR', 'TMP', 'TEMP'] as const;

function runFailed(project: TestProject): boolean {
  try {
    const { state } = project.vitest;
    return state.getCountOfFailedTests() > 0 || state.getFailedFilepaths().length > 0 || state.getUnhandledErrors().length > 0;
  } catch {
    return true; // cannot tell (an API that moved): keep the folder rather than lose evidence
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(path.join(tmpdir(), 'clientgen-test-run-'));
  const previous = NAMES.map((name) => [name, process.env[name]] as const);
  for (const name of NAMES) process.env[name] = root;
  return async () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    if (runFailed(project)) process.stdout.write(`temporary files of this run kept in ${root}\n`);
    else await rm(root, { recursive: true, force: true });
  };
}

/**
 * vitest globalSetup: the tests that start a CLI as a process of its own run the compiled CLI, as
 * `npm run <command>` does (generator/build/launch.mjs), instead of compiling TypeScript through
 * tsx at every start. It is built here once if it is older than the sources, then copied to a
 * folder of this run's own, so compiled-cli.test.ts's deliberate rebuilds of dist/clientgen/ never
 * pull it away from a CLI another test is running meanwhile.
 */
import { cp, rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';

interface Bundler {
  readonly OUT_DIR: string;
  bundle(): Promise<void>;
  bundleIsCurrent(): Promise<boolean>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder holding this run's compiled CLI (`<command>.mjs`). */
    compiledCli: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // @ts-expect-error plain JavaScript modules without declarations
  const { OUT_DIR, bundle, bundleIsCurrent } = (await import('../../generator/build/bundle.mjs')) as Bundler;
  if (!(await bundleIsCurrent())) await bundle();
  // Beside dist/clientgen/, at the same depth: the compiled files find the sources and templates by relative paths.
  const copy = `${OUT_DIR}-test-${process.pid}`;
  await cp(OUT_DIR, copy, { recursive: true });
  project.provide('compiledCli', copy);
  return () => rm(copy, { recursive: true, force: true });
}

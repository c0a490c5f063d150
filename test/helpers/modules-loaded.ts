import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, type CliResult } from './workspace.ts';

/** Runs a CLI as its own process, as `runCli` does, and returns the npm packages it imported (ESM imports; `require()` is not traced). */
export async function runCliListingPackages(command: string, args: readonly string[], root: string): Promise<CliResult & { packages: Set<string> }> {
  const trace = path.join(await mkdtemp(path.join(tmpdir(), 'clientgen-trace-')), 'modules.txt');
  const result = await new Promise<CliResult>((resolve) => {
    execFile(
      process.execPath,
      ['--import', path.join(ROOT, 'test/helpers/trace-modules.mjs'), '--import', 'tsx', path.join(ROOT, 'generator/cli', `${command}.ts`), ...args],
      { cwd: ROOT, env: { ...process.env, CLIENTGEN_ROOT: root, CLIENTGEN_TRACE_MODULES: trace }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
  const urls = (await readFile(trace, 'utf8').catch(() => '')).split('\n');
  const packages = new Set(urls.map((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1]).filter((p): p is string => p !== undefined));
  return { ...result, packages };
}

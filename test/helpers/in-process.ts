/**
 * Runs a CLI command inside the test's process: the same parsing, output and exit codes as
 * `runCli` (helpers/workspace.ts) gives from a process of its own, without paying for a Node start
 * and a fresh module load per call. Keep a few real-process tests per command for the entry itself.
 */
import type { CliCommand } from '../../generator/cli/command.ts';
import { runCommand } from '../../generator/cli/command.ts';
import { ROOT, type CliResult } from './workspace.ts';

export type CommandName = 'generate' | 'check' | 'diff' | 'release' | 'sync' | 'import-docs';

export interface InProcessOptions {
  /** Variables set for the duration of the call (e.g. for the child processes a command starts). */
  readonly env?: Record<string, string>;
  /** What relative paths on the command line are relative to (default: the clientgen checkout, as `runCli` runs). */
  readonly cwd?: string;
}

export async function runInProcess(name: CommandName, args: readonly string[], root: string, options: InProcessOptions = {}): Promise<CliResult> {
  const { command } = (await import(`../../generator/cli/commands/${name}.ts`)) as { command: CliCommand };
  let stdout = '';
  let stderr = '';
  const saved = Object.entries(options.env ?? {}).map(([key, value]) => {
    const before = process.env[key];
    process.env[key] = value;
    return [key, before] as const;
  });
  try {
    const code = await runCommand(command, args, {
      io: { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) },
      root,
      cwd: options.cwd ?? ROOT,
    });
    return { code, stdout, stderr };
  } finally {
    for (const [key, before] of saved) {
      if (before === undefined) delete process.env[key];
      else process.env[key] = before;
    }
  }
}

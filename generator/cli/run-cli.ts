import { workspace } from '../workspace.ts';
import { runCommand, type CliCommand } from './command.ts';

/** Runs a command as this process (root from CLIENTGEN_ROOT, or the clientgen checkout) and exits with its code. */
export async function runCli(command: CliCommand): Promise<never> {
  const io = { stdout: (s: string) => void process.stdout.write(s), stderr: (s: string) => void process.stderr.write(s) };
  const code = await runCommand(command, process.argv.slice(2), { io, root: workspace().root, cwd: process.cwd() });
  process.exit(code);
}

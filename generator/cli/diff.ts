import { command } from './commands/diff.ts';
import { runCli } from './run-cli.ts';

await runCli(command);

import { command } from './commands/check.ts';
import { runCli } from './run-cli.ts';

await runCli(command);

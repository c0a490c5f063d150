import { command } from './commands/sync.ts';
import { runCli } from './run-cli.ts';

await runCli(command);

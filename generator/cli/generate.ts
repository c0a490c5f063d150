import { command } from './commands/generate.ts';
import { runCli } from './run-cli.ts';

await runCli(command);

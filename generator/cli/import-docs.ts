import { command } from './commands/import-docs.ts';
import { runCli } from './run-cli.ts';

await runCli(command);

import { command } from './commands/add-provider.ts';
import { runCli } from './run-cli.ts';

await runCli(command);

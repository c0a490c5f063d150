import { command } from './commands/release.ts';
import { runCli } from './run-cli.ts';

await runCli(command);

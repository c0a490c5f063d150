import { CommanderError, type Command } from 'commander';
import { GeneratorError, UsageError } from '../errors.ts';

/**
 * Shared exit-code policy for every command: 0 success, 1 generation error, 2 usage error.
 * Messages go to stderr without stack traces for expected failures.
 */
export async function runCli(program: Command, main: () => Promise<number>): Promise<never> {
  program.exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    program.parse(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exit(error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2);
    }
    throw error;
  }
  try {
    process.exit(await main());
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof GeneratorError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  }
}

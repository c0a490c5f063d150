/**
 * A command that runs the same in a process of its own and inside another one (the tests): it
 * writes through `io`, works in `root`, and returns its exit code instead of exiting.
 * Exit codes: 0 success, 1 generation error, 2 usage error (a command may add its own, e.g. diff's 3).
 */
import { CommanderError, type Command } from 'commander';
import { GeneratorError, UsageError } from '../errors.ts';

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface CommandContext {
  readonly io: CommandIo;
  /** The project root (specs/, generated/). */
  readonly root: string;
  /** What relative paths on the command line are relative to. */
  readonly cwd: string;
}

export interface CliCommand {
  /** A fresh program each run: commander keeps the parsed options on it. */
  program(): Command;
  run(program: Command, ctx: CommandContext): Promise<number>;
}

/** Parses `argv` (the arguments only) and runs the command; messages for expected failures carry no stack trace. */
export async function runCommand(command: CliCommand, argv: readonly string[], ctx: CommandContext): Promise<number> {
  const program = command.program();
  program.exitOverride();
  program.configureOutput({ writeOut: (s) => ctx.io.stdout(s), writeErr: (s) => ctx.io.stderr(s) });
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    throw error;
  }
  try {
    return await command.run(program, ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      ctx.io.stderr(`error: ${error.message}\n`);
      return 2;
    }
    if (error instanceof GeneratorError) {
      ctx.io.stderr(`error: ${error.message}\n`);
      return 1;
    }
    ctx.io.stderr(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

/** The client's logger at its level: a message is built only when its level is on. */
import type { LogLevel, Logger } from '../types.js';

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'off'];

/** For each level, the logger's method when that level is on, else `undefined`: `log.debug?.(message)`. */
export type Log = { readonly [L in Exclude<LogLevel, 'off'>]?: (message: string) => void };

/** `level` defaults to `warn`; without a logger, `console` when a level is set, else nothing is logged. */
export function createLog(logger: Logger | undefined, level: LogLevel | undefined): Log {
  const sink = logger ?? (level ? console : undefined);
  const threshold = LEVELS.indexOf(level ?? 'warn');
  const at = (name: Exclude<LogLevel, 'off'>) => (sink && LEVELS.indexOf(name) >= threshold ? (message: string) => sink[name](message) : undefined);
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

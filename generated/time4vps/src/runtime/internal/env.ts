/** Environment variables, where the runtime has them (Node, Bun, Deno with --allow-env); never in browsers. */

/** `<prefix>_<name>` from the environment; `undefined` when unset, empty or not readable. */
export function readEnv(prefix: string, name: string): string | undefined {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    return env?.[`${prefix}_${name}`] || undefined;
  } catch {
    return undefined; // e.g. Deno without --allow-env
  }
}

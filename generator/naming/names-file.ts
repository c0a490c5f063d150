import { GeneratorError } from '../errors.ts';
import { isIdentifierName, safeOperationId } from './identifiers.ts';
import type { PreviousName } from './stable.ts';

/**
 * `names.json`, the package's record of the names it gives its operations. The generator writes it
 * and reads it back on the next run, so that an operation keeps its name however the document grows
 * (`stable.ts`); `diff` reads it to tell a rename from a new name. Deleting it names every operation by
 * today's rules again.
 */
export const NAMES_FILE = 'names.json';

const ABOUT = 'Written by clientgen: the names this package gives its operations. The next generate keeps them; delete this file to name every operation by the current rules.';

/** The file's text for these names, sorted by route so it never depends on document order. */
export function renderNamesFile(names: readonly PreviousName[]): string {
  const operations = [...names]
    .sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0))
    .map((n) => ({ route: n.route, group: n.group, method: n.method, key: n.key, ...(n.deprecated && n.deprecated.length > 0 ? { deprecated: [...n.deprecated].sort() } : {}) }));
  return `${JSON.stringify({ about: ABOUT, operations }, null, 2)}\n`;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';
// The names reach code as identifiers, so a hand-edited file is held to what the generator emits itself.
const isName = (v: unknown): v is string => isString(v) && isIdentifierName(v) && safeOperationId(v) === v;
const isDotted = (v: unknown): boolean => isString(v) && v.split('.').length === 2 && v.split('.').every(isName);

/** The names a `names.json` records, or what is wrong with it (the caller names the file). */
export function parseNamesFile(text: string): { names: PreviousName[] } | { problem: string; pointer: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `invalid JSON: ${(error as Error).message}`, pointer: '' };
  }
  const operations = (value as { operations?: unknown } | null)?.operations;
  if (!Array.isArray(operations)) return { problem: 'no "operations" list', pointer: '/operations' };
  const names: PreviousName[] = [];
  for (const [i, entry] of operations.entries()) {
    const e = entry as Record<string, unknown> | null;
    const deprecated = e?.deprecated;
    if (!e || !isString(e.route) || !isName(e.group) || !isName(e.method) || !isName(e.key) || (deprecated !== undefined && !(Array.isArray(deprecated) && deprecated.every(isDotted)))) {
      return { problem: 'an entry needs a "route" and identifiers as "group", "method" and "key" (and "deprecated" only as a list of "group.method")', pointer: `/operations/${i}` };
    }
    names.push({ route: e.route, group: e.group, method: e.method, key: e.key, ...(Array.isArray(deprecated) ? { deprecated: deprecated as string[] } : {}) });
  }
  return { names };
}

/** The names of the `names.json` text read from `file` (undefined: there is none); a GeneratorError naming the file and the place where it is not one. */
export function namesFromFile(text: string | undefined, file: string): PreviousName[] | undefined {
  if (text === undefined) return undefined;
  const parsed = parseNamesFile(text);
  if ('problem' in parsed) throw new GeneratorError({ file, pointer: parsed.pointer }, `${parsed.problem} (delete the file to name every operation by the current rules)`);
  return parsed.names;
}

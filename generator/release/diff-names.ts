/**
 * Renames, read from the two packages' `names.json`: an operation (one method and path) whose client
 * group or method name changed. Code calling the old name breaks unless the new package keeps it as
 * a deprecated alias of the same operation, which makes the rename a feature. The `operations` key is
 * compared by `diff-openapi.ts` (it is the normalised operationId).
 */
import type { PreviousName } from '../naming/index.ts';
import { code, type Change } from './change.ts';

/** What names.json says of each side; a side without one (a package from before names.json) gives no rename changes. */
export interface NamesPair {
  readonly before?: readonly PreviousName[] | undefined;
  readonly after?: readonly PreviousName[] | undefined;
}

/** The rename of `route`, if its group or method changed between the two sides. */
export function renameChange(route: string, names: NamesPair): Change | undefined {
  const b = names.before?.find((n) => n.route === route);
  const a = names.after?.find((n) => n.route === route);
  if (!b || !a || (b.group === a.group && b.method === a.method)) return undefined;
  const [from, to] = [`${b.group}.${b.method}`, `${a.group}.${a.method}`];
  if (a.deprecated?.includes(from)) {
    return { severity: 'feature', kind: 'operation-renamed', operation: route, target: from, message: `renamed from ${code(from)} to ${code(to)}; ${code(from)} is kept as a deprecated alias` };
  }
  const takenBy = names.after?.find((n) => `${n.group}.${n.method}` === from);
  const gone = takenBy ? `${code(from)} is now ${code(takenBy.route)}` : `${code(from)} no longer exists`;
  return { severity: 'breaking', kind: 'operation-renamed', operation: route, target: from, message: `renamed from ${code(from)} to ${code(to)}: ${gone}` };
}

/** Both sides have names: the client group comes from there, not from the first tag (HostBill groups come from routes). */
export function hasNames(names: NamesPair | undefined): boolean {
  return names?.before !== undefined && names.after !== undefined;
}

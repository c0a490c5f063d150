import type { ClientModel } from '../model/operation-model.ts';
import { renderNamesFile, type PreviousName } from '../naming/index.ts';

/** `names.json`: every operation's route, group, method and key, and the deprecated aliases that call it (`naming/names-file.ts`). */
export function renderNames(model: ClientModel): string {
  const deprecated = new Map<string, string[]>();
  for (const group of [...model.groups, ...model.legacyGroups]) {
    for (const alias of group.aliases) deprecated.set(alias.target.pointer, [...(deprecated.get(alias.target.pointer) ?? []), `${group.name}.${alias.name}`]);
  }
  return renderNamesFile(
    model.operations.map((op): PreviousName => ({ route: `${op.method} ${op.path}`, group: op.group, method: op.name, key: op.operationId, deprecated: deprecated.get(op.pointer) ?? [] })),
  );
}

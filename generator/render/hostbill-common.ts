import { HOSTBILL_COMMON } from '../../templates/runtime/contracts.ts';
import type { ClientModel } from '../model/operation-model.ts';

/** Whether the client has every method `HostBillClient` requires, so it can declare that it implements it. */
export function implementsHostBillClient(model: ClientModel): boolean {
  return Object.entries(HOSTBILL_COMMON).every(([group, names]) => {
    const found = [...model.groups, ...model.legacyGroups].find((g) => g.name === group);
    return found !== undefined && names.every((n: string) => found.operations.some((op) => op.name === n) || found.aliases.some((a) => a.name === n));
  });
}

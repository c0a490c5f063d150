import { HOSTBILL_INTERFACES } from '../../templates/runtime/contracts.ts';
import type { ClientModel } from '../model/operation-model.ts';

/** A HostBill interface the generated client can declare: `HostBillClient` or a capability (`HostBillDns`, …). */
export type HostBillInterfaceName = keyof typeof HOSTBILL_INTERFACES;

/**
 * The HostBill interfaces the client has every method of, in the table's order, so it declares
 * exactly the capabilities its provider documents (the names are the same in every provider).
 */
export function hostbillInterfaces(model: ClientModel): HostBillInterfaceName[] {
  const groups = [...model.groups, ...model.legacyGroups];
  const has = (group: string, name: string) => {
    const found = groups.find((g) => g.name === group);
    return found !== undefined && (found.operations.some((op) => op.name === name) || found.aliases.some((a) => a.name === name));
  };
  return (Object.keys(HOSTBILL_INTERFACES) as HostBillInterfaceName[]).filter((name) =>
    Object.entries(HOSTBILL_INTERFACES[name]).every(([group, methods]) => (methods as readonly string[]).every((method) => has(group, method))),
  );
}

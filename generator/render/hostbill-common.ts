import { HOSTBILL_ANSWER_MEMBERS, HOSTBILL_INTERFACES, HOSTBILL_PARAM_KINDS } from '../../templates/runtime/contracts.ts';
import type { ClientModel, OperationModel } from '../model/operation-model.ts';

/** A HostBill interface the generated client can declare: `HostBillClient` or a capability (`HostBillDns`, …). */
export type HostBillInterfaceName = keyof typeof HOSTBILL_INTERFACES;

/**
 * What a contract table (`HOSTBILL_ANSWER_MEMBERS`, `HOSTBILL_PARAM_KINDS`) asks of `interfaceName`'s
 * `group.method`; `undefined` when it asks nothing.
 */
function ruleOf<T>(table: object, interfaceName: HostBillInterfaceName, group: string, method: string): T | undefined {
  return (table as Partial<Record<string, Record<string, Record<string, T>>>>)[interfaceName]?.[group]?.[method];
}

/**
 * The HostBill interfaces the client has every method of, in the table's order, so it declares
 * exactly the capabilities its provider documents (the names are the same in every provider), and
 * whose typed answers the document types with the members the interface reads, and whose scalar
 * parameters it types as the interface does.
 */
export function hostbillInterfaces(model: ClientModel): HostBillInterfaceName[] {
  const groups = [...model.groups, ...model.legacyGroups];
  const find = (group: string, name: string): OperationModel | undefined => {
    const found = groups.find((g) => g.name === group);
    return found?.operations.find((op) => op.name === name) ?? found?.aliases.find((a) => a.name === name)?.target;
  };
  const answers = (op: OperationModel, members: readonly string[] | undefined) =>
    members === undefined || members.every((member) => op.responseFields?.some((field) => field.name === member));
  const takes = (op: OperationModel, kinds: Readonly<Record<string, 'string' | 'number'>> | undefined) =>
    kinds === undefined || Object.entries(kinds).every(([param, kind]) => (op.scalarParams?.[param] ?? kind) === kind);
  return (Object.keys(HOSTBILL_INTERFACES) as HostBillInterfaceName[]).filter((name) =>
    Object.entries(HOSTBILL_INTERFACES[name]).every(([group, methods]) =>
      (methods as readonly string[]).every((method) => {
        const op = find(group, method);
        return op !== undefined && answers(op, ruleOf(HOSTBILL_ANSWER_MEMBERS, name, group, method)) && takes(op, ruleOf(HOSTBILL_PARAM_KINDS, name, group, method));
      }),
    ),
  );
}

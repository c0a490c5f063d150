import { HOSTBILL_ANSWER_MEMBERS, HOSTBILL_INTERFACES } from '../../templates/runtime/contracts.ts';
import type { ClientModel, OperationModel } from '../model/operation-model.ts';

/** A HostBill interface the generated client can declare: `HostBillClient` or a capability (`HostBillDns`, …). */
export type HostBillInterfaceName = keyof typeof HOSTBILL_INTERFACES;

/** The members each typed answer of `name` needs, by group and method (none for the 0.1.x interface, whose answers are `unknown`). */
function answerMembers(name: HostBillInterfaceName): Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> {
  return (HOSTBILL_ANSWER_MEMBERS as Partial<Record<HostBillInterfaceName, Record<string, Record<string, readonly string[]>>>>)[name] ?? {};
}

/**
 * The HostBill interfaces the client has every method of, in the table's order, so it declares
 * exactly the capabilities its provider documents (the names are the same in every provider), and
 * whose typed answers the document types with the members the interface reads.
 */
export function hostbillInterfaces(model: ClientModel): HostBillInterfaceName[] {
  const groups = [...model.groups, ...model.legacyGroups];
  const find = (group: string, name: string): OperationModel | undefined => {
    const found = groups.find((g) => g.name === group);
    return found?.operations.find((op) => op.name === name) ?? found?.aliases.find((a) => a.name === name)?.target;
  };
  const answers = (op: OperationModel, members: readonly string[] | undefined) =>
    members === undefined || members.every((member) => op.responseFields?.some((field) => field.name === member));
  return (Object.keys(HOSTBILL_INTERFACES) as HostBillInterfaceName[]).filter((name) =>
    Object.entries(HOSTBILL_INTERFACES[name]).every(([group, methods]) =>
      (methods as readonly string[]).every((method) => {
        const op = find(group, method);
        return op !== undefined && answers(op, answerMembers(name)[group]?.[method]);
      }),
    ),
  );
}

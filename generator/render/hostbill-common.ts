import { HOSTBILL_ANSWER_MEMBERS, HOSTBILL_INTERFACES, HOSTBILL_PARAM_KINDS } from '../../templates/runtime/contracts.ts';
import type { ClientModel, OperationModel } from '../model/operation-model.ts';

/** A HostBill interface the generated client can declare: `HostBillClient` or a capability (`HostBillDns`, …). */
export type HostBillInterfaceName = keyof typeof HOSTBILL_INTERFACES;

/** The members each typed answer of `name` needs, by group and method (none for the 0.1.x interface, whose answers are `unknown`). */
function answerMembers(name: HostBillInterfaceName): Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> {
  return (HOSTBILL_ANSWER_MEMBERS as Partial<Record<HostBillInterfaceName, Record<string, Record<string, readonly string[]>>>>)[name] ?? {};
}

/** The scalar kinds the parameters of `name`'s methods must have, by group and method. */
function paramKinds(name: HostBillInterfaceName): Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, 'string' | 'number'>>>>>> {
  return (HOSTBILL_PARAM_KINDS as Partial<Record<HostBillInterfaceName, Record<string, Record<string, Record<string, 'string' | 'number'>>>>>)[name] ?? {};
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
        return op !== undefined && answers(op, answerMembers(name)[group]?.[method]) && takes(op, paramKinds(name)[group]?.[method]);
      }),
    ),
  );
}

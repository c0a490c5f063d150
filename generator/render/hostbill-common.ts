import type { ClientModel } from '../model/operation-model.ts';

/** The methods `HostBillClient` (templates/runtime/hostbill.ts) requires, by group. */
const HOSTBILL_COMMON: Record<string, readonly string[]> = {
  clientarea: ['getDetails'],
  billing: ['getBalance'],
  dns: ['getDns', 'postServiceDns', 'deleteServiceDnsByZoneId', 'postServiceDnsRecords', 'putServiceDnsRecordsByRecordId', 'deleteServiceDnsRecordsByRecordId'],
};

/** Whether the client has every method `HostBillClient` requires, so it can declare that it implements it. */
export function implementsHostBillClient(model: ClientModel): boolean {
  return Object.entries(HOSTBILL_COMMON).every(([group, names]) => {
    const found = model.groups.find((g) => g.name === group);
    return found !== undefined && names.every((n) => found.operations.some((op) => op.name === n));
  });
}

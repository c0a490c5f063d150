/**
 * Type tests for named types and lenient HostBill inputs (README, "Named types", "Lenient inputs"):
 * compiled by tsc (see types.test.ts), never run. Every `@ts-expect-error` must still error.
 */
import { expectTypeOf } from 'vitest';
import type { DnsRecord, DnsZone, DnsZoneListItem, GetZoneResponse, Lenient, UpdateDetailsParams } from '../../generated/time4vps/src/index.ts';
import { Time4vpsClient } from '../../generated/time4vps/src/index.ts';
import type { Invoice, GetInvoiceResponse, GetInvoiceResult } from '../../generated/dns-services/src/index.ts';

declare const client: Time4vpsClient;

export function namedResponses(): void {
  // The response is its body's name, not a chain into schema.ts: hover shows `DnsZone`.
  expectTypeOf<GetZoneResponse>().toEqualTypeOf<DnsZone>();
  // A zone's records are the same `DnsRecord` a list of records has.
  expectTypeOf<DnsZone['records']>().toEqualTypeOf<DnsRecord[] | { [key: string]: DnsRecord }>();
  // A list's items have their own name where their shape differs from the item's GET.
  expectTypeOf<DnsZoneListItem['domain_id']>().toEqualTypeOf<string | number>();
  // A body that wraps its resource names both: `{ invoice: Invoice }`.
  expectTypeOf<GetInvoiceResponse>().toEqualTypeOf<GetInvoiceResult>();
  expectTypeOf<GetInvoiceResult['invoice']>().toEqualTypeOf<Invoice>();
}

export async function lenientInputs(): Promise<void> {
  // Numbers as numeric strings, as HostBill clients send them.
  await client.dns.createRecord({ service_id: 1, zone_id: 2, name: 'www', type: 'A', content: '192.0.2.1', ttl: '10', priority: '0' });
  // @ts-expect-error a string that is not a number is still no number.
  await client.dns.createRecord({ service_id: 1, zone_id: 2, ttl: 'ten' });
  // An id from a response (`string | number`) goes straight into a path parameter.
  const zone = await client.dns.getZone({ service_id: 1, zone_id: 2 });
  expectTypeOf(zone.service_id).toEqualTypeOf<number | string>();
  await client.dns.getZone({ service_id: zone.service_id, zone_id: '2' });
  // `null` for an optional field the caller does not set (left out of the request).
  await client.dns.createRecord({ service_id: 1, zone_id: 2, name: 'www', type: 'TXT', content: 'v=spf1 -all', priority: null });
  // @ts-expect-error required path parameters stay required, and take no `null`.
  await client.dns.getZone({ service_id: null, zone_id: 2 });
  // Enums stay strict.
  await client.account.updateDetails({ type: 'Company' });
  // @ts-expect-error 'Corporation' is not one of the documented account types.
  await client.account.updateDetails({ type: 'Corporation' });
  expectTypeOf<UpdateDetailsParams['type']>().toEqualTypeOf<'Private' | 'Company' | null | undefined>();
}

export function lenientRule(): void {
  type Given = { id: number; count?: number; level: 1 | 2; kind?: 'a' | 'b'; name: string; items?: { qty: number }[] };
  type Got = Lenient<Given, 'id'>;
  expectTypeOf<Got['id']>().toEqualTypeOf<string | number>();
  expectTypeOf<Got['count']>().toEqualTypeOf<number | `${number}` | null | undefined>();
  // Numeric literal enums keep their members.
  expectTypeOf<Got['level']>().toEqualTypeOf<1 | 2>();
  expectTypeOf<Got['kind']>().toEqualTypeOf<'a' | 'b' | null | undefined>();
  expectTypeOf<Got['name']>().toEqualTypeOf<string>();
  expectTypeOf<NonNullable<Got['items']>[number]['qty']>().toEqualTypeOf<number | `${number}`>();
  // @ts-expect-error required fields stay required.
  const missing: Got = { id: 1, level: 1 };
  void missing;
}

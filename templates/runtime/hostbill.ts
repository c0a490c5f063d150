/**
 * HostBill: the body rules every HostBill API shares (`hostbillRules`, passed in a HostBill client's
 * provider defaults) and the interfaces HostBill providers' clients implement (`HostBillClient`, and
 * one capability interface per feature a provider documents: `HostBillDns`, `HostBillServices`, …).
 * Generic clients import none of it, so their bundles leave this module out.
 */
import type { ApiPromise } from './client.js';
import type { Collection } from './collections.js';
import { ThrottleError, type ApiError } from './errors.js';
import { errorFromResponse, rawErrorEntries, readableErrors, responseMessage } from './internal/response-errors.js';
import type { ReadResponse, RequestOptions, ResponseRules } from './types.js';

/** `["wait_x_between_action", 24]` → 24: the seconds a throttle entry asks to wait, if there is one. */
function throttleSeconds(entries: readonly unknown[]): number | undefined {
  for (const entry of entries) {
    if (Array.isArray(entry) && /^wait_/.test(String(entry[0])) && Number.isFinite(Number(entry[1]))) return Number(entry[1]);
  }
  return undefined;
}

function hostbillBodyError(response: ReadResponse): ApiError | undefined {
  const entries = rawErrorEntries(response.body);
  const waitSeconds = throttleSeconds(entries);
  if (waitSeconds !== undefined) {
    const errors = readableErrors(entries);
    const { status, headers, body } = response;
    return new ThrottleError(responseMessage(response, errors), { status, headers, body, errors, waitSeconds });
  }
  // `{ "error": [...] }` on a 2xx answer is a failure (HostBill keeps 200 for some); `"error": []` is not.
  const isEnvelope = response.status < 300 && (response.body as { error?: unknown } | null)?.error != null && entries.length > 0;
  return isEnvelope ? errorFromResponse(response) : undefined;
}

/**
 * HostBill's body rules: a throttle entry (`[["wait_x_between_action", N], …]`, sent with 401) is a
 * `ThrottleError` whatever the status; a 2xx body with `error` entries is an `ApiError` with that status.
 */
export const hostbillRules: ResponseRules = { bodyError: hostbillBodyError };


/*
 * Code written against these interfaces (a DNS automation tool, say) works with the client of any
 * provider that documents the feature: the same endpoints have the same group and method names in
 * every HostBill provider. Two rules make every provider's generated types satisfy them:
 * - Methods, not function properties: parameters compare bivariantly, so a provider whose parameter
 *   types are narrower (ids as `number`, fewer fields) or more lenient still conforms. Parameters
 *   are therefore written as wide as any provider takes them (every provider's type must fit in).
 * - Responses are the fields every provider's documented examples share, as each types them; a
 *   provider's own types say more. A response no document shows is `unknown`.
 */

/** An id as the API returns it (a string or a number) and as it accepts it in a path. */
export type HostBillId = string | number;
/** A number field: the API takes numeric strings as well. */
type Numeric = number | `${number}`;
/** An optional field as the providers' parameter types allow it (`null` where the lenient types take it). */
type Optional<T> = T | null | undefined;

/** A zone as `dns.listZones` lists it: `zone_id` in the other DNS calls is its `domain_id`. */
export interface HostBillZoneSummary {
  domain_id: HostBillId;
  service_id: HostBillId;
  name: string;
}

/** A DNS record as `dns.getZone` lists it. */
export interface HostBillDnsRecord {
  id: HostBillId;
  name: string;
  type: string;
  content: string;
  ttl: HostBillId;
  priority: HostBillId;
}

/** A zone as `dns.getZone` answers it; `toList(zone.records)` iterates its records. */
export interface HostBillZone {
  service_id: HostBillId;
  name: string;
  records: Collection<HostBillDnsRecord>;
}

export interface HostBillZoneRef {
  service_id: HostBillId;
  zone_id: HostBillId;
}

export interface HostBillRecordRef extends HostBillZoneRef {
  record_id: HostBillId;
}

/** What a record write takes: every field optional, as the documents declare them. */
export interface HostBillRecordInput {
  name?: Optional<string>;
  type?: Optional<string>;
  content?: Optional<string | readonly (string | number)[]>;
  ttl?: Optional<Numeric>;
  priority?: Optional<Numeric>;
}

/** DNS: zones and their records. Records are listed by `getZone` (`toList(zone.records)`). */
export interface HostBillDnsMethods {
  /** GET /dns: every DNS zone of the account. */
  listZones(params?: Record<string, never>, options?: RequestOptions): ApiPromise<{ zones: Collection<HostBillZoneSummary> }>;
  /** GET /service/{service_id}/dns/{zone_id}: one zone with its records. */
  getZone(params: HostBillZoneRef, options?: RequestOptions): ApiPromise<HostBillZone>;
  /** POST /service/{service_id}/dns/{zone_id}/records: add a record. */
  createRecord(params: HostBillZoneRef & HostBillRecordInput, options?: RequestOptions): ApiPromise<unknown>;
  /** PUT /service/{service_id}/dns/{zone_id}/records/{record_id}: change a record. */
  updateRecord(params: HostBillRecordRef & HostBillRecordInput, options?: RequestOptions): ApiPromise<unknown>;
  /** DELETE /service/{service_id}/dns/{zone_id}/records/{record_id}: remove a record. */
  deleteRecord(params: HostBillRecordRef, options?: RequestOptions): ApiPromise<unknown>;
}

/** A service as `services.listServices` lists it. */
export interface HostBillServiceSummary {
  id: HostBillId;
  name: string;
  domain: string;
  status: string;
  billingcycle: string;
  next_due: string;
  total: HostBillId;
}

export interface HostBillServicesMethods {
  /** GET /service: every service of the account. */
  listServices(params?: Record<string, never>, options?: RequestOptions): ApiPromise<{ services: Collection<HostBillServiceSummary> }>;
  /** GET /service/{id}: one service. */
  getService(params: { id: HostBillId }, options?: RequestOptions): ApiPromise<{ service: HostBillServiceSummary & { label: string; date_created: string } }>;
  /** POST /service/{id}/cancel: ask for the service's cancellation. */
  cancel(params: { id: HostBillId; immediate?: Optional<string | boolean>; reason?: Optional<string> }, options?: RequestOptions): ApiPromise<unknown>;
}

/** The account's balance, as `billing.getBalance` answers it. */
export interface HostBillBalance {
  details: { currency: string; acc_balance: HostBillId; acc_credit: HostBillId };
}

/** An invoice as `billing.listInvoices` lists it. */
export interface HostBillInvoiceSummary {
  id: HostBillId;
  status: string;
  date: string;
  duedate: string;
  datepaid: string;
  total: HostBillId;
}

export interface HostBillBillingMethods {
  /** GET /balance: the account's balance and credit. */
  getBalance(params?: Record<string, never>, options?: RequestOptions): ApiPromise<HostBillBalance>;
  /** GET /invoice: every invoice of the account. */
  listInvoices(params?: Record<string, never>, options?: RequestOptions): ApiPromise<{ invoices: Collection<HostBillInvoiceSummary> }>;
  /** GET /invoice/{id}: one invoice. */
  getInvoice(params: { id: HostBillId }, options?: RequestOptions): ApiPromise<{ invoice: HostBillInvoiceSummary & { subtotal: HostBillId } }>;
}

/** The signed-in client, as `account.getDetails` answers it. */
export interface HostBillAccountDetails {
  client: { id: HostBillId; email: string; firstname: string; lastname: string; companyname: string; country: string };
}

export interface HostBillAccountMethods {
  /** GET /details: the account's owner. */
  getDetails(params?: Record<string, never>, options?: RequestOptions): ApiPromise<HostBillAccountDetails>;
}

/** A client whose provider documents DNS zones and records (list zones, get a zone, write records). */
export interface HostBillDns {
  readonly dns: HostBillDnsMethods;
}

/** A client whose provider documents services (list, get, cancel). */
export interface HostBillServices {
  readonly services: HostBillServicesMethods;
}

/** A client whose provider documents the balance and invoices. */
export interface HostBillBilling {
  readonly billing: HostBillBillingMethods;
}

/** A client whose provider documents the account's details. */
export interface HostBillAccount {
  readonly account: HostBillAccountMethods;
}

/*
 * The 0.1.x common interface, kept so code written against it compiles: every HostBill provider's
 * client that has these endpoints implements it. New code takes the capability interfaces above.
 */
/** The fields of a record write in the 0.1.x interface. */
export interface DnsRecordFields {
  name: string;
  type: string;
  content: string;
  ttl?: number;
  priority?: number;
}

type ZoneIds = { service_id: number; zone_id: number };
type RecordIds = ZoneIds & { record_id: number };

/** The 0.1.x DNS methods (ids as numbers, responses `unknown`). */
export interface HostBillDnsApi {
  /** GET /dns: every DNS zone of the account. */
  listZones(params?: Record<string, never>, options?: RequestOptions): ApiPromise<unknown>;
  /** POST /service/{service_id}/dns: add a zone. */
  createZone(params: { service_id: number; name: string }, options?: RequestOptions): ApiPromise<unknown>;
  /** DELETE /service/{service_id}/dns/{zone_id}: remove a zone. */
  deleteZone(params: ZoneIds, options?: RequestOptions): ApiPromise<unknown>;
  /** POST /service/{service_id}/dns/{zone_id}/records: add a record. */
  createRecord(params: ZoneIds & DnsRecordFields, options?: RequestOptions): ApiPromise<unknown>;
  /** PUT /service/{service_id}/dns/{zone_id}/records/{record_id}: change a record. */
  updateRecord(params: RecordIds & Partial<DnsRecordFields>, options?: RequestOptions): ApiPromise<unknown>;
  /** DELETE /service/{service_id}/dns/{zone_id}/records/{record_id}: remove a record. */
  deleteRecord(params: RecordIds, options?: RequestOptions): ApiPromise<unknown>;
  /** @deprecated Renamed: use `listZones`. */
  getDns(params?: Record<string, never>, options?: RequestOptions): ApiPromise<unknown>;
  /** @deprecated Renamed: use `createZone`. */
  postServiceDns(params: { service_id: number; name: string }, options?: RequestOptions): ApiPromise<unknown>;
  /** @deprecated Renamed: use `deleteZone`. */
  deleteServiceDnsByZoneId(params: ZoneIds, options?: RequestOptions): ApiPromise<unknown>;
  /** @deprecated Renamed: use `createRecord`. */
  postServiceDnsRecords(params: ZoneIds & DnsRecordFields, options?: RequestOptions): ApiPromise<unknown>;
  /** @deprecated Renamed: use `updateRecord`. */
  putServiceDnsRecordsByRecordId(params: RecordIds & Partial<DnsRecordFields>, options?: RequestOptions): ApiPromise<unknown>;
  /** @deprecated Renamed: use `deleteRecord`. */
  deleteServiceDnsRecordsByRecordId(params: RecordIds, options?: RequestOptions): ApiPromise<unknown>;
}

type Details = { getDetails(params?: Record<string, never>, options?: RequestOptions): ApiPromise<unknown> };

export interface HostBillClient {
  readonly account: Details;
  /** @deprecated Renamed: use `account`. */
  readonly clientarea: Details;
  readonly billing: { getBalance(params?: Record<string, never>, options?: RequestOptions): ApiPromise<unknown> };
  readonly dns: HostBillDnsApi;
}

/** Every interface a HostBill client may implement, by name: what `contracts.ts` lists the methods of. */
export interface HostBillInterfaces {
  HostBillClient: HostBillClient;
  HostBillDns: HostBillDns;
  HostBillServices: HostBillServices;
  HostBillBilling: HostBillBilling;
  HostBillAccount: HostBillAccount;
}

/**
 * HostBill: the body rules every HostBill API shares (`hostbillRules`, passed in a HostBill client's
 * provider defaults) and the interface every HostBill provider's client implements (`HostBillClient`).
 * Generic clients import neither, so their bundles leave this module out.
 */
import type { ApiPromise } from './client.js';
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
 * The endpoints every HostBill provider shares, with the same group and method names everywhere.
 * Each HostBill provider's client implements `HostBillClient`, so code written against it (a DNS
 * automation tool, say) works with any provider's client. Field sets differ per provider, so
 * parameters list only what all providers take and responses are left to each provider's types.
 * Methods (not function properties) so each provider's narrower parameter types still conform.
 */
/** Path ids are integers in every provider's document (the API also takes numeric strings). */
export type HostBillId = number;

export interface DnsRecordFields {
  name: string;
  type: string;
  content: string;
  ttl?: number;
  priority?: number;
}

type Zone = { service_id: HostBillId; zone_id: HostBillId };
type Record_ = Zone & { record_id: HostBillId };

export interface HostBillDnsApi {
  /** GET /dns: every DNS zone of the account. */
  listZones(params?: Record<string, never>, options?: RequestOptions): ApiPromise<unknown>;
  /** POST /service/{service_id}/dns: add a zone. */
  createZone(params: { service_id: HostBillId; name: string }, options?: RequestOptions): ApiPromise<unknown>;
  /** DELETE /service/{service_id}/dns/{zone_id}: remove a zone. */
  deleteZone(params: Zone, options?: RequestOptions): ApiPromise<unknown>;
  /** POST /service/{service_id}/dns/{zone_id}/records: add a record. */
  createRecord(params: Zone & DnsRecordFields, options?: RequestOptions): ApiPromise<unknown>;
  /** PUT /service/{service_id}/dns/{zone_id}/records/{record_id}: change a record. */
  updateRecord(params: Record_ & Partial<DnsRecordFields>, options?: RequestOptions): ApiPromise<unknown>;
  /** DELETE /service/{service_id}/dns/{zone_id}/records/{record_id}: remove a record. */
  deleteRecord(params: Record_, options?: RequestOptions): ApiPromise<unknown>;
  /** @deprecated Renamed: use `listZones`. */
  getDns(params?: Record<string, never>, options?: RequestOptions): ApiPromise<unknown>;
  /** @deprecated Renamed: use `createZone`. */
  postServiceDns(params: { service_id: HostBillId; name: string }, options?: RequestOptions): ApiPromise<unknown>;
  /** @deprecated Renamed: use `deleteZone`. */
  deleteServiceDnsByZoneId(params: Zone, options?: RequestOptions): ApiPromise<unknown>;
  /** @deprecated Renamed: use `createRecord`. */
  postServiceDnsRecords(params: Zone & DnsRecordFields, options?: RequestOptions): ApiPromise<unknown>;
  /** @deprecated Renamed: use `updateRecord`. */
  putServiceDnsRecordsByRecordId(params: Record_ & Partial<DnsRecordFields>, options?: RequestOptions): ApiPromise<unknown>;
  /** @deprecated Renamed: use `deleteRecord`. */
  deleteServiceDnsRecordsByRecordId(params: Record_, options?: RequestOptions): ApiPromise<unknown>;
}

type Details = { getDetails(params?: Record<string, never>, options?: RequestOptions): ApiPromise<unknown> };

export interface HostBillClient {
  readonly account: Details;
  /** @deprecated Renamed: use `account`. */
  readonly clientarea: Details;
  readonly billing: { getBalance(params?: Record<string, never>, options?: RequestOptions): ApiPromise<unknown> };
  readonly dns: HostBillDnsApi;
}

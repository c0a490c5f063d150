import type { ApiPromise } from './client.js';
import type { RequestOptions } from './types.js';

/**
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

export interface HostBillDnsApi {
  /** GET /dns: every DNS zone of the account. */
  getDns(params?: Record<string, never>, options?: RequestOptions): ApiPromise<unknown>;
  /** POST /service/{service_id}/dns: add a zone. */
  postServiceDns(params: { service_id: HostBillId; name: string }, options?: RequestOptions): ApiPromise<unknown>;
  /** DELETE /service/{service_id}/dns/{zone_id}: remove a zone. */
  deleteServiceDnsByZoneId(params: { service_id: HostBillId; zone_id: HostBillId }, options?: RequestOptions): ApiPromise<unknown>;
  /** POST /service/{service_id}/dns/{zone_id}/records: add a record. */
  postServiceDnsRecords(params: { service_id: HostBillId; zone_id: HostBillId } & DnsRecordFields, options?: RequestOptions): ApiPromise<unknown>;
  /** PUT /service/{service_id}/dns/{zone_id}/records/{record_id}: change a record. */
  putServiceDnsRecordsByRecordId(params: { service_id: HostBillId; zone_id: HostBillId; record_id: HostBillId } & Partial<DnsRecordFields>, options?: RequestOptions): ApiPromise<unknown>;
  /** DELETE /service/{service_id}/dns/{zone_id}/records/{record_id}: remove a record. */
  deleteServiceDnsRecordsByRecordId(params: { service_id: HostBillId; zone_id: HostBillId; record_id: HostBillId }, options?: RequestOptions): ApiPromise<unknown>;
}

export interface HostBillClient {
  readonly clientarea: { getDetails(params?: Record<string, never>, options?: RequestOptions): ApiPromise<unknown> };
  readonly billing: { getBalance(params?: Record<string, never>, options?: RequestOptions): ApiPromise<unknown> };
  readonly dns: HostBillDnsApi;
}

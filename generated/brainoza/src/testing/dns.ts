import type { OperationSpec } from '../runtime/types.js';
import { errorReply, type Reply } from './reply.js';

/**
 * DNS zones and records that remember what a test did: a record added through the mock is there
 * when the zone is read again, and gone once deleted, so an ACME-style flow (list zones, add a TXT
 * record, read the zone, delete the record) runs end to end. The endpoints are recognised by their
 * route, the same in every HostBill provider: `/dns`, `/service/{service}/dns`,
 * `/service/{service}/dns/{zone}`, `…/records` and `…/records/{record}`. Answers keep the shape of
 * the documented examples, with the state's zones and records in them.
 */

export interface DnsRecordSeed {
  readonly id?: string | number;
  readonly name: string;
  readonly type: string;
  readonly content: unknown;
  readonly ttl?: string | number;
  readonly priority?: string | number;
  readonly [field: string]: unknown;
}

export interface DnsZoneSeed {
  readonly service_id: string | number;
  /** The zone's id (`zone_id` in paths, `domain_id` in lists); default: the next free one. */
  readonly zone_id?: string | number;
  readonly name: string;
  readonly records?: readonly DnsRecordSeed[];
}

type Shape = 'zones' | 'serviceZones' | 'zone' | 'records' | 'record';

const ID = '\\{[^}/]+\\}';
const SHAPES: readonly (readonly [RegExp, Shape])[] = [
  [/^\/dns$/, 'zones'],
  [new RegExp(`^/service/${ID}/dns$`), 'serviceZones'],
  [new RegExp(`^/service/${ID}/dns/${ID}$`), 'zone'],
  [new RegExp(`^/service/${ID}/dns/${ID}/records$`), 'records'],
  [new RegExp(`^/service/${ID}/dns/${ID}/records/${ID}$`), 'record'],
];

export function dnsShape(op: Pick<OperationSpec, 'path'>): Shape | undefined {
  return SHAPES.find(([re]) => re.test(op.path))?.[1];
}

interface Zone {
  service_id: string;
  domain_id: string;
  name: string;
  records: Record<string, unknown>[];
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
/** Records are documented as a list and sent keyed by id; either way, the list. */
const recordList = (value: unknown): Record<string, unknown>[] =>
  (Array.isArray(value) ? value : isObject(value) ? Object.values(value) : []).filter(isObject).map((r) => ({ ...r }));
const placeholders = (path: string): string[] => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);

export interface DnsState {
  /** The answer for a DNS endpoint, `undefined` for any other operation. */
  handle(op: OperationSpec, path: Readonly<Record<string, string>>, body: unknown, documented: unknown): Reply | undefined;
}

/**
 * `seed`: the zones to start with; default the documented examples' zones (`GET /dns`), each with
 * the records of the documented zone (`GET /service/{service}/dns/{zone}`).
 */
export function createDnsState(seed: readonly DnsZoneSeed[] | undefined, examples: { zones?: unknown; zone?: unknown }): DnsState {
  const zones: Zone[] = [];
  let nextId = 1;
  const add = (z: DnsZoneSeed) => {
    const records = recordList(z.records);
    records.forEach((r, i) => {
      r['id'] = String(r['id'] ?? i + 1);
    });
    const zone: Zone = { service_id: String(z.service_id), domain_id: String(z.zone_id ?? nextId), name: z.name, records };
    nextId = Math.max(nextId, Number(zone.domain_id) + 1 || nextId);
    zones.push(zone);
    return zone;
  };
  if (seed) seed.forEach(add);
  else {
    const zoneExample = isObject(examples.zone) ? examples.zone : {};
    const records = recordList(zoneExample['records']) as DnsRecordSeed[];
    const listed = isObject(examples.zones) && Array.isArray(examples.zones['zones']) ? examples.zones['zones'].filter(isObject) : [];
    for (const z of listed) add({ service_id: String(z['service_id'] ?? 1), zone_id: String(z['domain_id'] ?? z['id'] ?? nextId), name: String(z['name'] ?? 'example.com'), records });
    if (listed.length === 0 && isObject(examples.zone)) add({ service_id: String(zoneExample['service_id'] ?? 1), name: String(zoneExample['name'] ?? 'example.com'), records });
  }

  const summary = (z: Zone) => ({ domain_id: z.domain_id, name: z.name, service_id: z.service_id });
  const list = (documented: unknown, found: Zone[]): Reply => ({
    status: 200,
    json: { ...(isObject(documented) ? documented : {}), service_ids: [...new Set(found.map((z) => z.service_id))], zones: found.map(summary) },
  });
  const noZone = () => errorReply(404, ['zone_id: no such DNS zone']);
  const fields = (body: unknown) => Object.fromEntries(Object.entries(isObject(body) ? body : {}).filter(([, v]) => v !== undefined));

  return {
    handle(op, path, body, documented) {
      const shape = dnsShape(op);
      if (!shape) return undefined;
      const [service, zoneId, recordId] = placeholders(op.path).map((name) => path[name] ?? '');
      const base = isObject(documented) ? documented : {};
      if (shape === 'zones') return op.method === 'GET' ? list(documented, zones) : undefined;
      const ofService = zones.filter((z) => z.service_id === service);
      if (shape === 'serviceZones') {
        if (op.method === 'GET') return list(documented, ofService);
        if (op.method !== 'POST') return undefined;
        const name = String(fields(body)['name'] ?? '');
        if (!name) return errorReply(400, ['name: required']);
        const zone = add({ service_id: service ?? '', name });
        return { status: 200, json: { ...base, info: [`Domain zone ${name} was created successfully.`], zone: summary(zone) } };
      }
      const zone = ofService.find((z) => z.domain_id === zoneId);
      if (!zone) return noZone();
      if (shape === 'zone') {
        if (op.method === 'GET') return { status: 200, json: { ...base, service_id: zone.service_id, name: zone.name, records: zone.records } };
        if (op.method !== 'DELETE') return undefined;
        zones.splice(zones.indexOf(zone), 1);
        return { status: 200, json: { ...base, info: [`Domain zone ${zone.name} was deleted successfully.`] } };
      }
      if (shape === 'records') {
        if (op.method === 'GET') return { status: 200, json: { ...base, records: zone.records } };
        if (op.method !== 'POST') return undefined;
        const id = String(zone.records.reduce((max, r) => Math.max(max, Number(r['id']) || 0), 0) + 1);
        const record = { id, ...fields(body) };
        zone.records.push(record);
        return { status: 200, json: { ...base, record } };
      }
      const index = zone.records.findIndex((r) => String(r['id']) === recordId);
      if (index < 0) return errorReply(404, ['record_id: no such DNS record']);
      if (op.method === 'PUT' || op.method === 'PATCH') {
        const record = { ...zone.records[index], ...fields(body), id: recordId };
        zone.records[index] = record;
        return { status: 200, json: { ...base, record } };
      }
      if (op.method !== 'DELETE') return undefined;
      zone.records.splice(index, 1);
      return { status: 200, json: { ...base, info: ['Record deleted successfully.'] } };
    },
  };
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { importDocs, serialiseDocument, type SwaggerOperation } from '../../generator/import-docs/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Expected figures from ../shared/notes/seed-quirks.md §1. */
const SEEDS = {
  brainoza: { operations: 13, methods: { get: 5, post: 4, put: 2, delete: 2 }, tags: { Clientarea: 4, Billing: 1, DNS: 8 }, params: 39, noExample: 1, noAuth: 1 },
  'dns-services': {
    operations: 83,
    methods: { get: 47, post: 20, put: 12, delete: 4 },
    tags: { Clientarea: 15, Billing: 6, Support: 8, Domains: 32, Services: 8, Cart: 6, DNS: 8 },
    params: 129,
    noExample: 30,
    noAuth: 3,
  },
  // BalVPS's table rows number 105; its two undocumented @id placeholders are added.
  balvps: { operations: 32, methods: { get: 13, post: 12, put: 5, delete: 2 }, tags: { Clientarea: 13, Billing: 4, Support: 7, DNS: 8 }, params: 107, noExample: 2, noAuth: 5 },
  bkns: {
    operations: 135,
    methods: { get: 74, post: 43, put: 14, delete: 4 },
    tags: {
      Clientarea: 29,
      Billing: 4,
      Support: 6,
      Domains: 37,
      'SSL Certificates': 6,
      Services: 33,
      Cart: 5,
      DNS: 7,
      Location: 6,
      Willexpired: 1,
      Bkns_coupons: 1,
    },
    params: 315,
    noExample: 86,
    // 27 samples without credentials; document download, view and upload act on /domain/@id and keep them.
    noAuth: 24,
  },
} as const;

type SeedId = keyof typeof SEEDS;
const IDS = Object.keys(SEEDS) as SeedId[];

function pageOf(id: string): string {
  return readFileSync(path.join(ROOT, 'specs', id, 'userapi-docs.txt'), 'utf8');
}

const results = Object.fromEntries(IDS.map((id) => [id, importDocs(pageOf(id), { file: `specs/${id}/userapi-docs.txt` })])) as Record<
  SeedId,
  ReturnType<typeof importDocs>
>;

function operations(id: SeedId): [string, string, SwaggerOperation][] {
  return Object.entries(results[id].document.paths).flatMap(([route, item]) =>
    Object.entries(item).map(([method, op]) => [method, route, op] as [string, string, SwaggerOperation]),
  );
}

function tally(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

describe.each(IDS)('%s', (id) => {
  const expected = SEEDS[id];
  const ops = operations(id);

  it('has one operation per "HTTP Request" block', () => {
    const blocks = pageOf(id).split('\n').filter((l) => l.trim() === 'HTTP Request').length;
    expect(results[id].operationCount).toBe(expected.operations);
    expect(ops).toHaveLength(expected.operations);
    expect(blocks).toBe(expected.operations);
  });

  it('has the documented methods, sections and parameter count', () => {
    expect(tally(ops.map(([m]) => m))).toEqual(expected.methods);
    expect(tally(ops.map(([, , op]) => op.tags[0] as string))).toEqual(expected.tags);
    expect(results[id].document.tags.map((t) => t.name)).toEqual(Object.keys(expected.tags));
    expect(ops.reduce((n, [, , op]) => n + op.parameters.length, 0)).toBe(expected.params);
  });

  it('fences every example and says "Success" where there is none', () => {
    const descriptions = ops.map(([, , op]) => op.responses['200'].description);
    expect(descriptions.filter((d) => d === 'Success')).toHaveLength(expected.noExample);
    for (const d of descriptions.filter((x) => x !== 'Success')) expect(d).toMatch(/^```json\n[\s\S]*\n```$/);
  });

  it('marks exactly the operations whose samples carry no auth', () => {
    expect(ops.filter(([, , op]) => op.security !== undefined)).toHaveLength(expected.noAuth);
    for (const [, , op] of ops) if (op.security !== undefined) expect(op.security).toEqual([]);
  });

  it('keeps @name placeholders and makes each one a required path parameter', () => {
    for (const [, route, op] of ops) {
      expect(route).not.toMatch(/[{}]/);
      const holes = [...route.matchAll(/@([^/]+)/g)].map((m) => m[1]);
      const pathParams = op.parameters.filter((p) => p.in === 'path');
      expect(pathParams.map((p) => p.name)).toEqual(holes);
      for (const p of pathParams) expect(p.required).toBe(true);
      expect(new Set(op.parameters.map((p) => p.name)).size).toBe(op.parameters.length);
    }
  });

  it('gives unique operationIds', () => {
    const ids = ops.map(([, , op]) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is a valid Swagger 2.0 document once placeholders become {name}', async () => {
    const copy = structuredClone(results[id].document) as unknown as { paths: Record<string, unknown> };
    copy.paths = Object.fromEntries(Object.entries(copy.paths).map(([p, v]) => [p.replace(/@([^/]+)/g, '{$1}'), v]));
    await expect(SwaggerParser.validate(copy as never)).resolves.toBeDefined();
  });

  it('is deterministic and its notes are in the document', () => {
    const again = importDocs(pageOf(id), { file: `specs/${id}/userapi-docs.txt` });
    expect(serialiseDocument(again.document)).toBe(serialiseDocument(results[id].document));
    expect(results[id].document['x-import-notes']).toEqual(results[id].notes);
    for (const note of results[id].notes) expect(note).toMatch(/^line \d+: /);
  });

  it('matches the committed specs/<id>/swagger.json', () => {
    const committed = readFileSync(path.join(ROOT, 'specs', id, 'swagger.json'), 'utf8');
    expect(committed).toBe(serialiseDocument(results[id].document));
  });

  it('matches its snapshot', async () => {
    await expect(serialiseDocument(results[id].document)).toMatchFileSnapshot(`./__snapshots__/${id}.swagger.json`);
  });
});

describe('seed findings, with page line numbers', () => {
  it.each([
    ['brainoza', 'line 88: POST /login hands out tokens, but the page documents only Basic authentication'],
    ['brainoza', 'line 627: POST /service/@service_id/dns/@zone_id/records: content is string in one sample body and array in another'],
    ['dns-services', 'line 1779: GET /domain/@id/dns: title "DNS Records DNS Records" repeats itself'],
    ['dns-services', 'line 1976: PUT /domain/@id/dns/@index lists record_id, not index; used it as the path parameter index'],
    ['dns-services', 'line 2040: DELETE /domain/@id/dns/@index lists record_id, not index; used it as the path parameter index'],
    ['dns-services', 'line 2907: GET /domain/order/@id/form lists tld_id, not id'],
    ['dns-services', 'line 1203: GET /ticket/attachment/@file lists number'],
    ['dns-services', 'line 2229: PUT /domain/@id/reglock documents no payload fields'],
    ['balvps', 'line 281: POST /signup: row "Email Address Required" has no name cell; named it "email" from the sample body'],
    ['balvps', 'line 1100: GET /invoice/@id: placeholder @id is not in the parameter table'],
    ['balvps', 'line 165: POST /token: description of refresh_token ends mid-sentence'],
    ['bkns', 'line 1128: POST /ekyc/faceid/verification: sample body key "image_live_1 " has stray spaces'],
    ['bkns', 'line 1194: POST /ekyc/faceid/verifications has the title "Faceid verification"'],
    ['bkns', 'line 5643: the sample calls GET "https://my.bkns.net/api/GET /location/state/city/@name"'],
    ['bkns', 'line 5694: GET /willexpired/@code/state has the title "Get state"'],
    ['bkns', 'line 4001: POST /service/@id/vms/@vmid/ippool/@pool: row pool is split over three lines'],
    ['bkns', 'line 4371: POST /service/@id/rdns: ipaddress is described as a key/value map'],
    ['bkns', 'line 2713: GET /domain/documents/download/uploaded/@token ("Download Document Uploaded") may return a file'],
  ] as const)('%s: %s', (id, start) => {
    expect(results[id].notes.some((n) => n.startsWith(start))).toBe(true);
  });

  it('counts the lost enum values and patterns of BalVPS (8 and 8)', () => {
    const notes = results.balvps.notes;
    expect(notes.filter((n) => n.includes('"Available values" of'))).toHaveLength(8);
    expect(notes.filter((n) => n.includes('"Value pattern" of'))).toHaveLength(8);
  });

  it('keeps example text verbatim, broken JSON included', () => {
    const lines = pageOf('brainoza').split('\n');
    const balance = results.brainoza.document.paths['/balance']?.['get'];
    expect(balance?.responses['200'].description).toBe('```json\n' + lines.slice(355, 365).join('\n') + '\n```');
    expect(balance?.responses['200'].description).toContain('{\n    {');
  });

  it('takes the title, not the section intro, for BKNS "Get state" under Willexpired and for the coupon section', () => {
    const paths = results.bkns.document.paths;
    expect(paths['/willexpired/@code/state']?.['get']).toMatchObject({ tags: ['Willexpired'], summary: 'Get state' });
    expect(paths['/domain/coupons/bkns_coupons']?.['post']).toMatchObject({ tags: ['Bkns_coupons'], summary: 'Mã Giam giá theo Người dùng' });
  });

  it('documents both auth schemes where the page does', () => {
    for (const id of ['dns-services', 'balvps', 'bkns'] as const) {
      expect(Object.keys(results[id].document.securityDefinitions ?? {})).toEqual(['jwt', 'basic']);
      expect(results[id].document.security).toEqual([{ jwt: [] }, { basic: [] }]);
    }
  });
});

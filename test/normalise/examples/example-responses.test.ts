import { type OpenApiDocument } from '../../../generator/openapi/index.ts';
import type { OpenAPIV3 } from 'openapi-types';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { validateOpenApi } from '../../../generator/normalise/index.ts';
import { exampleResponsesPass } from '../../../generator/normalise/passes/example-responses.ts';
import { collectingContext, hostbillProvider } from '../../helpers/context.ts';

const op = (operationId: string, description: string, extra: Partial<OpenAPIV3.OperationObject> = {}): OpenAPIV3.OperationObject => ({
  operationId,
  responses: { 200: { description } },
  ...extra,
});

function tinyDoc(): OpenApiDocument {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/details': { get: op('getDetails', '```json\n\r{\r\n "client": {\r\n "id": "26",\r\n "email": "a@b.c"\r\n }\r\n}') },
      '/balance': { get: op('getBalance', 'Balance first.\n\n```json\n{\n {\n "success": true\n }\n}\n```') },
      '/service/{service_id}/dns': { get: op('dnsList', '```json\n{\n    "error": [\n        "invalid method"\n    ]\n}\n```') },
      '/certificate/{id}/crt': { get: op('certificateCrt', '```json\n\r') },
      '/broken': { get: op('broken', '```json\n{"a": yes}') },
      '/server': { get: op('getServers', '```json\n\r{\n "server_id": 110,\n "label": "Data Server"\n}', { summary: 'List All Servers' }) },
      '/logout': { post: op('logout', '`Success`') },
      '/service/{id}/upgrade': {
        post: op('upgradeTest', '`Success`', {
          description: 'Estimate or request upgrade\r\n\r\n```json\r\n// Format of \'\'resources\'\' paremeter\r\n{\r\n "resource_id" : "qty_value"\r\n}\r\n```',
        }),
      },
      '/typed': {
        get: {
          operationId: 'typed',
          responses: { 200: { description: '```json\n{"a": 1}', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
      '/from-operation': { get: op('fromOperation', 'OK', { description: 'Zone.\n\nExample Response:\n```json\n{"id": "1"}\n```' }) },
    },
    components: { schemas: { Details: { type: 'string' } } },
  };
}

describe('example-responses pass', () => {
  const doc = tinyDoc();
  const ctx = collectingContext();
  exampleResponsesPass.run(doc, ctx);
  const response = (path: string, method: 'get' | 'post' = 'get') => doc.paths[path]![method]!.responses['200'] as OpenAPIV3.ResponseObject;
  const warnings = ctx.entries.filter((e) => e.kind === 'warning');

  it('adds a schema under a free name and references it with the example', () => {
    expect(doc.components?.schemas?.Details).toEqual({ type: 'string' });
    const schema = doc.components?.schemas?.Details2 as OpenAPIV3.SchemaObject;
    expect(schema).toMatchObject({ type: 'object', required: ['client'], 'x-inferred-from-example': true });
    expect(response('/details')).toEqual({
      description: 'Success',
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/Details2' },
          example: { client: { id: '26', email: 'a@b.c' } },
        },
      },
    });
  });

  it('keeps the rest of the description, repairs the example and says so', () => {
    expect(response('/balance').description).toBe('Balance first.');
    expect(response('/balance').content?.['application/json']?.example).toEqual({ success: true });
    expect(ctx.entries).toContainEqual(
      expect.objectContaining({ kind: 'change', pointer: '/components/schemas/Balance', message: expect.stringContaining('repaired: double-brace') }),
    );
    expect(ctx.entries).toContainEqual(expect.objectContaining({ kind: 'change', pointer: '/paths/~1balance/get/responses/200' }));
  });

  it('creates no type for an error body, an empty or an unparseable example, and warns with the reason', () => {
    for (const path of ['/service/{service_id}/dns', '/certificate/{id}/crt', '/broken']) expect(response(path).content).toBeUndefined();
    expect(Object.keys(doc.components?.schemas ?? {}).some((name) => /DnsList|CertificateCrt|Broken/.test(name))).toBe(false);
    const byPointer = (p: string) => warnings.find((w) => w.pointer === p)?.message ?? '';
    expect(byPointer('/paths/~1service~1{service_id}~1dns/get/responses/200/description')).toMatch(/error body/);
    expect(byPointer('/paths/~1certificate~1{id}~1crt/get/responses/200/description')).toMatch(/empty/);
    expect(byPointer('/paths/~1broken/get/responses/200/description')).toMatch(/not parseable \(unexpected character "y" at line 1 column 7\)/);
    expect(response('/broken').description).toBe('```json\n{"a": yes}');
  });

  it('accepts a bare array where a list operation documents one item, the item named after the resource', () => {
    const schema = doc.components?.schemas?.GetServersResult as OpenAPIV3.SchemaObject;
    expect(schema.anyOf).toEqual([{ $ref: '#/components/schemas/Server' }, { type: 'array', items: { $ref: '#/components/schemas/Server' } }]);
    expect(doc.components?.schemas?.Server).toMatchObject({ type: 'object', required: ['server_id', 'label'], 'x-inferred-from-example': true });
  });

  it('leaves `Success`, a parameter-format block and an existing schema alone', () => {
    expect(response('/logout', 'post')).toEqual({ description: '`Success`' });
    expect(response('/service/{id}/upgrade', 'post')).toEqual({ description: '`Success`' });
    expect(doc.paths['/service/{id}/upgrade']!.post!.description).toContain('```json');
    expect(warnings.map((w) => w.pointer)).toContain('/paths/~1service~1{id}~1upgrade/post/description');
    expect(response('/typed').content).toEqual({ 'application/json': { schema: { type: 'object' } } });
  });

  it('falls back to an operation description that introduces a response example', () => {
    expect(response('/from-operation').content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/FromOperation' });
    expect(doc.paths['/from-operation']!.get!.description).toBe('Zone.\n\nExample Response:');
    expect(response('/from-operation').description).toBe('OK');
  });

  it('produces a valid OpenAPI document whose types keep shown fields typed', async () => {
    await validateOpenApi(doc, 'tiny.json');
    const source = astToString(await openapiTS(doc as never));
    expect(source).toMatch(/email: string;/);
    expect(source).toMatch(/id: string \| number;/);
    expect(source).toMatch(/\[key: string\]: unknown;/);
  });
});

describe('example-responses pass: named resources', () => {
  const fence = (value: unknown) => `\`\`\`json\n${JSON.stringify(value)}\n\`\`\``;
  const record = { id: '1', name: 'www', type: 'A', ttl: 3600, content: '192.0.2.1' };
  const invoice = { id: '7', total: '1.00', status: 'Paid' };
  const doc = (): OpenApiDocument => ({
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/service/{service_id}/dns/{zone_id}': { get: op('getZone', fence({ service_id: 1, name: 'a.com', records: [record] })) },
      '/service/{service_id}/dns/{zone_id}/records': { get: op('listRecords', fence({ records: [record] })) },
      '/invoice': { get: op('listInvoices', fence({ invoices: [{ id: '7', total: '1.00' }] })) },
      '/invoice/{id}': { get: op('getInvoice', fence({ invoice })) },
      '/service/{service_id}/dns': { post: op('createZone', fence({ info: ['added'] })) },
    },
  });
  const refOf = (d: OpenApiDocument, path: string) => ((d.paths[path]!.get ?? d.paths[path]!.post)!.responses['200'] as OpenAPIV3.ResponseObject).content?.['application/json']?.schema;

  it('names HostBill bodies and the resources inside them, sharing a name where shapes agree', () => {
    const d = doc();
    exampleResponsesPass.run(d, collectingContext());
    const schemas = d.components?.schemas ?? {};
    expect(Object.keys(schemas)).toEqual(['DnsZone', 'DnsRecord', 'ListRecordsResult', 'ListInvoicesResult', 'InvoiceListItem', 'GetInvoiceResult', 'Invoice', 'CreateZoneResult']);
    expect(refOf(d, '/service/{service_id}/dns/{zone_id}')).toEqual({ $ref: '#/components/schemas/DnsZone' });
    const records = { anyOf: [{ type: 'array', items: { $ref: '#/components/schemas/DnsRecord' } }, { type: 'object', additionalProperties: { $ref: '#/components/schemas/DnsRecord' } }] };
    expect((schemas.DnsZone as OpenAPIV3.SchemaObject).properties?.records).toEqual(records);
    expect((schemas.ListRecordsResult as OpenAPIV3.SchemaObject).properties?.records).toEqual(records);
    expect((schemas.GetInvoiceResult as OpenAPIV3.SchemaObject).properties?.invoice).toEqual({ $ref: '#/components/schemas/Invoice' });
    expect(schemas.Invoice).toMatchObject({ required: ['id', 'total', 'status'], 'x-inferred-from-example': true });
    expect(schemas.InvoiceListItem).toMatchObject({ required: ['id', 'total'] });
  });

  it('names a generic document\'s bodies <Key>Response and hoists nothing', () => {
    const d = doc();
    exampleResponsesPass.run(d, collectingContext({ ...hostbillProvider, hostbill: false }));
    expect(Object.keys(d.components?.schemas ?? {})).toEqual(['GetZoneResponse', 'ListRecordsResponse', 'ListInvoicesResponse', 'GetInvoiceResponse', 'CreateZoneResponse']);
  });

  it('is deterministic', () => {
    const [a, b] = [doc(), doc()];
    exampleResponsesPass.run(a, collectingContext());
    exampleResponsesPass.run(b, collectingContext());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

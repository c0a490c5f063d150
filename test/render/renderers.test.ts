import { describe, expect, it } from 'vitest';
import type { ProviderConfig } from '../../generator/config/provider-config.ts';
import { buildModel } from '../../generator/model/build-model.ts';
import { renderClientFile } from '../../generator/render/client-file.ts';
import { renderIndexFile } from '../../generator/render/index-file.ts';
import { renderOperationsFile } from '../../generator/render/operations-file.ts';
import { renderPackageJson } from '../../generator/render/package-json-file.ts';
import { renderReadme } from '../../generator/render/readme-file.ts';
import { renderTypesFile } from '../../generator/render/types-file.ts';

/** Each renderer alone, on a two-operation model: given the model, the text it must contain. */
const provider: ProviderConfig = { id: 'acme', displayName: 'Acme', packageName: '@clientgen/acme', baseUrl: 'https://acme.test/api', auth: ['basic'], hostbill: true };
const ok = { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'object' as const } } } } };
const model = buildModel(
  {
    openapi: '3.0.3',
    info: { title: 'Acme', version: '1' },
    security: [{ basicAuth: [] }],
    paths: {
      '/dns': { get: { operationId: 'getDns', tags: ['DNS'], summary: 'List zones', responses: ok } },
      '/service/{service_id}/dns': {
        post: {
          operationId: 'postServiceDns',
          tags: ['DNS'],
          parameters: [{ name: 'service_id', in: 'path', required: true, schema: { type: 'integer' } }],
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } } },
          responses: ok,
        },
      },
    },
  },
  provider,
  'spec.json',
);
const info = { version: '0.1.0', specVersion: '1', specHash: 'sha256-x', specPath: 'specs/acme/swagger.json' };

describe('renderers', () => {
  it.each([
    ['operations', () => renderOperationsFile(model, '// h\n'), [
      '// h\n',
      "listZones: { method: 'GET', path: '/dns', group: 'dns', name: 'listZones', pathParams: [], queryParams: [], bodyParams: [], body: 'none', auth: true, response: 'json' },".replace(/'/g, '"'),
      '} as const satisfies Record<string, OperationSpec>',
      'export type OperationId = keyof typeof operations;',
    ]],
    ['types', () => renderTypesFile(model, ''), [
      'export type ListZonesParams = Record<string, never>;',
      'export type ListZonesResult = operations["listZones"]["responses"]["200"]["content"]["application/json"];',
      'export type ListZonesResponse = ListZonesResult;',
      'export type CreateZoneBody = NonNullable<operations["createZone"]["requestBody"]>["content"]["application/json"];',
      // HostBill parameters are lenient; the path parameter is named so it takes `string | number`.
      'import type { Lenient } from "./runtime/index.js";',
      'export type CreateZoneParams = Lenient<operations["createZone"]["parameters"]["path"] & CreateZoneBody, "service_id">;',
    ]],
    ['client', () => renderClientFile(model, provider, ''), [
      'export class AcmeClient extends ApiClient {',
      'readonly dns: DnsApi;',
      "constructor(options?: ClientOptions<\"basic\">) {",
      "super(options, { baseUrl: \"https://acme.test/api\", envPrefix: \"ACME\", authSchemes: [\"basic\"], rules: hostbillRules, nulls: \"omit\", query: \"php\" });",
      'listZones(params: T.ListZonesParams = {}, options?: RequestOptions): ApiPromise<T.ListZonesResponse> {',
      'return this.#client.request(operations.createZone, params, options);',
      // The 0.1.x name stays, deprecated, calling the same operation.
      '@deprecated Renamed: use `client.dns.listZones`.',
      'getDns(params: T.ListZonesParams = {}, options?: RequestOptions): ApiPromise<T.ListZonesResponse> {',
    ]],
    ['index', () => renderIndexFile(model, provider, ''), ['export { AcmeClient, DnsApi } from "./client.js";', 'export type * from "./types.js";']],
    ['README', () => renderReadme(model, provider, info), ['# Acme API client', '| List zones | `client.dns.listZones()` | GET | `/dns` |', 'const result = await client.dns.listZones();']],
    ['package.json', () => renderPackageJson(provider, info), ['"name": "@clientgen/acme"', '"specHash": "sha256-x"']],
  ])('%s', (_, render, wants) => {
    const text = render();
    for (const want of wants) expect(text).toContain(want);
  });
});

import { describe, expect, it } from 'vitest';
import type { ProviderConfig } from '../../generator/config/provider-config.ts';
import { buildModel } from '../../generator/model/build-model.ts';
import type { OpenApiDocument } from '../../generator/openapi/index.ts';

const generic: ProviderConfig = { id: 'acme', displayName: 'Acme', packageName: 'acme', baseUrl: 'https://acme.test', auth: [], hostbill: false };
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const ok = { 200: { description: 'ok', ...json({ type: 'object', properties: { page: { type: 'object' } } }) } };

function model(paths: OpenApiDocument['paths'], extra: Partial<OpenApiDocument> = {}) {
  return buildModel({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths, ...extra }, generic, 'spec.json');
}

describe('buildModel: one operation', () => {
  const doc = {
    '/zones/{zone}/records': {
      parameters: [{ name: 'zone', in: 'path' as const, required: true, schema: { type: 'integer' as const } }],
      post: {
        operationId: 'addRecord',
        tags: ['DNS'],
        parameters: [{ name: 'page', in: 'query' as const, schema: { type: 'integer' as const } }],
        requestBody: { required: true, ...json({ type: 'object', required: ['name'], properties: { name: { type: 'string' }, ttl: { type: 'integer' } } }) },
        responses: ok,
      },
    },
  };

  it.each([
    ['group', 'dns'],
    ['name', 'addRecord'],
    ['operationId', 'addRecord'],
    ['typeStem', 'AddRecord'],
    ['method', 'POST'],
    ['pathParams', ['zone']],
    ['queryParams', ['page']],
    ['bodyParams', ['name', 'ttl']],
    ['body', 'fields'],
    ['bodyRequired', true],
    ['response', 'json'],
    ['paged', true],
    ['auth', false],
    ['requiredParams', [{ name: 'zone', sample: 1 }, { name: 'name', sample: 'example' }]],
    ['pointer', '/paths/~1zones~1{zone}~1records/post'],
  ])('%s', (field, want) => expect((model(doc).operations[0] as unknown as Record<string, unknown>)[field]).toEqual(want));
});

describe('buildModel: bodies and responses', () => {
  it.each([
    ['a JSON object whose fields clash with a parameter is sent whole', { parameters: [{ name: 'name', in: 'query', schema: { type: 'string' } }], requestBody: json({ type: 'object', properties: { name: { type: 'string' } } }) }, 'whole'],
    ['a JSON array is sent whole', { requestBody: json({ type: 'array', items: {} }) }, 'whole'],
    ['no request body', {}, 'none'],
  ])('%s', (_, operation, want) => {
    expect(model({ '/a': { post: { operationId: 'a', responses: ok, ...(operation as object) } } }).operations[0]?.body).toBe(want);
  });

  const object = { type: 'object', properties: { file: { type: 'string', format: 'binary' }, note: { type: 'string' } } };
  it.each([
    ['JSON first, then the others as declared', { 'text/plain': { schema: { type: 'string' } }, 'application/xml': { schema: object }, 'application/json': { schema: object } }, { body: 'whole', contentTypes: ['application/json', 'text/plain', 'application/xml'], bodyMediaType: 'application/json' }],
    ['multipart fields, with the encoding object', { 'multipart/form-data': { schema: object, encoding: { note: { contentType: 'text/markdown' } } } }, { body: 'fields', bodyParams: ['file', 'note'], contentTypes: ['multipart/form-data'], encoding: { note: 'text/markdown' } }],
    ['urlencoded fields', { 'application/x-www-form-urlencoded': { schema: object } }, { body: 'fields', bodyParams: ['file', 'note'], contentTypes: ['application/x-www-form-urlencoded'] }],
    ['JSON or multipart: both carry fields', { 'application/json': { schema: object }, 'multipart/form-data': { schema: object } }, { body: 'fields', contentTypes: ['application/json', 'multipart/form-data'] }],
    ['bytes are sent whole', { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } }, { body: 'whole', bodyParams: [], contentTypes: ['application/octet-stream'] }],
  ])('media types: %s', (_, content, want) => {
    expect(model({ '/a': { post: { operationId: 'a', responses: ok, requestBody: { content } as never } } }).operations[0]).toMatchObject(want);
  });

  it('GET and HEAD send no body, whatever they declare', () => {
    const op = model({ '/a': { get: { operationId: 'a', responses: ok, requestBody: json({ type: 'object', properties: { q: { type: 'string' } } }) } } }).operations[0];
    expect([op?.body, op?.bodyParams, op?.contentTypes, op?.bodyRequired]).toEqual(['none', [], undefined, false]);
  });

  it('a success response that is not JSON is binary', () => {
    const op = model({ '/f': { get: { operationId: 'f', responses: { 200: { description: 'file', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } } } } } }).operations[0];
    expect([op?.response, op?.hasResponseSchema]).toEqual(['binary', true]);
  });
});

describe('buildModel: the client', () => {
  it('groups by first tag, names classes and reads the document\'s auth', () => {
    const m = model(
      { '/a': { get: { operationId: 'a', tags: ['Server Management'], security: [{ key: [] }], responses: ok } } },
      { components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' }, bearer: { type: 'http', scheme: 'bearer' } } } },
    );
    expect(m.className).toBe('AcmeClient');
    expect(m.envPrefix).toBe('ACME');
    expect(m.groups.map((g) => [g.name, g.className, g.title])).toEqual([['serverManagement', 'ServerManagementApi', 'Server Management']]);
    expect(m.auth).toEqual({ schemes: ['apiKey', 'bearer'], apiKey: { in: 'header', name: 'X-Key' } });
    expect(m.operations[0]?.auth).toBe(true);
  });
});

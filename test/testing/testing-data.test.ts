import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OpenAPIV3 } from 'openapi-types';
import { afterAll, describe, expect, it } from 'vitest';
import type { OperationModel } from '../../generator/model/operation-model.ts';
import { buildTestingCatalog, renderTestingData, sampleOf, schemaRule } from '../../generator/render/testing-data.ts';
import { identifiersIn } from '../helpers/typescript.ts';
import { ROOT } from '../helpers/workspace.ts';

/** The fields of the model the renderer reads, for one operation. */
function op(method: OperationModel['method'], p: string, extra: Partial<OperationModel> = {}): OperationModel {
  return {
    operationId: `${method} ${p}`, typeStem: 'N', groupTitle: 'g', method, path: p, group: 'g', name: 'n', pathParams: [], queryParams: [], bodyParams: [],
    body: 'none', auth: true, response: 'json', responseMediaType: 'application/json', responseInferred: false, hasResponseSchema: true,
    successStatus: '200', hasQuery: false, queryRequired: false, headerRequired: false, hasPath: false, bodyRequired: false, requiredParams: [], deprecated: false,
    paged: false, pointer: '', errors: [], ...extra,
  };
}

const doc = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  servers: [{ url: 'https://my.example.com/api' }],
  paths: {
    '/zones/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
      get: {
        parameters: [{ name: 'kind', in: 'query', schema: { $ref: '#/components/schemas/Kind' } }],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Zone' }, example: { id: '1', name: 'a.com' } } } } },
      },
      put: {
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', pattern: '^[a-z.]+$' }, bad: { type: 'string', pattern: '(?<' } } } } } },
        responses: { '201': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Zone' } } } } },
      },
    },
    '/tree': {
      post: {
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } },
        responses: { '200': { description: 'ok' } },
      },
    },
    '/file': { get: { responses: { '200': { description: 'ok', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } } } } },
  },
  components: {
    schemas: {
      Kind: { type: 'string', enum: ['master', 'slave'] },
      Zone: { type: 'object', properties: { id: { oneOf: [{ type: 'integer' }, { type: 'string' }] }, name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } }, owner: { type: 'string', format: 'email' } } },
      Node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
    },
  },
} as unknown as OpenAPIV3.Document;

const model = {
  operations: [
    op('GET', '/zones/{id}', { pathParams: ['id'], queryParams: ['kind'] }),
    op('PUT', '/zones/{id}', { pathParams: ['id'], body: 'fields', bodyParams: ['name', 'bad'], bodyMediaType: 'application/json', successStatus: '201' }),
    op('POST', '/tree', { body: 'whole', bodyMediaType: 'application/json', responseMediaType: undefined, successStatus: undefined, hasResponseSchema: false }),
    op('GET', '/file', { response: 'binary', responseMediaType: undefined }),
  ],
};

describe('buildTestingCatalog', () => {
  const catalog = buildTestingCatalog(model, doc);

  it('keys operations by route and keeps the base URL', () => {
    expect(catalog.baseUrl).toBe('https://my.example.com/api');
    expect(Object.keys(catalog.operations)).toEqual(['GET /zones/{id}', 'PUT /zones/{id}', 'POST /tree', 'GET /file']);
  });

  it('lists path, query and body field rules, references inlined', () => {
    expect(catalog.operations['GET /zones/{id}']?.params).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
      { name: 'kind', in: 'query', schema: { type: 'string', enum: ['master', 'slave'] } },
    ]);
    expect(catalog.operations['PUT /zones/{id}']).toMatchObject({
      bodyRequired: true,
      params: [
        { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
        { name: 'name', in: 'body', required: true, schema: { type: 'string', pattern: '^[a-z.]+$' } },
        { name: 'bad', in: 'body', schema: { type: 'string' } }, // a pattern JavaScript cannot read is left out
      ],
    });
  });

  it('answers with the documented example, else a sample of the response schema, else nothing', () => {
    expect(catalog.operations['GET /zones/{id}']).toMatchObject({ answer: { id: '1', name: 'a.com' }, documented: true });
    expect(catalog.operations['PUT /zones/{id}']).toMatchObject({ status: 201, answer: { id: 1, name: 'example', tags: ['example'], owner: 'user@example.com' } });
    expect(catalog.operations['PUT /zones/{id}']?.documented).toBeUndefined();
    expect(catalog.operations['POST /tree']?.answer).toBeUndefined();
    expect(catalog.operations['GET /file']).toEqual({ contentType: 'application/pdf' });
  });

  it('cuts recursive schemas where they repeat', () => {
    expect(catalog.operations['POST /tree']?.body).toEqual({
      type: 'object',
      properties: { name: { type: 'string' }, children: { type: 'array' } },
    });
    expect(schemaRule(doc, { $ref: '#/components/schemas/Node' }).properties?.['children']).toBeDefined();
    expect(sampleOf(doc, { $ref: '#/components/schemas/Node' })).toEqual({ name: 'example', children: [] });
    expect(sampleOf(doc, { type: 'string', examples: ['from 3.1'] } as OpenAPIV3.SchemaObject)).toBe('from 3.1');
  });
});

describe('renderTestingData', () => {
  const dir = path.join(ROOT, '.tmp', `testing-data-${process.pid}`);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps hostile spec text as data: no identifier from the document becomes code', async () => {
    const payload = "'); globalThis.pwned = 1; ('\u2028*/ pwnedToo() /*${pwnedThree}`";
    const hostile = structuredClone(doc) as unknown as { paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { example: unknown }> }> }>> };
    hostile.paths['/zones/{id}']!['get']!.responses['200']!.content['application/json']!.example = { [payload]: payload, __proto__x: 1, ['__proto__']: payload };
    const text = renderTestingData(model, hostile as unknown as OpenAPIV3.Document, "specs/x/swagger.json");
    for (const name of ['pwned', 'pwnedToo', 'pwnedThree']) expect(identifiersIn(text).has(name)).toBe(false);
    await mkdir(dir, { recursive: true });
    const declaration = /^const catalog: Catalog = \{$[\s\S]*?^\};$/m.exec(text)?.[0];
    await writeFile(path.join(dir, 'catalog.ts'), `export ${declaration?.replace(': Catalog', '')}\n`);
    const { catalog } = (await import(path.join(dir, 'catalog.ts'))) as { catalog: ReturnType<typeof buildTestingCatalog> };
    const answer = catalog.operations['GET /zones/{id}']?.answer as Record<string, unknown>;
    expect(answer[payload]).toBe(payload);
    expect(Object.getOwnPropertyNames(answer)).toContain('__proto__');
    expect(Object.getPrototypeOf(answer)).toBe(Object.prototype);
  });

  it('is deterministic', () => {
    expect(renderTestingData(model, doc)).toBe(renderTestingData(model, structuredClone(doc)));
  });
});

import { type OpenApiDocument } from '../../generator/openapi/index.ts';
import type { OpenAPIV3 } from 'openapi-types';
import { describe, expect, it } from 'vitest';
import { hostbillAuthPass } from '../../generator/normalise/passes/hostbill-auth.ts';
import { operationIdsPass } from '../../generator/normalise/passes/operation-ids.ts';
import { ownedItemAuthPass } from '../../generator/normalise/passes/owned-item-auth.ts';
import { parameterSchemasPass } from '../../generator/normalise/passes/parameter-schemas.ts';
import { queryFieldsToBodyPass } from '../../generator/normalise/passes/query-fields-to-body.ts';
import { serversPass } from '../../generator/normalise/passes/servers.ts';
import { collectingContext, hostbillProvider } from '../helpers/context.ts';

const ok = { 200: { description: 'ok' } };
const doc = (paths: OpenAPIV3.PathsObject, extra: Partial<OpenApiDocument> = {}): OpenApiDocument => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths,
  ...extra,
});

describe('operation-ids', () => {
  const paths = (): OpenAPIV3.PathsObject => ({
    '/servers': { get: { operationId: 'getServers', tags: ['Servers'], responses: ok } },
    '/vpn/servers': { get: { operationId: 'VPN Management_getServers', tags: ['VPN'], responses: ok } },
    '/x': { get: { operationId: 'get servers', tags: ['Servers'], responses: ok }, post: { tags: ['Servers'], responses: ok } },
    '/y/{id}': { delete: { operationId: '123 start', responses: ok } },
    '/z': { get: { operationId: 'constructor', responses: ok } },
  });
  const idsOf = (d: OpenApiDocument): (string | undefined)[] =>
    [d.paths['/servers']?.get, d.paths['/vpn/servers']?.get, d.paths['/x']?.get, d.paths['/x']?.post, d.paths['/y/{id}']?.delete, d.paths['/z']?.get].map((o) => o?.operationId);

  it('generic documents: camelCase identifiers from the operationIds, unique, missing ones from the route', () => {
    const d = doc(paths());
    const ctx = collectingContext({ ...hostbillProvider, hostbill: false });
    operationIdsPass.run(d, ctx);
    const ids = idsOf(d);
    expect(ids).toEqual(['getServers', 'vpnManagementGetServers', 'getX', 'postX', '_123start', 'constructor_']);
    expect(ctx.entries.filter((e) => e.kind === 'change').map((e) => e.message)).not.toContain('operationId "getServers" → getServers');
    expect(new Set(ids).size).toBe(ids.length);
    expect(ctx.entries).toContainEqual({ pass: 'test', kind: 'warning', message: 'operationId "get servers" gives the method name getServers, which another operation has; renamed to getX', pointer: '/paths/~1x/get/operationId' });
  });

  it('HostBill documents: the route names the method (a verb on its resource), and a method name two groups share is prefixed with the group', () => {
    const d = doc(paths());
    const ctx = collectingContext();
    operationIdsPass.run(d, ctx);
    expect(idsOf(d)).toEqual(['serversListServers', 'vpnListServers', 'getX', 'createX', 'deleteY', 'getZ']);
  });

  it('reports an operationId written twice in a generic document as a warning naming both places, and renames the second', () => {
    const d = doc({ '/a': { get: { operationId: 'x', responses: ok } }, '/b': { get: { operationId: 'x', responses: ok } } });
    const ctx = collectingContext({ ...hostbillProvider, hostbill: false });
    operationIdsPass.run(d, ctx);
    expect(ctx.entries).toContainEqual({ pass: 'test', kind: 'warning', message: 'operationId "x" is also used at #/paths/~1a/get/operationId (operationIds must be unique)', pointer: '/paths/~1b/get/operationId' });
    expect([d.paths['/a']?.get?.operationId, d.paths['/b']?.get?.operationId]).toEqual(['x', 'getB']);
  });
});

describe('query-fields-to-json-body', () => {
  it('turns POST/PUT query fields into one JSON body and keeps GET query parameters', () => {
    const d = doc({
      '/service/{id}/label': {
        post: {
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
            { name: 'id', in: 'query', schema: { type: 'integer' } },
            { name: 'label', in: 'query', required: true, description: 'New label', schema: { type: 'string' } },
            { name: 'content', in: 'query', schema: { type: 'string' }, 'x-schema': { oneOf: [{ type: 'string' }, { type: 'array', items: {} }] } } as OpenAPIV3.ParameterObject,
          ],
          responses: ok,
        },
        get: { parameters: [{ name: 'page', in: 'query', schema: { type: 'integer' } }], responses: ok },
      },
    });
    queryFieldsToBodyPass.run(d, collectingContext());
    const post = d.paths['/service/{id}/label']?.post as OpenAPIV3.OperationObject;
    expect(post.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }]);
    expect(post.requestBody).toEqual({
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              label: { type: 'string', description: 'New label' },
              content: { oneOf: [{ type: 'string' }, { type: 'array', items: {} }] },
            },
            required: ['label'],
          },
        },
      },
    });
    expect(d.paths['/service/{id}/label']?.get?.parameters).toHaveLength(1);
  });
});

describe('parameter-schemas', () => {
  it('drops query parameters that repeat a path parameter and applies x-schema', () => {
    const d = doc({
      '/a/{id}': {
        get: {
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
            { name: 'id', in: 'query', schema: { type: 'integer' } },
            { name: 'vmid', in: 'query', schema: { type: 'string' }, 'x-schema': { oneOf: [{ type: 'string' }, { type: 'integer' }] } } as OpenAPIV3.ParameterObject,
          ],
          responses: ok,
        },
      },
    });
    parameterSchemasPass.run(d, collectingContext());
    expect(d.paths['/a/{id}']?.get?.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
      { name: 'vmid', in: 'query', schema: { oneOf: [{ type: 'string' }, { type: 'integer' }] } },
    ]);
  });
});

describe('auth-schemes and servers', () => {
  it("replaces the document's schemes with the provider's and applies them to every operation", () => {
    const d = doc(
      { '/login': { post: { security: [], responses: ok } }, '/details': { get: { responses: ok } } },
      { components: { securitySchemes: { http: { type: 'http', scheme: 'basic' } } } },
    );
    hostbillAuthPass.run(d, collectingContext());
    serversPass.run(d, collectingContext());
    expect(Object.keys(d.components?.securitySchemes ?? {})).toEqual(['basicAuth', 'jwtAuth']);
    expect(d.security).toEqual([{ basicAuth: [] }, { jwtAuth: [] }]);
    expect(d.paths['/login']?.post?.security).toEqual([]);
    expect(d.servers).toEqual([{ url: hostbillProvider.baseUrl }]);
  });
});

describe('pattern-descriptions', () => {
  it('repeats a string pattern in the description, once', async () => {
    const { patternDescriptionsPass } = await import('../../generator/normalise/passes/pattern-descriptions.ts');
    const d = doc({
      '/a': {
        put: {
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { first: { type: 'string', pattern: '^[A-Za-z]+$', description: 'First Name' }, code: { type: 'string', pattern: '^\\d+$' } } } } } },
          responses: ok,
        },
      },
    });
    patternDescriptionsPass.run(d, collectingContext());
    patternDescriptionsPass.run(d, collectingContext());
    const schema = (d.paths['/a']?.put?.requestBody as OpenAPIV3.RequestBodyObject).content['application/json']?.schema as OpenAPIV3.SchemaObject;
    expect((schema.properties?.first as OpenAPIV3.SchemaObject).description).toBe('First Name (pattern `^[A-Za-z]+$`)');
    expect((schema.properties?.code as OpenAPIV3.SchemaObject).description).toBe('Matches the pattern `^\\d+$`.');
  });
});

describe('owned-item-auth', () => {
  it('warns of an operation sent without credentials under an item whose other operations need them, and of one kept authenticated though its sample shows none', () => {
    const d = doc(
      {
        '/domain/{id}': { get: { responses: ok } },
        '/domain/{id}/documents/{documentid}/download': { get: { security: [], responses: ok } },
        '/domain/{id}/documents/{documentid}/upload': { post: { 'x-clientgen-sample-without-auth': true, responses: ok } as OpenAPIV3.OperationObject },
        '/domain/documents/view/{token}': { get: { security: [], responses: ok } },
        '/location/{code}/state': { get: { security: [], responses: ok } },
      },
      { security: [{ jwtAuth: [] }] },
    );
    const ctx = collectingContext(hostbillProvider);
    ownedItemAuthPass.run(d, ctx);
    expect(ctx.entries).toEqual([
      {
        pass: 'test',
        kind: 'warning',
        message: 'GET /domain/{id}/documents/{documentid}/download is sent without credentials (security: []), but it acts on /domain/{id}, whose other operations need them; if it needs them too, remove its security in the overlay',
        pointer: '/paths/~1domain~1{id}~1documents~1{documentid}~1download/get/security',
      },
      {
        pass: 'test',
        kind: 'warning',
        message: "POST /domain/{id}/documents/{documentid}/upload: the API page's sample shows no credentials, but it acts on /domain/{id}, whose other operations need them; sent with the provider's credentials",
        pointer: '/paths/~1domain~1{id}~1documents~1{documentid}~1upload/post',
      },
    ]);
  });
});

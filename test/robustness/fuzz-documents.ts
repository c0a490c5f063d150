/**
 * The random and hostile documents the fuzz tests generate from (fast-check arbitraries): Swagger 2.0,
 * OpenAPI 3.0 and 3.1 with odd and colliding names, reserved words, unicode, deep and circular $refs,
 * huge enums and injection payloads in every text field.
 */
import fc from 'fast-check';

/** The identifier every payload tries to smuggle into code; spec text never produces it as a whole name. */
export const MARKER = '__INJECTED__';
const PAYLOADS = [
  `*/ ${MARKER}(); /*`,
  `'); ${MARKER}(); ('`,
  `"); ${MARKER}(); ("`,
  `\`; ${MARKER}(); \``,
  `\${${MARKER}()}`,
  `\u2028${MARKER}();\u2029`,
  `</script><script>${MARKER}()</script>`,
  `{{${MARKER}}}{{{${MARKER}}}}`,
  `]; ${MARKER}(); [`,
  `}; ${MARKER}(); {`,
  `\\'; ${MARKER}(); //`,
  `\n@${MARKER} */ ${MARKER}()`,
  `x: ${MARKER}; y`,
  `a | ${MARKER}`,
  `<!-- ${MARKER} -->`,
];
const RESERVED = ['class', 'default', 'constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'await', 'yield', 'enum', 'delete', 'new', 'this', 'super', 'void', 'null', 'true', 'undefined', 'Object', 'Array', 'Promise', 'request', 'options', 'operations', 'ApiClient', 'T', 'paths', 'components'];
const UNICODE = ['naïve', 'Größe', '名前', 'имя', 'emoji 🎉', 'rtl \u202eevil', 'zero\u200bwidth', 'ǅ', 'İstanbul', 'x\u0000y', '\ud83d', 'tab\there', 'line\nbreak'];

const payload = fc.constantFrom(...PAYLOADS);
/** Text for descriptions, titles, examples: anything, with payloads and unicode often. */
const hostileText = fc.oneof(payload, fc.constantFrom(...UNICODE), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));
/** Names (properties, parameters, tags, operationIds): plain, reserved, unicode, payloads, colliding case variants. */
const hostileName = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,10}$/) },
  { weight: 2, arbitrary: fc.constantFrom(...RESERVED) },
  { weight: 1, arbitrary: fc.constantFrom('id', 'ID', 'Id', 'i_d', 'i-d', 'body', 'params', 'page', '1st', '-', '$', '$ref') },
  { weight: 1, arbitrary: fc.constantFrom(...UNICODE) },
  { weight: 1, arbitrary: payload },
);
/** Component names: mostly what OpenAPI 3 allows ([A-Za-z0-9._-]), sometimes not. */
const componentName = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9._-]{0,12}$/) },
  { weight: 1, arbitrary: fc.constantFrom('class', '__proto__', 'constructor', 'Object', 'paths', 'components', 'a.b', 'a-b', 'a_b') },
  { weight: 1, arbitrary: hostileName },
);

type Json = Record<string, unknown>;
type Version = '2.0' | '3.0' | '3.1';

/** A schema, up to `depth` levels deep, referencing the given component names. */
function schemaArb(version: Version, refs: readonly string[], depth: number): fc.Arbitrary<Json> {
  const prefix = version === '2.0' ? '#/definitions/' : '#/components/schemas/';
  const leaves: fc.Arbitrary<Json>[] = [
    fc.constantFrom<Json>({ type: 'string' }, { type: 'integer' }, { type: 'number' }, { type: 'boolean' }, { type: 'string', format: 'date-time' }, { type: 'string', format: 'binary' }, {}),
    fc.record({ type: fc.constant('string'), enum: fc.array(hostileText, { minLength: 1, maxLength: 8 }), description: hostileText }),
    fc.record({ type: fc.constant('string'), enum: fc.array(hostileText, { minLength: 200, maxLength: 400 }) }),
    fc.record({ type: fc.constant('integer'), enum: fc.uniqueArray(fc.integer(), { minLength: 1, maxLength: 50 }) }),
    fc.record({ type: fc.constant('string'), default: hostileText, example: hostileText, pattern: fc.constantFrom('^[a-z]+$', '*/', '.*') }, { requiredKeys: ['type'] }),
    // Nulls in enums and defaults (swagger2openapi deleted them) and numbers at a double's range.
    fc.constantFrom<Json>({ type: 'integer', enum: [null, 1] }, { type: 'string', enum: ['a', null], default: null }, { type: 'array', items: { type: 'string' }, default: ['a', null] }, { type: 'number', enum: [1.5, 1e308, -1e308] }),
  ];
  if (refs.length > 0) leaves.push(fc.constantFrom(...refs).map((name) => ({ $ref: `${prefix}${name.replace(/~/g, '~0').replace(/\//g, '~1')}` })));
  if (version === '3.1') {
    leaves.push(
      fc.constantFrom<Json>({ type: ['string', 'null'] }, { type: ['integer', 'string'] }, { const: 'fixed' }, { const: 42 }, { type: 'string', examples: ['a', 'b'] }),
      fc.record({ const: hostileText }),
    );
  }
  if (version === '3.0') leaves.push(fc.constantFrom<Json>({ type: 'string', nullable: true }, { type: 'object', nullable: true, additionalProperties: true }));
  const leaf = fc.oneof(...leaves);
  if (depth <= 0) return leaf;
  const inner = schemaArb(version, refs, depth - 1);
  const composite: fc.Arbitrary<Json>[] = [
    fc.record({ type: fc.constant('array'), items: inner, description: hostileText }, { requiredKeys: ['type', 'items'] }),
    fc
      .record({ props: fc.dictionary(hostileName, inner, { maxKeys: 5 }), description: hostileText, extra: fc.boolean() })
      .chain(({ props, description, extra }) =>
        fc.subarray(Object.keys(props)).map((required) => ({
          type: 'object',
          description,
          properties: props,
          ...(required.length > 0 ? { required } : {}),
          ...(extra ? { additionalProperties: true } : {}),
        })),
      ),
    fc.record({ type: fc.constant('object'), additionalProperties: inner }),
  ];
  if (version !== '2.0') {
    composite.push(
      fc.array(inner, { minLength: 1, maxLength: 3 }).map((oneOf) => ({ oneOf })),
      fc.array(inner, { minLength: 1, maxLength: 3 }).map((anyOf) => ({ anyOf })),
    );
  }
  composite.push(fc.array(inner, { minLength: 1, maxLength: 3 }).map((allOf) => ({ allOf })));
  if (version === '3.1' && refs.length > 0) {
    // A $ref with sibling keywords (allowed in 3.1).
    composite.push(fc.record({ ref: fc.constantFrom(...refs), description: hostileText }).map(({ ref, description }) => ({ $ref: `${prefix}${ref}`, description })));
  }
  return fc.oneof({ weight: 2, arbitrary: leaf }, { weight: 3, arbitrary: fc.oneof(...composite) });
}

/** A path template of literal and placeholder segments, with the placeholders' names. */
const pathArb = fc.array(fc.oneof(hostileName.map((n) => ({ literal: n })), hostileName.map((n) => ({ param: n }))), { minLength: 0, maxLength: 4 }).map((segments) => {
  const params = [...new Set(segments.flatMap((s) => ('param' in s ? [s.param.replace(/[{}/]/g, '') || 'p'] : [])))];
  const text = segments.map((s) => ('param' in s ? `{${s.param.replace(/[{}/]/g, '') || 'p'}}` : s.literal.replace(/[{}/?#]/g, '_'))).join('/');
  return { path: `/${text}`, params };
});

function documentArb(version: Version): fc.Arbitrary<Json> {
  return fc.uniqueArray(componentName, { maxLength: 6 }).chain((names) => {
    const schema = schemaArb(version, names, 3);
    const components = fc.tuple(...names.map(() => schema)).map((schemas) => Object.fromEntries(names.map((n, i) => [n, schemas[i]])));
    const param = (where: 'query' | 'header') =>
      fc.record({ name: hostileName, description: hostileText, required: fc.boolean(), schema: schemaArb(version, names, 1) }).map((p) =>
        version === '2.0' ? { name: p.name, in: where, description: p.description, required: p.required, type: 'string' } : { ...p, in: where },
      );
    const operation = fc.record(
      {
        operationId: fc.oneof(hostileName, fc.constant(undefined)),
        tags: fc.array(hostileName, { maxLength: 2 }),
        summary: hostileText,
        description: hostileText,
        deprecated: fc.boolean(),
        query: fc.array(param('query'), { maxLength: 3 }),
        header: fc.array(param('header'), { maxLength: 1 }),
        body: fc.option(schema, { nil: undefined }),
        response: fc.option(schema, { nil: undefined }),
        responseType: fc.constantFrom('application/json', 'application/vnd.api+json', 'text/plain', 'application/octet-stream'),
      },
      { requiredKeys: ['query', 'header', 'responseType'] },
    );
    const pathItem = fc.record({ at: pathArb, ops: fc.dictionary(fc.constantFrom('get', 'post', 'put', 'patch', 'delete', 'head', 'options'), operation, { minKeys: 1, maxKeys: 3 }) });
    return fc
      .record({
        title: hostileText,
        description: hostileText,
        version: hostileText,
        tags: fc.array(fc.record({ name: hostileName, description: hostileText }), { maxLength: 3 }),
        items: fc.array(pathItem, { minLength: 1, maxLength: 5 }),
        components,
        webhooks: fc.boolean(),
        security: fc.constantFrom('none', 'basic', 'bearer', 'apiKey'),
        extra: fc.oneof({ weight: 12, arbitrary: fc.constant<Extra>('none') }, { weight: 1, arbitrary: fc.constantFrom<Extra>('too-large-number', 'too-deep', 'brace-path', 'ref-chain') }),
      })
      .map((d) => buildDocument(version, d));
  });
}

/**
 * One of the limits a document can break (a number past a double's range, nesting past the loader's
 * limit, a stray brace in a path: each must be diagnosed), or a long $ref chain (must generate).
 */
type Extra = 'none' | 'too-large-number' | 'too-deep' | 'brace-path' | 'ref-chain';
/** Stands for a number JSON.stringify cannot write (1e400): the spec writer puts it in the text. */
export const TOO_LARGE = '__TOO_LARGE_NUMBER__';

function addExtra(version: Version, doc: Json, extra: Extra): Json {
  const paths = doc.paths as Record<string, Json>;
  const schemas = (version === '2.0' ? doc.definitions : (doc.components as Json).schemas) as Json;
  if (extra === 'too-large-number') doc['x-limit'] = TOO_LARGE;
  if (extra === 'too-deep') {
    let deep: Json = {};
    for (let i = 0; i < 200; i++) deep = { a: deep };
    doc['x-deep'] = deep;
  }
  if (extra === 'brace-path') paths['/a{b'] = { get: { responses: { 200: { description: 'ok' } } } };
  if (extra === 'ref-chain') {
    const prefix = version === '2.0' ? '#/definitions/' : '#/components/schemas/';
    for (let i = 0; i < 300; i++) schemas[`Chain${i}`] = i === 299 ? { type: 'string' } : { $ref: `${prefix}Chain${i + 1}` };
  }
  return doc;
}

function buildDocument(version: Version, d: { title: string; description: string; version: string; tags: Json[]; items: { at: { path: string; params: string[] }; ops: Record<string, Json> }[]; components: Json; webhooks: boolean; security: string; extra: Extra }): Json {
  return addExtra(version, buildBaseDocument(version, d), d.extra);
}

function buildBaseDocument(version: Version, d: { title: string; description: string; version: string; tags: Json[]; items: { at: { path: string; params: string[] }; ops: Record<string, Json> }[]; components: Json; webhooks: boolean; security: string }): Json {
  const paths: Record<string, Json> = {};
  for (const { at, ops } of d.items) {
    const item: Json = (paths[at.path] as Json | undefined) ?? {};
    for (const [method, op] of Object.entries(ops)) {
      const pathParams = at.params.map((name) => (version === '2.0' ? { name, in: 'path', required: true, type: 'string' } : { name, in: 'path', required: true, schema: { type: 'string' } }));
      const parameters: Json[] = [...pathParams, ...(op.query as Json[]), ...(op.header as Json[])];
      const out: Json = { summary: op.summary, description: op.description, tags: op.tags, deprecated: op.deprecated, parameters };
      if (op.operationId !== undefined) out.operationId = op.operationId;
      const mediaType = op.responseType as string;
      if (version === '2.0') {
        if (op.body) parameters.push({ name: 'payload', in: 'body', schema: op.body });
        out.produces = [mediaType];
        out.responses = { 200: { description: 'ok', ...(op.response ? { schema: op.response } : {}) }, default: { description: d.description } };
      } else {
        if (op.body) out.requestBody = { required: true, content: { 'application/json': { schema: op.body } } };
        out.responses = { 200: { description: 'ok', ...(op.response ? { content: { [mediaType]: { schema: op.response } } } : {}) } };
      }
      item[method] = out;
    }
    paths[at.path] = item;
  }
  const info = { title: d.title, description: d.description, version: d.version };
  const securitySchemes: Record<string, Json> = {
    basic: { type: 'http', scheme: 'basic' },
    bearer: { type: 'http', scheme: 'bearer' },
    apiKey: { type: 'apiKey', in: 'header', name: 'X-Key' },
  };
  if (version === '2.0') {
    const swaggerSchemes: Record<string, Json> = { basic: { type: 'basic' }, bearer: { type: 'apiKey', in: 'header', name: 'Authorization' }, apiKey: { type: 'apiKey', in: 'header', name: 'X-Key' } };
    return {
      swagger: '2.0',
      info,
      host: 'api.example.test',
      basePath: '/v1',
      schemes: ['https'],
      tags: d.tags,
      paths,
      definitions: d.components,
      ...(d.security !== 'none' ? { securityDefinitions: { s: swaggerSchemes[d.security] }, security: [{ s: [] }] } : {}),
    };
  }
  return {
    openapi: version === '3.0' ? '3.0.3' : '3.1.0',
    info,
    servers: [{ url: 'https://api.example.test/v1' }],
    tags: d.tags,
    paths,
    components: { schemas: d.components, ...(d.security !== 'none' ? { securitySchemes: { s: securitySchemes[d.security] } } : {}) },
    ...(d.security !== 'none' ? { security: [{ s: [] }] } : {}),
    ...(version === '3.1' && d.webhooks ? { webhooks: { ping: { post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: { 200: { description: 'ok' } } } } } } : {}),
  };
}

export const anyDocument = fc.oneof(documentArb('2.0'), documentArb('3.0'), documentArb('3.1'));

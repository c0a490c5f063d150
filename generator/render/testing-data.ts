import type { OpenAPIV3 } from 'openapi-types';
import type { ClientModel, OperationModel } from '../model/operation-model.ts';
import { effectiveParameters, isReference, resolveLocal, type OpenApiDocument, type PathItemMethod } from '../openapi/index.ts';
import { routeKey, type Catalog, type OperationRules, type ParamRule, type SchemaRule } from '../../templates/testing/catalog-types.ts';
import { generatedHeader, stringLiteral } from './shared/escape.ts';
import { mediaKind } from '../../templates/runtime/contracts.ts';

/**
 * The package's test kit entry, `src/testing/index.ts`: the catalog of what the mock checks and
 * answers for every operation, taken from the normalised document, bound to the package's
 * `operations` table and the kit copied from `templates/testing/`. The main entry never imports it.
 *
 * Every spec-derived value reaches the output as JSON inside a string literal and is read back with
 * `JSON.parse`, so spec text stays data (and a `__proto__` key stays a key).
 */

type Schema = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;

/** Levels of schema the catalog keeps; deeper values are not checked. */
const MAX_DEPTH = 10;
/** Levels of a sample answer; deeper values are `null`. Samples stand in for missing examples, so they stay small. */
const MAX_SAMPLE_DEPTH = 6;

function compilable(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    try {
      new RegExp(pattern);
      return true;
    } catch {
      return false;
    }
  }
}

/** The checkable part of a schema, `$ref`s inlined (a cycle, or depth past MAX_DEPTH, checks nothing). */
export function schemaRule(doc: OpenApiDocument, raw: Schema | undefined, depth = 0, refs: readonly string[] = []): SchemaRule {
  if (!raw || depth > MAX_DEPTH) return {};
  const ref = isReference(raw) ? raw.$ref : undefined;
  if (ref !== undefined && refs.includes(ref)) return {};
  const schema = resolveLocal<OpenAPIV3.SchemaObject>(doc, raw);
  if (!schema || typeof schema !== 'object') return {};
  const seen = ref === undefined ? refs : [...refs, ref];
  const sub = (s: Schema | undefined) => schemaRule(doc, s, depth + 1, seen);
  const s = schema as OpenAPIV3.SchemaObject & { type?: string | string[]; const?: unknown };
  const out: { -readonly [K in keyof SchemaRule]: SchemaRule[K] } = {};
  if (typeof s.type === 'string' || Array.isArray(s.type)) out.type = s.type;
  if (s.nullable === true) out.nullable = true;
  if (Array.isArray(s.enum) && s.enum.length > 0) out.enum = s.enum;
  if (s.const !== undefined) out.enum = [s.const];
  if (typeof s.pattern === 'string' && compilable(s.pattern)) out.pattern = s.pattern;
  for (const k of ['minimum', 'maximum', 'minLength', 'maxLength'] as const) if (typeof s[k] === 'number') out[k] = s[k];
  if (s.type === 'array' || (Array.isArray(s.type) && s.type.includes('array'))) {
    const items = sub((s as OpenAPIV3.ArraySchemaObject).items);
    if (Object.keys(items).length > 0) out.items = items;
  }
  if (s.properties) {
    const properties: Record<string, SchemaRule> = {};
    for (const [name, prop] of Object.entries(s.properties)) properties[name] = sub(prop);
    out.properties = properties;
  }
  if (Array.isArray(s.required) && s.required.length > 0) out.required = s.required;
  if (s.additionalProperties === false) out.additionalProperties = false;
  else if (s.additionalProperties && typeof s.additionalProperties === 'object') {
    const extra = sub(s.additionalProperties);
    if (Object.keys(extra).length > 0) out.additionalProperties = extra;
  }
  const variants = [...(s.anyOf ?? []), ...(s.oneOf ?? [])].map(sub);
  // A variant that checks nothing accepts everything, so the whole alternative does.
  if (variants.length > 0 && variants.every((v) => Object.keys(v).length > 0)) out.anyOf = variants;
  const parts = (s.allOf ?? []).map(sub).filter((p) => Object.keys(p).length > 0);
  if (parts.length > 0) out.allOf = parts;
  return out;
}

/** A value that fits the schema: its example, default, first enum value or first variant, else a typed placeholder. */
export function sampleOf(doc: OpenApiDocument, raw: Schema | undefined, depth = 0, refs: readonly string[] = []): unknown {
  if (!raw || depth > MAX_SAMPLE_DEPTH) return null;
  const ref = isReference(raw) ? raw.$ref : undefined;
  if (ref !== undefined && refs.includes(ref)) return null;
  const schema = resolveLocal<OpenAPIV3.SchemaObject>(doc, raw);
  if (!schema || typeof schema !== 'object') return null;
  const seen = ref === undefined ? refs : [...refs, ref];
  const sub = (s: Schema | undefined) => sampleOf(doc, s, depth + 1, seen);
  if (schema.example !== undefined) return schema.example;
  const examples = (schema as { examples?: unknown }).examples; // OpenAPI 3.1: a list
  if (Array.isArray(examples) && examples.length > 0) return examples[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.[0]) return sub(variants[0]);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => sub(part) ?? {}));
  const types = (schema as { type?: string | string[] }).type;
  const type = Array.isArray(types) ? types.find((t) => t !== 'null') : types;
  switch (type ?? (schema.properties ? 'object' : undefined)) {
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'email') return 'user@example.com';
      if (schema.format === 'date') return '2024-01-31';
      if (schema.format === 'date-time') return '2024-01-31T00:00:00Z';
      return 'example';
    case 'array': {
      const item = sub((schema as OpenAPIV3.ArraySchemaObject).items);
      return item === null ? [] : [item]; // an item that repeats its list's schema: an empty list ends the cycle
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, prop] of Object.entries(schema.properties ?? {})) Object.defineProperty(out, name, { value: sub(prop), enumerable: true, writable: true, configurable: true });
      return out;
    }
    default:
      return null;
  }
}

function successResponse(doc: OpenApiDocument, operation: OpenAPIV3.OperationObject, model: OperationModel) {
  const entries = Object.entries(operation.responses ?? {}).filter(([code]) => /^2(\d\d|XX)$/i.test(code));
  const [code, raw] = entries.find(([c]) => c === model.successStatus) ?? entries[0] ?? [];
  const response = raw ? resolveLocal<OpenAPIV3.ResponseObject>(doc, raw) : undefined;
  return { status: code && /^\d+$/.test(code) ? Number(code) : 200, content: response?.content ?? {} };
}

function answerOf(doc: OpenApiDocument, operation: OpenAPIV3.OperationObject, model: OperationModel): Pick<OperationRules, 'answer' | 'documented' | 'status' | 'contentType'> {
  const { status, content } = successResponse(doc, operation, model);
  const out: { -readonly [K in keyof OperationRules]: OperationRules[K] } = status === 200 ? {} : { status };
  if (model.response === 'binary') {
    const type = Object.keys(content)[0];
    if (type) out.contentType = type;
    return out;
  }
  const media = model.responseMediaType ? content[model.responseMediaType] : Object.values(content)[0];
  if (!media) return out;
  const named = Object.values(media.examples ?? {}).map((e) => resolveLocal<OpenAPIV3.ExampleObject>(doc, e)?.value);
  const example = media.example !== undefined ? media.example : named.find((v) => v !== undefined);
  if (example !== undefined) return { ...out, answer: example, documented: true };
  if (media.schema) out.answer = sampleOf(doc, media.schema);
  return out;
}

const hasRule = (rule: SchemaRule) => Object.keys(rule).length > 0;

function rulesOf(doc: OpenApiDocument, model: OperationModel): OperationRules | undefined {
  const pathItem = doc.paths?.[model.path];
  const method = model.method.toLowerCase() as PathItemMethod;
  const operation = pathItem?.[method as keyof OpenAPIV3.PathItemObject] as OpenAPIV3.OperationObject | undefined;
  if (!pathItem || !operation) return undefined;
  const params: ParamRule[] = [];
  const headers = new Set(model.headerParams ?? []);
  for (const p of effectiveParameters(doc, { path: model.path, method, operation, pathItem })) {
    // Headers the client sends as parameters; the ones the runtime sets itself (auth, content type) are not the caller's.
    if (p.in !== 'path' && p.in !== 'query' && !(p.in === 'header' && headers.has(p.name))) continue;
    const schema = schemaRule(doc, p.schema);
    params.push({ name: p.name, in: p.in, ...(p.in === 'path' || p.required ? { required: true } : {}), ...(hasRule(schema) ? { schema } : {}) });
  }
  const body = operation.requestBody ? resolveLocal<OpenAPIV3.RequestBodyObject>(doc, operation.requestBody) : undefined;
  // The mock checks JSON bodies only: form fields arrive as text, files and bytes are not JSON.
  const jsonBody = model.bodyMediaType !== undefined && mediaKind(model.bodyMediaType) === 'json';
  const bodySchema = jsonBody ? body?.content?.[model.bodyMediaType as string]?.schema : undefined;
  const rules: { -readonly [K in keyof OperationRules]: OperationRules[K] } = {};
  if (model.body === 'fields' && bodySchema) {
    const shape = schemaRule(doc, bodySchema);
    for (const name of model.bodyParams) {
      const schema = shape.properties?.[name] ?? {};
      params.push({ name, in: 'body', ...(shape.required?.includes(name) ? { required: true } : {}), ...(hasRule(schema) ? { schema } : {}) });
    }
  } else if (model.body === 'whole' && bodySchema) {
    const schema = schemaRule(doc, bodySchema);
    if (hasRule(schema)) rules.body = schema;
  }
  if (model.body !== 'none' && body?.required === true) rules.bodyRequired = true;
  if (params.length > 0) rules.params = params;
  return { ...rules, ...answerOf(doc, operation, model) };
}

/** The catalog as data: rules and answer per operation, by `METHOD /path`, in the model's order. */
export function buildTestingCatalog(model: Pick<ClientModel, 'operations'>, doc: OpenApiDocument): Catalog {
  const operations: Record<string, OperationRules> = {};
  for (const op of model.operations) {
    const rules = rulesOf(doc, op);
    if (rules) operations[routeKey(op)] = rules;
  }
  const baseUrl = doc.servers?.[0]?.url;
  return { ...(baseUrl ? { baseUrl } : {}), operations };
}

/** Text of `src/testing/index.ts`. `source` names the document in the header comment. */
export function renderTestingData(model: Pick<ClientModel, 'operations'>, doc: OpenApiDocument, source = 'the API description'): string {
  const catalog = buildTestingCatalog(model, doc);
  const data = (value: unknown) => `JSON.parse(${stringLiteral(JSON.stringify(value))})`;
  const entries = Object.entries(catalog.operations).map(([key, rules]) => `    ${stringLiteral(key)}: ${data(rules)},`);
  return `${generatedHeader(source)}import { operations } from '../operations.js';
import type { Catalog } from './catalog-types.js';
import { createMock, type MockOptions, type MockProvider } from './mock-provider.js';
import { serveMock, type MockServer } from './server.js';

export type { MockAnswer, MockCall, MockHandler, MockOptions, MockProvider } from './mock-provider.js';
export type { MockServer } from './server.js';
export type { Account } from './auth.js';
export type { DnsRecordSeed, DnsZoneSeed } from './dns.js';
export type { PagedList } from './paging.js';
export type { ErrorEntry } from './reply.js';

/** What the mock checks and answers for each operation, by \`METHOD /path\`, from the OpenAPI document. */
const catalog: Catalog = {
${catalog.baseUrl === undefined ? '' : `  baseUrl: ${stringLiteral(catalog.baseUrl)},\n`}  operations: {
${entries.join('\n')}
  },
};

/**
 * An offline stand-in for the API: pass its \`fetch\` to the client. Requests are checked against
 * their operation and refused as the API refuses them; answers are the documented examples, unless
 * \`on()\` says otherwise. \`calls\` lists every request, credentials redacted.
 */
export function createMockProvider(options?: MockOptions): MockProvider {
  return createMock(operations, catalog, options);
}

/** The same mock over HTTP on 127.0.0.1 (Node only); \`port\` 0, the default, picks a free one. */
export function startMockServer(options: MockOptions & { port?: number } = {}): Promise<MockServer> {
  return serveMock(createMockProvider(options), options.port);
}
`;
}

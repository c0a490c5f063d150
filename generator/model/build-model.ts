import { type OpenApiDocument, decodePointerToken, effectiveParameters, isObject, isReference, listOperations, pointer, resolveLocal } from '../openapi/index.ts';
import type { OpenAPIV3 } from 'openapi-types';
import type { ProviderConfig } from '../config/provider-config.ts';
import { GeneratorError } from '../errors.ts';
import { clientClassName, envPrefix, groupClassNames, groupTitle as hostbillGroupTitle, nameOperations, pinOf, schemaTypeNames, typeStems, type NamePlan, type OperationNames, type PreviousName } from '../naming/index.ts';
import { PUBLIC_HOSTBILL_EXPORTS, PUBLIC_RUNTIME_EXPORTS, RUNTIME_IMPORT_NAMES, mediaKind } from '../../templates/runtime/contracts.ts';
import type { HttpMethod, OperationSpec } from '../../templates/runtime/types.ts';
import type { ClientAuthModel, ClientModel, DeprecatedAlias, ErrorResponseModel, GroupModel, OperationModel, RequiredParam, ResponseField } from './operation-model.ts';
function jsonMediaType(content: Record<string, OpenAPIV3.MediaTypeObject> | undefined): string | undefined {
  return Object.keys(content ?? {}).find((type) => mediaKind(type) === 'json');
}

/** A request body's media types in the order the client prefers them: JSON first, then as declared. */
function bodyMediaTypes(content: Record<string, OpenAPIV3.MediaTypeObject> | undefined): string[] {
  const types = Object.keys(content ?? {});
  return [...types.filter((t) => mediaKind(t) === 'json'), ...types.filter((t) => mediaKind(t) !== 'json')];
}

/** Media types whose body can be an object of named fields (the rest are one value: `params.body`). */
const FIELD_KINDS: ReadonlySet<string> = new Set(['json', 'multipart', 'form']);

/** The Content-Type of each multipart field that the document's `encoding` object sets. */
function multipartEncoding(content: Record<string, OpenAPIV3.MediaTypeObject> | undefined): Record<string, string> | undefined {
  const multipart = Object.entries(content ?? {}).find(([type]) => mediaKind(type) === 'multipart')?.[1];
  const entries = Object.entries(multipart?.encoding ?? {}).flatMap(([field, encoding]) => (typeof encoding?.contentType === 'string' ? [[field, encoding.contentType] as const] : []));
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function objectProperties(doc: OpenApiDocument, schema: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | undefined) {
  const resolved = schema ? resolveLocal<OpenAPIV3.SchemaObject>(doc, schema) : undefined;
  if (!resolved || resolved.type !== 'object' || !resolved.properties || resolved.additionalProperties) return undefined;
  if (resolved.allOf || resolved.oneOf || resolved.anyOf) return undefined;
  return { names: Object.keys(resolved.properties), required: (resolved.required ?? []).length > 0 };
}

type QueryJoin = NonNullable<OperationSpec['queryStyles']>[string];

/**
 * The query parameters not sent as the runtime's defaults send them (OpenAPI's `style`/`explode`;
 * swagger2openapi writes Swagger 2.0's `collectionFormat` as them), by name: lists sent as one
 * delimited value, objects spread into their members; `undefined` when there are none.
 */
function queryStylesOf(doc: OpenApiDocument, query: readonly OpenAPIV3.ParameterObject[]): Record<string, QueryJoin> | undefined {
  const out: Record<string, QueryJoin> = {};
  for (const p of query) {
    const schema = p.schema ? resolveLocal<OpenAPIV3.SchemaObject>(doc, p.schema) : undefined;
    const style = p.style ?? 'form';
    const explode = p.explode ?? style === 'form';
    const object = schema?.type === 'object' || (schema?.type === undefined && (schema?.properties || schema?.additionalProperties));
    // An object in `form` style with `explode` (OpenAPI's default) goes as its members; `deepObject` as name[key].
    if (object && style === 'form' && explode) {
      out[p.name] = 'spread';
      continue;
    }
    if (explode || (!object && schema?.type !== 'array')) continue;
    if (style === 'form') out[p.name] = 'comma';
    else if (style === 'spaceDelimited') out[p.name] = 'space';
    else if (style === 'pipeDelimited') out[p.name] = 'pipe';
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** `string` or `number` when a schema is only that scalar (integer counts as number). */
function scalarKind(doc: OpenApiDocument, schema: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | undefined): 'string' | 'number' | undefined {
  const resolved = schema ? resolveLocal<OpenAPIV3.SchemaObject>(doc, schema) : undefined;
  if (!resolved || resolved.allOf || resolved.oneOf || resolved.anyOf) return undefined;
  if (resolved.type === 'string') return 'string';
  return resolved.type === 'integer' || resolved.type === 'number' ? 'number' : undefined;
}

/** The parameters and body fields whose schema is a single scalar type, by name. */
function scalarParamsOf(doc: OpenApiDocument, params: readonly OpenAPIV3.ParameterObject[], bodySchema: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | undefined): Record<string, 'string' | 'number'> {
  const out: Record<string, 'string' | 'number'> = {};
  const body = bodySchema ? resolveLocal<OpenAPIV3.SchemaObject>(doc, bodySchema) : undefined;
  const named: [string, OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | undefined][] = [...params.map((p) => [p.name, p.schema] as [string, typeof p.schema]), ...Object.entries(body?.properties ?? {})];
  for (const [name, schema] of named) {
    const kind = scalarKind(doc, schema);
    if (kind !== undefined) out[name] = kind;
  }
  return out;
}

/**
 * openapi-typescript (`defaultNonNullable`) makes a property with a `default` required in the type of a
 * schema it reaches through `components` (an inline request body schema is exempt), so a body that is a
 * `$ref` to such a schema must be passed, with those properties.
 */
function defaultedProperties(doc: OpenApiDocument, schema: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | undefined): string[] {
  if (!schema || !isReference(schema)) return [];
  const resolved = resolveLocal<OpenAPIV3.SchemaObject>(doc, schema);
  return Object.entries(resolved?.properties ?? {})
    .filter(([name, property]) => isObject(property) && 'default' in property && !(resolved?.required ?? []).includes(name))
    .map(([name]) => name);
}

function describeResponse(doc: OpenApiDocument, op: OpenAPIV3.OperationObject) {
  const entries = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$|^2XX$/i.test(code));
  for (const [code, raw] of entries) {
    const response = resolveLocal<OpenAPIV3.ResponseObject>(doc, raw);
    const content = response?.content;
    if (!content || Object.keys(content).length === 0) continue;
    const mediaType = jsonMediaType(content);
    if (mediaType) {
      const raw = content[mediaType]?.schema;
      const schema = raw ? resolveLocal<OpenAPIV3.SchemaObject>(doc, raw) : undefined;
      const inferred = (schema as Record<string, unknown> | undefined)?.['x-inferred-from-example'] === true;
      return { response: 'json' as const, hasSchema: raw !== undefined, status: code, mediaType, inferred, schema: componentName(raw) };
    }
    return { response: 'binary' as const, hasSchema: true, status: code, mediaType: undefined, inferred: false, schema: undefined };
  }
  return { response: 'json' as const, hasSchema: false, status: undefined, mediaType: undefined, inferred: false, schema: undefined };
}

const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;

/** `Foo` for `{ $ref: '#/components/schemas/Foo' }` (JSON pointer escapes undone), else undefined. */
function componentName(schema: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | undefined): string | undefined {
  const m = schema && isReference(schema) ? SCHEMA_REF.exec(schema.$ref) : null;
  return m?.[1] === undefined ? undefined : decodePointerToken(m[1]);
}

/** The 4xx, 5xx and `default` responses with a JSON schema. */
function errorResponses(doc: OpenApiDocument, op: OpenAPIV3.OperationObject): ErrorResponseModel[] {
  const out: ErrorResponseModel[] = [];
  for (const [status, raw] of Object.entries(op.responses ?? {})) {
    if (!/^[45](\d\d|XX)$|^default$/i.test(status)) continue;
    const content = resolveLocal<OpenAPIV3.ResponseObject>(doc, raw)?.content;
    const mediaType = jsonMediaType(content);
    const schema = mediaType ? content?.[mediaType]?.schema : undefined;
    if (!mediaType || !schema) continue;
    const name = componentName(schema);
    out.push({ status, mediaType, ...(name !== undefined ? { schema: name } : {}) });
  }
  return out;
}

/**
 * Every name `types.ts` and the package's other modules export, so a component alias cannot take one:
 * the classes, every operation's types, the runtime's public names and the schema module's.
 */
function reservedTypeNames(className: string, classNames: Iterable<string>, operations: readonly OperationModel[]): Set<string> {
  const reserved = new Set<string>([className, ...classNames, 'operations', 'OperationId', 'paths', 'components', 'OperationTypes']);
  for (const op of operations) {
    for (const suffix of ['Params', 'Response', 'Errors']) reserved.add(`${op.typeStem}${suffix}`);
    // `<Stem>Body` and `<Stem>Result` name the bodies that are no component schema (render/shared/operation-types.ts).
    if (op.bodyMediaType !== undefined && op.bodySchema === undefined) reserved.add(`${op.typeStem}Body`);
    if (op.hasResponseSchema && op.responseSchema === undefined) reserved.add(`${op.typeStem}Result`);
  }
  for (const name of [...PUBLIC_RUNTIME_EXPORTS.values, ...PUBLIC_RUNTIME_EXPORTS.types, ...PUBLIC_HOSTBILL_EXPORTS.types, ...RUNTIME_IMPORT_NAMES]) reserved.add(name);
  return reserved;
}

/** The schema of the first response's JSON body, resolved. */
function firstJsonResponse(doc: OpenApiDocument, op: OpenAPIV3.OperationObject): OpenAPIV3.SchemaObject | undefined {
  const ok = Object.values(op.responses ?? {})[0];
  const schema = (ok ? resolveLocal<OpenAPIV3.ResponseObject>(doc, ok) : undefined)?.content?.['application/json']?.schema;
  return schema ? resolveLocal<OpenAPIV3.SchemaObject>(doc, schema) : undefined;
}

/** An array, or an object keyed by id (`additionalProperties` only), or either: how HostBill sends a collection. */
function isCollection(doc: OpenApiDocument, raw: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject): boolean {
  const schema = resolveLocal<OpenAPIV3.SchemaObject>(doc, raw);
  if (!schema) return false;
  const variants = (schema.anyOf ?? schema.oneOf)?.map((v) => resolveLocal<OpenAPIV3.SchemaObject>(doc, v));
  if (variants && variants.length === 2) {
    return variants.some((v) => v?.type === 'array') && variants.some((v) => v?.type === 'object' && !v.properties && typeof v.additionalProperties === 'object');
  }
  return false;
}

/** The top-level fields of the typed answer (its status and media type), for docs that read one (`toList(result.zones)`). */
function responseFieldsOf(doc: OpenApiDocument, op: OpenAPIV3.OperationObject, status: string | undefined, mediaType: string | undefined): ResponseField[] {
  const declared = status ? op.responses?.[status] : undefined;
  const answer = declared ? resolveLocal<OpenAPIV3.ResponseObject>(doc, declared) : undefined;
  const raw = mediaType ? answer?.content?.[mediaType]?.schema : undefined;
  const properties = (raw ? resolveLocal<OpenAPIV3.SchemaObject>(doc, raw) : undefined)?.properties ?? {};
  return Object.entries(properties).map(([name, schema]) => ({ name, collection: isCollection(doc, schema) }));
}

/** HostBill's paging shows in the document as a `page` query parameter or a `page` field of the answer. */
function isPaged(doc: OpenApiDocument, queryParams: readonly string[], op: OpenAPIV3.OperationObject): boolean {
  if (queryParams.includes('page')) return true;
  const properties = firstJsonResponse(doc, op)?.properties;
  return Boolean(properties && 'page' in properties);
}

/** A documented example, when it is a value of the schema's type (a sample call must compile). */
function documentedSample(schema: OpenAPIV3.SchemaObject, example: unknown): string | number | boolean | undefined {
  const value = example ?? schema.example;
  const fits =
    (typeof value === 'string' && schema.type === 'string' && !schema.enum) ||
    (typeof value === 'number' && Number.isFinite(value) && (schema.type === 'number' || (schema.type === 'integer' && Number.isInteger(value)))) ||
    (typeof value === 'boolean' && schema.type === 'boolean');
  return fits ? (value as string | number | boolean) : undefined;
}

function sampleValue(doc: OpenApiDocument, raw: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | undefined, name: string, example?: unknown): RequiredParam['sample'] {
  const schema = raw ? resolveLocal<OpenAPIV3.SchemaObject>(doc, raw) : undefined;
  if (!schema) return 'value';
  const documented = documentedSample(schema, example);
  if (documented !== undefined) return documented;
  if (schema.enum && schema.enum.length > 0 && typeof schema.enum[0] !== 'object') return schema.enum[0] as string | number | boolean;
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants?.[0]) return sampleValue(doc, variants[0], name);
  switch (schema.type) {
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [String(sampleValue(doc, schema.items, name))];
    default:
      return /e-?mail/i.test(name) ? 'user@example.com' : 'example';
  }
}

function requiredParamsOf(doc: OpenApiDocument, params: OpenAPIV3.ParameterObject[], bodySchema: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | undefined, defaulted: readonly string[]): RequiredParam[] {
  const out: RequiredParam[] = [];
  for (const p of params) {
    if (p.in === 'path' || ((p.in === 'query' || p.in === 'header') && p.required)) out.push({ name: p.name, sample: sampleValue(doc, p.schema, p.name, p.example) });
  }
  const body = bodySchema ? resolveLocal<OpenAPIV3.SchemaObject>(doc, bodySchema) : undefined;
  for (const name of [...(body?.required ?? []), ...defaulted]) out.push({ name, sample: sampleValue(doc, body?.properties?.[name], name) });
  return out;
}

/** Generic documents authenticate with their own security schemes (an API key in a header, the query or a cookie); mutual TLS is left to `fetch`. */
function documentAuth(doc: OpenApiDocument): ClientAuthModel {
  const schemes: ClientAuthModel['schemes'][number][] = [];
  let apiKey: ClientAuthModel['apiKey'];
  for (const raw of Object.values(doc.components?.securitySchemes ?? {})) {
    const scheme = resolveLocal<OpenAPIV3.SecuritySchemeObject>(doc, raw);
    if (!scheme) continue;
    if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'basic') schemes.push('basic');
    else if (scheme.type === 'http' || scheme.type === 'oauth2' || scheme.type === 'openIdConnect') schemes.push('bearer');
    else if (scheme.type === 'apiKey' && (scheme.in === 'header' || scheme.in === 'query' || scheme.in === 'cookie') && !apiKey) {
      schemes.push('apiKey');
      apiKey = { in: scheme.in, name: scheme.name };
    }
  }
  return { schemes: [...new Set(schemes)], apiKey };
}

/** The names the normalised document's operations have (see `naming/operations.ts`). */
function namesOf(doc: OpenApiDocument, provider: ProviderConfig, previous: readonly PreviousName[] | undefined): NamePlan {
  const ops = listOperations(doc).map(({ path, method, operation }) => ({ pointer: pointer('paths', path, method), path, method, tag: operation.tags?.[0], operationId: operation.operationId, pin: pinOf(operation) }));
  return nameOperations(ops, { hostbill: provider.hostbill, normalised: true, previous });
}

/** A group's heading: the document's tag, or for HostBill groups (named from routes) the group's name in words. */
function groupTitleOf(hostbill: boolean, name: string, ops: readonly OperationModel[]): string {
  return hostbill ? hostbillGroupTitle(name) : (ops[0]?.groupTitle ?? name);
}

/** OpenAPI: header parameters named Accept, Content-Type or Authorization "SHALL be ignored" (the client sets those). */
const IGNORED_HEADERS: ReadonlySet<string> = new Set(['accept', 'content-type', 'authorization']);

/**
 * The header parameters the client sends from `params`: not the ignored ones, and not one named
 * like a path or query parameter (one `params` key cannot carry two values; `headers` still can).
 */
function headerParametersOf(params: readonly OpenAPIV3.ParameterObject[], taken: ReadonlySet<string>): OpenAPIV3.ParameterObject[] {
  return params.filter((p) => p.in === 'header' && !IGNORED_HEADERS.has(p.name.toLowerCase()) && !taken.has(p.name));
}

/** `previous`: the previous package's names (`names.json`), which the normalise pass was given too. */
export function buildModel(doc: OpenApiDocument, provider: ProviderConfig, file: string, previous?: readonly PreviousName[]): ClientModel {
  const operations: Omit<OperationModel, 'typeStem'>[] = [];
  const plan = namesOf(doc, provider, previous);
  const clash = plan.clashes[0];
  if (clash) throw new GeneratorError({ file, pointer: clash.pointer }, `two operations would get the method name ${clash.name}: this one and #${clash.other}`);
  const tagDescriptions = new Map((doc.tags ?? []).map((t) => [t.name, t.description]));
  const globalSecurity = doc.security;
  for (const ref of listOperations(doc)) {
    const { path, method, operation } = ref;
    const at = pointer('paths', path, method);
    const params = effectiveParameters(doc, ref);
    const pathParams = params.filter((p) => p.in === 'path').map((p) => p.name);
    const query = params.filter((p) => p.in === 'query');
    const queryParams = query.map((p) => p.name);
    // HostBill reads lists as PHP does (`name[]`), whatever the document's collectionFormat says.
    const queryStyles = provider.hostbill ? undefined : queryStylesOf(doc, query);
    const headers = headerParametersOf(params, new Set([...pathParams, ...queryParams]));
    const headerParams = headers.map((p) => p.name);
    // fetch cannot send a body with GET or HEAD (the bodiless-methods pass reports it).
    const sendsBody = method !== 'get' && method !== 'head';
    const body = sendsBody && operation.requestBody ? resolveLocal<OpenAPIV3.RequestBodyObject>(doc, operation.requestBody) : undefined;
    const contentTypes = bodyMediaTypes(body?.content);
    const bodyMediaType = contentTypes[0];
    const bodyContent = bodyMediaType ? body?.content?.[bodyMediaType] : undefined;
    // Fields only when every declared type can carry them; XML or bytes as an alternative need `params.body`.
    const fields = bodyMediaType && contentTypes.every((type) => FIELD_KINDS.has(mediaKind(type))) ? objectProperties(doc, bodyContent?.schema) : undefined;
    const taken = new Set([...pathParams, ...queryParams, ...headerParams]);
    const fieldsFit = fields !== undefined && fields.names.every((n) => !taken.has(n));
    const bodyKind: OperationModel['body'] = !body ? 'none' : fieldsFit ? 'fields' : 'whole';
    const defaulted = bodyContent ? defaultedProperties(doc, bodyContent.schema) : [];
    const encoding = multipartEncoding(body?.content);
    const bodySchema = componentName(bodyContent?.schema);
    const tag = operation.tags?.[0] ?? 'default';
    const { group, method: name, key: operationId, legacy } = plan.names.get(at) as OperationNames;
    const security = operation.security ?? globalSecurity ?? [];
    const response = describeResponse(doc, operation);
    operations.push({
      operationId,
      method: method.toUpperCase() as HttpMethod,
      path,
      group,
      groupTitle: tag,
      name,
      pathParams,
      queryParams,
      ...(queryStyles ? { queryStyles } : {}),
      ...(headerParams.length > 0 ? { headerParams } : {}),
      bodyParams: bodyKind === 'fields' ? (fields?.names ?? []) : [],
      body: bodyKind,
      ...(contentTypes.length > 0 ? { contentTypes } : {}),
      ...(encoding ? { encoding } : {}),
      auth: security.length > 0 && !security.every((s) => Object.keys(s).length === 0),
      response: response.response,
      bodyMediaType,
      responseMediaType: response.mediaType,
      hasResponseSchema: response.hasSchema,
      ...(response.schema !== undefined ? { responseSchema: response.schema } : {}),
      ...(bodySchema !== undefined ? { bodySchema } : {}),
      errors: errorResponses(doc, operation),
      responseInferred: response.inferred,
      successStatus: response.status,
      hasQuery: query.length > 0,
      queryRequired: query.some((p) => p.required === true),
      headerRequired: headers.some((p) => p.required === true),
      hasPath: pathParams.length > 0,
      bodyRequired: body?.required === true || (bodyKind === 'fields' && fields?.required === true) || defaulted.length > 0,
      requiredParams: requiredParamsOf(doc, [...params.filter((p) => p.in === 'path' || p.in === 'query'), ...headers], bodyKind === 'fields' ? bodyContent?.schema : undefined, bodyKind === 'fields' ? defaulted : []),
      summary: operation.summary,
      description: operation.description,
      deprecated: operation.deprecated === true,
      paged: isPaged(doc, queryParams, operation),
      scalarParams: scalarParamsOf(doc, params, bodyKind === 'fields' ? bodyContent?.schema : undefined),
      responseFields: response.response === 'json' ? responseFieldsOf(doc, operation, response.status, response.mediaType) : [],
      pointer: at,
      ...(legacy ? { legacyName: { group: legacy.group, name: legacy.method } } : {}),
    });
  }
  const stems = typeStems(operations.map((op) => op.operationId));
  const models = operations.map((op): OperationModel => ({ ...op, typeStem: stems.get(op.operationId) as string }));
  const groups = new Map<string, OperationModel[]>();
  for (const op of models) {
    const list = groups.get(op.group);
    if (list) list.push(op);
    else groups.set(op.group, [op]);
  }
  // 0.1.x names, and names the previous package had (names.json), stay callable as deprecated aliases:
  // in the group of that name where it still exists (unless a current method there has the name), else
  // on a deprecated group of the old name.
  const aliases = new Map<string, DeprecatedAlias[]>();
  for (const op of models) {
    const former = (plan.names.get(op.pointer)?.former ?? []).map((n) => ({ group: n.group, name: n.method }));
    for (const old of [...(op.legacyName ? [op.legacyName] : []), ...former]) {
      if (groups.get(old.group)?.some((o) => o.name === old.name)) continue;
      if (aliases.get(old.group)?.some((a) => a.name === old.name)) continue;
      aliases.set(old.group, [...(aliases.get(old.group) ?? []), { name: old.name, target: op }]);
    }
  }
  const legacyGroupNames = [...aliases.keys()].filter((g) => !groups.has(g));
  const classNames = groupClassNames([...groups.keys(), ...legacyGroupNames]);
  const groupModels: GroupModel[] = [...groups.entries()].map(([name, ops]) => {
    const title = groupTitleOf(provider.hostbill, name, ops);
    return { name, title, className: classNames.get(name) as string, description: tagDescriptions.get(ops[0]?.groupTitle ?? title), operations: ops, aliases: aliases.get(name) ?? [] };
  });
  const legacyGroups: GroupModel[] = legacyGroupNames.map((name) => ({ name, title: name, className: classNames.get(name) as string, description: undefined, operations: [], aliases: aliases.get(name) ?? [], deprecated: true }));
  const className = clientClassName(provider.displayName);
  const reserved = reservedTypeNames(className, classNames.values(), models);
  // A generic document's `<Key>Response` component that is that operation's response is exported once, under that name.
  const responseOf = new Map<string, string>(models.flatMap((op) => (op.responseSchema !== undefined ? [[`${op.typeStem}Response`, op.responseSchema] as const] : [])));
  const componentSchemas = doc.components?.schemas ?? {};
  const schemaAliases = schemaTypeNames(Object.keys(componentSchemas), reserved, (schema, alias) => responseOf.get(alias) === schema);
  const schemaTypes = Object.entries(componentSchemas).map(([name, raw]) => ({
    name,
    alias: schemaAliases.get(name) as string,
    inferred: isObject(raw) && (raw as Record<string, unknown>)['x-inferred-from-example'] === true,
  }));
  const info = (doc.info ?? {}) as { title?: unknown; summary?: unknown; description?: unknown };
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
  return {
    document: { title: text(info.title) ?? provider.displayName, summary: text(info.summary), description: text(info.description) },
    className,
    envPrefix: envPrefix(provider.id),
    auth: provider.hostbill ? { schemes: provider.auth } : documentAuth(doc),
    groups: groupModels,
    legacyGroups,
    operations: models,
    schemaTypes,
    lenientParams: provider.hostbill,
  };
}

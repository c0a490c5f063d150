import { type OpenApiDocument, effectiveParameters, isObject, isReference, listOperations, pointer, resolveLocal } from '../openapi/index.ts';
import type { OpenAPIV3 } from 'openapi-types';
import type { ProviderConfig } from '../config/provider-config.ts';
import { GeneratorError } from '../errors.ts';
import { clientClassName, envPrefix, groupClassNames, groupTitle as hostbillGroupTitle, nameOperations, pinOf, typeStems, type NamePlan, type OperationNames, type PreviousName } from '../naming/index.ts';
import type { HttpMethod } from '../../templates/runtime/types.ts';
import type { ClientAuthModel, ClientModel, DeprecatedAlias, GroupModel, OperationModel, RequiredParam } from './operation-model.ts';
const JSON_MEDIA = /^application\/([a-z0-9.+-]*\+)?json\b|^\*\/\*$/i;

function jsonMediaType(content: Record<string, OpenAPIV3.MediaTypeObject> | undefined): string | undefined {
  return Object.keys(content ?? {}).find((type) => JSON_MEDIA.test(type));
}

function jsonContent(content: Record<string, OpenAPIV3.MediaTypeObject> | undefined): OpenAPIV3.MediaTypeObject | undefined {
  const key = jsonMediaType(content);
  return key ? content?.[key] : undefined;
}

function objectProperties(doc: OpenApiDocument, schema: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | undefined) {
  const resolved = schema ? resolveLocal<OpenAPIV3.SchemaObject>(doc, schema) : undefined;
  if (!resolved || resolved.type !== 'object' || !resolved.properties || resolved.additionalProperties) return undefined;
  if (resolved.allOf || resolved.oneOf || resolved.anyOf) return undefined;
  return { names: Object.keys(resolved.properties), required: (resolved.required ?? []).length > 0 };
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
      return { response: 'json' as const, hasSchema: raw !== undefined, status: code, mediaType, inferred };
    }
    return { response: 'binary' as const, hasSchema: true, status: code, mediaType: undefined, inferred: false };
  }
  return { response: 'json' as const, hasSchema: false, status: undefined, mediaType: undefined, inferred: false };
}

function isPaged(doc: OpenApiDocument, queryParams: readonly string[], op: OpenAPIV3.OperationObject): boolean {
  if (!queryParams.includes('page')) return false;
  const ok = Object.values(op.responses ?? {})[0];
  const schema = (ok ? resolveLocal<OpenAPIV3.ResponseObject>(doc, ok) : undefined)?.content?.['application/json']?.schema;
  const resolved = schema ? resolveLocal<OpenAPIV3.SchemaObject>(doc, schema) : undefined;
  return Boolean(resolved?.properties && 'page' in resolved.properties);
}

function sampleValue(doc: OpenApiDocument, raw: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | undefined, name: string): RequiredParam['sample'] {
  const schema = raw ? resolveLocal<OpenAPIV3.SchemaObject>(doc, raw) : undefined;
  if (!schema) return 'value';
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
    if (p.in === 'path' || (p.in === 'query' && p.required)) out.push({ name: p.name, sample: sampleValue(doc, p.schema, p.name) });
  }
  const body = bodySchema ? resolveLocal<OpenAPIV3.SchemaObject>(doc, bodySchema) : undefined;
  for (const name of [...(body?.required ?? []), ...defaulted]) out.push({ name, sample: sampleValue(doc, body?.properties?.[name], name) });
  return out;
}

/** Generic documents authenticate with their own security schemes; cookies and mutual TLS are left to `headers`/`fetch`. */
function documentAuth(doc: OpenApiDocument): ClientAuthModel {
  const schemes: ClientAuthModel['schemes'][number][] = [];
  let apiKey: ClientAuthModel['apiKey'];
  for (const raw of Object.values(doc.components?.securitySchemes ?? {})) {
    const scheme = resolveLocal<OpenAPIV3.SecuritySchemeObject>(doc, raw);
    if (!scheme) continue;
    if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'basic') schemes.push('basic');
    else if (scheme.type === 'http' || scheme.type === 'oauth2' || scheme.type === 'openIdConnect') schemes.push('bearer');
    else if (scheme.type === 'apiKey' && (scheme.in === 'header' || scheme.in === 'query') && !apiKey) {
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
    const body = operation.requestBody ? resolveLocal<OpenAPIV3.RequestBodyObject>(doc, operation.requestBody) : undefined;
    const bodyJson = jsonContent(body?.content);
    const fields = bodyJson ? objectProperties(doc, bodyJson.schema) : undefined;
    const taken = new Set([...pathParams, ...queryParams]);
    const fieldsFit = fields !== undefined && fields.names.every((n) => !taken.has(n));
    const bodyKind: OperationModel['body'] = !body ? 'none' : bodyJson && fieldsFit ? 'fields' : 'whole';
    const defaulted = bodyJson ? defaultedProperties(doc, bodyJson.schema) : [];
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
      bodyParams: bodyKind === 'fields' ? (fields?.names ?? []) : [],
      body: bodyKind,
      auth: security.length > 0 && !security.every((s) => Object.keys(s).length === 0),
      response: response.response,
      bodyMediaType: jsonMediaType(body?.content),
      responseMediaType: response.mediaType,
      hasResponseSchema: response.hasSchema,
      responseInferred: response.inferred,
      successStatus: response.status,
      hasQuery: query.length > 0,
      queryRequired: query.some((p) => p.required === true),
      hasPath: pathParams.length > 0,
      bodyRequired: body?.required === true || (bodyKind === 'fields' && fields?.required === true) || defaulted.length > 0,
      requiredParams: requiredParamsOf(doc, params.filter((p) => p.in === 'path' || p.in === 'query'), bodyKind === 'fields' ? bodyJson?.schema : undefined, bodyKind === 'fields' ? defaulted : []),
      summary: operation.summary,
      description: operation.description,
      deprecated: operation.deprecated === true,
      paged: isPaged(doc, queryParams, operation),
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
      if (groups.get(old.group)?.some((o) => o.name === old.name || `${o.name}Pages` === old.name)) continue;
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
  const info = (doc.info ?? {}) as { title?: unknown; summary?: unknown; description?: unknown };
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
  return {
    document: { title: text(info.title) ?? provider.displayName, summary: text(info.summary), description: text(info.description) },
    className: clientClassName(provider.displayName),
    envPrefix: envPrefix(provider.id),
    auth: provider.hostbill ? { schemes: provider.auth } : documentAuth(doc),
    groups: groupModels,
    legacyGroups,
    operations: models,
  };
}

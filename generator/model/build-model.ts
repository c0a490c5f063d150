import type { OpenAPIV3 } from 'openapi-types';
import type { ProviderConfig } from '../config/provider-config.ts';
import { GeneratorError } from '../errors.ts';
import { effectiveParameters, listOperations, resolveLocal } from '../normalise/passes/operations.ts';
import { pointer, type OpenApiDocument } from '../normalise/pass.ts';
import { safeCamelIdentifier, safePascalIdentifier } from './identifiers.ts';
import type { HttpMethod } from '../../templates/runtime/types.ts';
import type { ClientAuthModel, ClientModel, GroupModel, OperationModel, RequiredParam } from './operation-model.ts';
import { routeMethodName } from './route-names.ts';

/** Members of the generated client class that a group name must not shadow. */
const CLIENT_MEMBERS = new Set(['request', 'logout', 'paginate', 'sleep', 'options', 'defaults', 'constructor', 'operations']);
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

function requiredParamsOf(doc: OpenApiDocument, params: OpenAPIV3.ParameterObject[], bodySchema: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | undefined): RequiredParam[] {
  const out: RequiredParam[] = [];
  for (const p of params) {
    if (p.in === 'path' || (p.in === 'query' && p.required)) out.push({ name: p.name, sample: sampleValue(doc, p.schema, p.name) });
  }
  const body = bodySchema ? resolveLocal<OpenAPIV3.SchemaObject>(doc, bodySchema) : undefined;
  for (const name of body?.required ?? []) out.push({ name, sample: sampleValue(doc, body?.properties?.[name], name) });
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

/** Names the generated client.ts imports from the runtime; the client class must not take one. */
const RUNTIME_CLASS_NAMES = new Set(['ApiClient', 'HostBillClient']);

/** `Time4VPS` → `Time4vpsClient`; a title that would give a runtime class's name (`API` → `ApiClient`) gets `Api` inserted. */
export function clientClassName(displayName: string): string {
  const base = safePascalIdentifier(displayName, 'Api');
  return RUNTIME_CLASS_NAMES.has(`${base}Client`) ? `${base}ApiClient` : `${base}Client`;
}

export function buildModel(doc: OpenApiDocument, provider: ProviderConfig, file: string): ClientModel {
  const operations: OperationModel[] = [];
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
    const tag = operation.tags?.[0] ?? 'default';
    let group = safeCamelIdentifier(tag, 'default');
    if (CLIENT_MEMBERS.has(group)) group = `${group}Api`;
    const operationId = operation.operationId as string;
    const name = provider.hostbill ? routeMethodName(method, path) : safeCamelIdentifier(operationId, 'operation');
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
      bodyRequired: body?.required === true || (bodyKind === 'fields' && fields?.required === true),
      requiredParams: requiredParamsOf(doc, params.filter((p) => p.in === 'path' || p.in === 'query'), bodyKind === 'fields' ? bodyJson?.schema : undefined),
      summary: operation.summary,
      description: operation.description,
      deprecated: operation.deprecated === true,
      paged: isPaged(doc, queryParams, operation),
      pointer: at,
    });
  }
  // Two routes that the short route name would merge (`/a/{x}/b` and `/a/b`) both take the long form.
  if (provider.hostbill) {
    const counts = new Map<string, number>();
    for (const op of operations) counts.set(`${op.group}.${op.name}`, (counts.get(`${op.group}.${op.name}`) ?? 0) + 1);
    operations.forEach((op, index) => {
      if ((counts.get(`${op.group}.${op.name}`) ?? 0) > 1) operations[index] = { ...op, name: routeMethodName(op.method, op.path, true) };
    });
  }
  const groups = new Map<string, OperationModel[]>();
  for (const op of operations) {
    const list = groups.get(op.group) ?? [];
    const clash = list.find((other) => other.name === op.name);
    if (clash) {
      throw new GeneratorError(
        { file, pointer: op.pointer },
        `operation ${op.method} ${op.path} would get the method name ${op.group}.${op.name}, which ${clash.method} ${clash.path} (${clash.pointer}) already has`,
      );
    }
    list.push(op);
    groups.set(op.group, list);
  }
  const classNames = new Set<string>();
  const groupModels: GroupModel[] = [...groups.entries()].map(([name, ops]) => {
    let className = `${safePascalIdentifier(name)}Api`;
    for (let n = 2; classNames.has(className); n++) className = `${safePascalIdentifier(name)}Api${n}`;
    classNames.add(className);
    const title = ops[0]?.groupTitle ?? name;
    return { name, title, className, description: tagDescriptions.get(title), operations: ops };
  });
  return {
    className: clientClassName(provider.displayName),
    auth: provider.hostbill ? { schemes: provider.auth } : documentAuth(doc),
    groups: groupModels,
    operations,
  };
}

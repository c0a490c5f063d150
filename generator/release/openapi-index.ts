/**
 * Reads the facts the API diff compares out of a normalised OpenAPI 3 document: operations by
 * `METHOD /path`, their parameters (path, query, header and cookie parameters and the properties of
 * the JSON request body, all in one namespace as the generated client merges them into one params
 * object) and their 2xx response. Local `$ref`s are resolved; everything else is plain data.
 */
import { PATH_ITEM_METHODS, decodePointerToken, isObject } from '../openapi/index.ts';

export type Schema = Record<string, unknown>;
/** The normalised document as plain data: the diff reads documents from any git revision, valid or not. */
export type PlainDocument = Record<string, unknown>;

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie' | 'body';

export interface ParameterFacts {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  readonly schema: Schema;
  readonly description?: string;
}

export interface ResponseFacts {
  /** The 2xx status the facts come from ('' when the operation declares no 2xx response). */
  readonly status: string;
  /** `json` when a 2xx response has a JSON body, `other` for files and other media, `none` for no body. */
  readonly kind: 'json' | 'other' | 'none';
  readonly mediaTypes: readonly string[];
  readonly schema?: Schema;
  readonly description?: string;
}

export interface OperationFacts {
  /** `GET /service/{id}` */
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly operationId?: string;
  /** The first tag, which names the client group. */
  readonly tag?: string;
  readonly summary?: string;
  readonly description?: string;
  readonly parameters: ReadonlyMap<string, ParameterFacts>;
  readonly response: ResponseFacts;
  /** The operation object as written (for the catch-all "something else changed" check). */
  readonly raw: unknown;
}

/** Follows a local `#/…` reference; undefined when it points nowhere. */
export function resolvePointer(doc: PlainDocument, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = doc;
  for (const token of ref.slice(1).split('/').slice(1)) {
    if (Array.isArray(node)) node = node[Number(decodePointerToken(token))];
    else if (isObject(node)) node = node[decodePointerToken(token)];
    else return undefined;
  }
  return node;
}

/** Resolves `$ref` chains at the top of `value` (not inside it); stops on cycles. */
export function deref(doc: PlainDocument, value: unknown): unknown {
  const seen = new Set<string>();
  let node = value;
  while (isObject(node) && typeof node.$ref === 'string') {
    if (seen.has(node.$ref)) return {};
    seen.add(node.$ref);
    const target = resolvePointer(doc, node.$ref);
    if (target === undefined) return node;
    node = target;
  }
  return node;
}

export function schemaAt(doc: PlainDocument, value: unknown): Schema {
  const node = deref(doc, value);
  return isObject(node) ? node : {};
}

const isJsonMediaType = (mediaType: string): boolean => /^application\/(?:[\w.+-]+\+)?json\b/i.test(mediaType) || mediaType === '*/*';

function jsonContent(content: unknown): Schema | undefined {
  if (!isObject(content)) return undefined;
  const key = Object.keys(content).find(isJsonMediaType);
  return key === undefined ? undefined : (content[key] as Schema);
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function bodyProperties(doc: PlainDocument, requestBody: unknown): ParameterFacts[] {
  const body = schemaAt(doc, requestBody);
  const media = jsonContent(body.content);
  if (!media) return [];
  const schema = objectView(doc, media.schema);
  const required = new Set(schema.required);
  return Object.entries(schema.properties).map(([name, property]) => {
    const resolved = schemaAt(doc, property);
    return {
      name,
      in: 'body' as const,
      required: required.has(name),
      schema: resolved,
      description: stringOrUndefined(resolved.description),
    };
  });
}

export interface ObjectView {
  readonly properties: Readonly<Record<string, unknown>>;
  readonly required: readonly string[];
}

/** The properties and required names of an object schema, merging `allOf` (and the variants of `oneOf`/`anyOf`). */
export function objectView(doc: PlainDocument, value: unknown, seen: ReadonlySet<unknown> = new Set()): ObjectView {
  const schema = schemaAt(doc, value);
  if (seen.has(schema)) return { properties: {}, required: [] };
  const inner = new Set(seen).add(schema);
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  if (isObject(schema.properties)) Object.assign(properties, schema.properties);
  if (Array.isArray(schema.required)) required.push(...schema.required.filter((r): r is string => typeof r === 'string'));
  for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
    const view = objectView(doc, part, inner);
    Object.assign(properties, view.properties);
    required.push(...view.required);
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    for (const part of Array.isArray(schema[key]) ? (schema[key] as unknown[]) : []) {
      const view = objectView(doc, part, inner);
      for (const [name, property] of Object.entries(view.properties)) if (!(name in properties)) properties[name] = property;
    }
  }
  return { properties, required: [...new Set(required)].sort() };
}

function responseFacts(doc: PlainDocument, responses: unknown): ResponseFacts {
  if (!isObject(responses)) return { status: '', kind: 'none', mediaTypes: [] };
  const statuses = Object.keys(responses)
    .filter((s) => /^2(?:\d\d|XX)$/i.test(s))
    .sort();
  const withJson = statuses.find((s) => jsonContent(schemaAt(doc, responses[s]).content) !== undefined);
  const status = withJson ?? statuses[0];
  if (status === undefined) return { status: '', kind: 'none', mediaTypes: [] };
  const response = schemaAt(doc, responses[status]);
  const content = isObject(response.content) ? response.content : {};
  const mediaTypes = Object.keys(content).sort();
  const media = jsonContent(content);
  const description = stringOrUndefined(response.description);
  if (media) return { status, kind: 'json', mediaTypes, schema: isObject(media.schema) ? media.schema : undefined, description };
  return { status, kind: mediaTypes.length > 0 ? 'other' : 'none', mediaTypes, description };
}

/** Every operation of the document, keyed `METHOD /path`, in document order. */
export function indexOperations(doc: PlainDocument | undefined): Map<string, OperationFacts> {
  const index = new Map<string, OperationFacts>();
  if (!doc || !isObject(doc.paths)) return index;
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    const item = schemaAt(doc, rawItem);
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of PATH_ITEM_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const parameters = new Map<string, ParameterFacts>();
      const own = Array.isArray(operation.parameters) ? operation.parameters : [];
      // Operation-level parameters override path-level ones with the same name and location.
      const byPlace = new Map<string, Schema>();
      for (const p of [...shared, ...own]) {
        const param = schemaAt(doc, p);
        if (typeof param.name === 'string' && typeof param.in === 'string') byPlace.set(`${param.in}:${param.name}`, param);
      }
      for (const param of byPlace.values()) {
        const name = param.name as string;
        parameters.set(name, {
          name,
          in: param.in as ParameterLocation,
          required: param.required === true || param.in === 'path',
          schema: schemaAt(doc, param.schema),
          description: stringOrUndefined(param.description) ?? stringOrUndefined(schemaAt(doc, param.schema).description),
        });
      }
      for (const property of bodyProperties(doc, operation.requestBody)) {
        if (!parameters.has(property.name)) parameters.set(property.name, property);
      }
      const key = `${method.toUpperCase()} ${path}`;
      index.set(key, {
        key,
        method: method.toUpperCase(),
        path,
        operationId: stringOrUndefined(operation.operationId),
        tag: Array.isArray(operation.tags) ? stringOrUndefined(operation.tags[0]) : undefined,
        summary: stringOrUndefined(operation.summary),
        description: stringOrUndefined(operation.description),
        parameters,
        response: responseFacts(doc, operation.responses),
        raw: operation,
      });
    }
  }
  return index;
}


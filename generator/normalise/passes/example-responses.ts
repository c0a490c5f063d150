import { isReference, listOperations, pointer, resolveLocal, type OpenApiDocument } from '../../openapi/index.ts';
import type { OpenAPIV3 } from 'openapi-types';
import { exampleSchemaBaseName, hasWord, listItemName, routeNoun, shareSchemaNames, type ExampleSchemaRole } from '../../naming/index.ts';
import { classifyExample } from '../examples/classify-example.ts';
import { extractExample } from '../examples/extract-example.ts';
import { INFERRED_DESCRIPTION, inferSchema, type InferredSchema } from '../examples/infer-schema.ts';
import { parseExample } from '../examples/parse-example.ts';
import { type NormalisePass } from '../pass.ts';

/**
 * HostBill documents declare no response schemas; the 200 response's description holds an example
 * as a fenced JSON block instead. Each example that parses (after repairs) and shows a success body
 * becomes `components.schemas.<OperationId>Response`, referenced from the response's
 * `application/json` content together with the example itself; the fence leaves the description.
 *
 * Where the example comes from: the first 2xx response's description, else the operation's
 * description, but there only a fence introduced by a line that mentions a response ("Example
 * Response:"). Time4VPS's `POST /service/@id/upgrade` description holds a ```json block with the
 * format of its `resources` *parameter*; typing the response from it would be a lie.
 *
 * Examples that cannot be used (empty, an error body, unparseable) are reported as warnings and
 * the description is left as written, since it is then the only record of the response.
 */
export const exampleResponsesPass: NormalisePass = {
  name: 'example-responses',
  rule: 'A success response without a schema is typed from its documented example (OpenAPI 3 `example`/`examples` on the media type, its schema or their properties; else the JSON example fenced in its description), when that example parses and is not an error body.',
  hostbillOnly: false,
  run(doc, ctx) {
    const schemas = doc.components?.schemas ?? {};
    const typed: Typed[] = [];
    const typeResponse = (target: Target, parsed: { value: unknown; repairs: readonly string[] }, origin: string) => {
      const mayBeList = looksLikeOneItemOfAList(target.method, target.operation, parsed.value);
      typed.push({ target, schema: inferSchema(parsed.value, { mayBeList }), value: parsed.value, repairs: parsed.repairs, mayBeList, origin });
    };
    /** Whether the example can type a response; warns (at `at`) when it cannot. */
    const usable = (value: unknown, at: string): boolean => {
      const kind = classifyExample(value);
      if (kind === 'empty') ctx.warn('the documented example is empty; the response stays untyped', at);
      if (kind === 'error-body') ctx.warn('the documented example is an error body ({"error": …}), not a success response; no response type created', at);
      return kind === 'success';
    };

    for (const { path, method, operation } of listOperations(doc)) {
      const found = findResponse(operation);
      if (!found) continue;
      const { code, response } = found;
      const responseAt = pointer('paths', path, method, 'responses', code);

      // OpenAPI 3 documents carry their examples as data; those come first.
      const structured = structuredExample(doc, response);
      if (structured) {
        const at = `${responseAt}/content/${structured.pointer}`;
        const parsed = structured.text !== undefined ? parseExample(structured.text) : { ok: true as const, value: structured.value, repairs: [] };
        if (!parsed.ok) ctx.warn(`the documented example is not parseable (${parsed.reason}); the response stays untyped`, at);
        else if (usable(parsed.value, at)) {
          typeResponse({ path, method, operation, code, response, mediaType: structured.mediaType }, parsed, `inferred from content.${structured.mediaType}.${structured.where}`);
        }
        continue;
      }

      let source: 'response' | 'operation' = 'response';
      let extracted = extractExample(response.description);
      if (extracted.kind !== 'fenced') {
        const fromOperation = extractExample(operation.description);
        if (fromOperation.kind !== 'fenced') continue;
        if (!introducedAsResponse(operation.description ?? '', fromOperation.text)) {
          ctx.warn(
            'the operation description has a JSON block that is not introduced as a response example (it may document a parameter); not used as the response type',
            pointer('paths', path, method, 'description'),
          );
          continue;
        }
        extracted = fromOperation;
        source = 'operation';
      }
      const exampleAt = source === 'response' ? `${responseAt}/description` : pointer('paths', path, method, 'description');

      if (hasSchema(response)) {
        ctx.warn(`response ${code} already has a schema; its documented example was not used`, exampleAt);
        continue;
      }
      if (extracted.text === '') {
        ctx.warn('the documented example is empty; the response stays untyped', exampleAt);
        continue;
      }
      const parsed = parseExample(extracted.text);
      if (!parsed.ok) {
        ctx.warn(`the documented example is not parseable (${parsed.reason}); the response stays untyped`, exampleAt);
        continue;
      }
      if (!usable(parsed.value, exampleAt)) continue;
      typeResponse({ path, method, operation, code, response, mediaType: 'application/json' }, parsed, `the example moved from the ${source} description to content.application/json.example`);
      if (source === 'response') response.description = extracted.description || 'Success';
      else operation.description = extracted.description;
    }
    const newSchemas = nameSchemas(typed, ctx.provider.hostbill, (n) => Object.hasOwn(schemas, n));
    for (const { name, schema } of newSchemas) ctx.record(`added schema ${name}, ${schema.origin}`, pointer('components', 'schemas', name));
    for (const { target, origin } of typed) ctx.record(`response ${target.code} typed as ${responseRef(target)}; ${origin}`, pointer('paths', target.path, target.method, 'responses', target.code));
    if (newSchemas.length > 0) (doc.components ??= {}).schemas = { ...schemas, ...Object.fromEntries(newSchemas.map(({ name, schema }) => [name, schema.schema])) };
  },
};

/** A response typed from its example, waiting for its schema's name. */
interface Typed {
  readonly target: Target;
  readonly schema: InferredSchema;
  readonly value: unknown;
  readonly repairs: readonly string[];
  readonly mayBeList: boolean;
  readonly origin: string;
}

/** A schema that becomes a component: a whole body, or a resource hoisted out of one. */
interface Hoisted {
  readonly role: ExampleSchemaRole;
  readonly schema: OpenAPIV3.SchemaObject;
  /** Where it came from, for the report. */
  readonly origin: string;
  /** Puts the `$ref` to the component where the schema was. */
  readonly place: (ref: OpenAPIV3.ReferenceObject) => void;
}

const RANK: Readonly<Record<ExampleSchemaRole['kind'], number>> = { body: 0, wrapped: 1, element: 2 };

/**
 * Names every inferred schema (`naming/type-names.ts`) and points its place at the component. In
 * HostBill documents the resources inside a GET's body become components of their own first
 * (`DnsZone.records` → `DnsRecord`), so that shapes repeating across operations share one name where
 * they agree. Bodies name first, then wrapped resources, then collection items, each in document
 * order, so a resource's own GET gets the plain name.
 */
function nameSchemas(typed: readonly Typed[], hostbill: boolean, taken: (name: string) => boolean): { name: string; schema: Hoisted }[] {
  const hoisted: Hoisted[] = [];
  for (const t of typed) {
    const { path, method, response, mediaType } = t.target;
    const where = `${method.toUpperCase()} ${path}`;
    const repairs = t.repairs.length > 0 ? ` (repaired: ${t.repairs.join(', ')})` : '';
    const list = t.mayBeList ? '; the example shows one item of a list, so a bare array of items is accepted too' : '';
    const inner = hostbill && method === 'get' ? hoistResources(t.schema, method, path, where, t.mayBeList) : { wrapped: false, found: [] };
    hoisted.push({
      role: { kind: 'body', key: t.target.operation.operationId ?? `${method} ${path}`, method, path, hostbill, wrapped: inner.wrapped },
      schema: t.schema,
      origin: `inferred from the documented example of ${where}${repairs}${list}`,
      place: (ref) => {
        const existing = response.content?.[mediaType];
        const media: OpenAPIV3.MediaTypeObject = { ...existing, schema: ref };
        if (media.examples === undefined) media.example = t.value;
        response.content = { ...response.content, [mediaType]: media };
      },
    });
    hoisted.push(...inner.found);
  }
  const order = hoisted.map((h, i) => ({ h, i })).sort((a, b) => RANK[a.h.role.kind] - RANK[b.h.role.kind] || a.i - b.i);
  const names = shareSchemaNames(
    order.map(({ h }) => {
      const base = exampleSchemaBaseName(h.role);
      return { base, ...(h.role.kind === 'element' ? { variant: listItemName(base) } : {}), schema: canonical(h.schema) };
    }),
    (a, b) => a === b,
    taken,
  );
  const out: { name: string; schema: Hoisted }[] = [];
  order.forEach(({ h }, i) => {
    const name = names[i] as string;
    h.place({ $ref: `#/components/schemas/${name}` });
    if (!out.some((o) => o.name === name)) out.push({ name, schema: h });
  });
  return out.sort((a, b) => hoisted.indexOf(a.schema) - hoisted.indexOf(b.schema));
}

/** Levels of resources inside resources that are hoisted (`zones[].records[]`). */
const MAX_HOIST_DEPTH = 3;

/**
 * The resources inside a HostBill GET body: the object the body wraps under the route's noun
 * (`{"invoice": {…}}`), the items of the body's collections (`{"invoices": [...]}`, or the body itself
 * where it may be a bare list), and, recursively, the collections inside those.
 */
function hoistResources(body: OpenAPIV3.SchemaObject, method: string, path: string, where: string, mayBeList: boolean): { wrapped: boolean; found: Hoisted[] } {
  const found: Hoisted[] = [];
  const origin = (what: string) => `${what}, inferred from the documented example of ${where}`;
  const element = (item: OpenAPIV3.SchemaObject, property: string | undefined, place: Hoisted['place'], depth: number) => {
    found.push({ role: { kind: 'element', method, path, ...(property !== undefined ? { property } : {}) }, schema: withDescription(item), origin: origin(property !== undefined ? `the items of ${property}` : 'one item of the list'), place });
    collections(item, depth + 1);
  };
  const collections = (schema: OpenAPIV3.SchemaObject, depth: number) => {
    if (depth > MAX_HOIST_DEPTH) return;
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      const item = collectionItem(property);
      if (!item) continue;
      element(item, key, pointItemsAt(property as OpenAPIV3.SchemaObject), depth);
    }
  };
  // The body may be one item or a bare list of them: `{ anyOf: [Item, Item[]] }`.
  const [one, many] = (body.anyOf ?? []) as OpenAPIV3.SchemaObject[];
  if (mayBeList && one && many?.type === 'array') {
    element(one, undefined, (ref) => {
      (body.anyOf as unknown[])[0] = ref;
      (many as OpenAPIV3.ArraySchemaObject).items = ref;
    }, 1);
    return { wrapped: false, found };
  }
  const rootItem = collectionItem(body);
  if (rootItem) {
    element(rootItem, undefined, pointItemsAt(body), 1);
    return { wrapped: false, found };
  }
  const noun = routeNoun(method, path);
  const wrappedKey = Object.keys(body.properties ?? {}).find((key) => key.toLowerCase() === noun.toLowerCase());
  const wrapped = wrappedKey !== undefined ? (body.properties?.[wrappedKey] as OpenAPIV3.SchemaObject) : undefined;
  if (wrappedKey !== undefined && wrapped && !isReference(wrapped) && wrapped.type === 'object' && wrapped.properties) {
    found.push({ role: { kind: 'wrapped', method, path }, schema: withDescription(wrapped), origin: origin(`the ${wrappedKey} the body wraps`), place: (ref) => ((body.properties as Record<string, unknown>)[wrappedKey] = ref) });
    collections(wrapped, 2);
  }
  collections(body, 1);
  return { wrapped: found.some((h) => h.role.kind === 'wrapped'), found };
}

/** Points both shapes of an inferred collection (`Item[] | { [id]: Item }`) at the component of its items. */
function pointItemsAt(collection: OpenAPIV3.SchemaObject): Hoisted['place'] {
  return (ref) => {
    const [list, map] = collection.anyOf as OpenAPIV3.SchemaObject[];
    (list as OpenAPIV3.ArraySchemaObject).items = ref;
    (map as OpenAPIV3.SchemaObject).additionalProperties = ref;
  };
}

/** The item schema of an inferred collection (`Item[] | { [id]: Item }` of objects), else undefined. */
function collectionItem(schema: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | undefined): OpenAPIV3.SchemaObject | undefined {
  if (!schema || isReference(schema) || schema.anyOf?.length !== 2) return undefined;
  const [list, map] = schema.anyOf as OpenAPIV3.SchemaObject[];
  if (list?.type !== 'array' || map?.type !== 'object' || typeof map.additionalProperties !== 'object') return undefined;
  const item = (list as OpenAPIV3.ArraySchemaObject).items;
  return item && !isReference(item) && item.type === 'object' && item.properties ? item : undefined;
}

/** A hoisted schema is marked inferred like the body it came from. */
function withDescription(schema: OpenAPIV3.SchemaObject): OpenAPIV3.SchemaObject {
  return Object.assign(schema, { description: schema.description ?? INFERRED_DESCRIPTION, 'x-inferred-from-example': true });
}

/** The schema as text with object keys sorted, so two shapes compare equal whatever the order their examples showed. */
function canonical(schema: unknown): string {
  return JSON.stringify(schema, (_, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'description' && k !== 'x-inferred-from-example').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value,
  );
}

function responseRef(target: Target): string {
  const schema = target.response.content?.[target.mediaType]?.schema;
  return schema && isReference(schema) ? schema.$ref : 'an inline schema';
}

interface Target {
  readonly path: string;
  readonly method: string;
  readonly operation: OpenAPIV3.OperationObject;
  readonly code: string;
  readonly response: OpenAPIV3.ResponseObject;
  readonly mediaType: string;
}

const JSON_MEDIA = /^application\/([a-z0-9.+-]*\+)?json\b/i;

/** An example found as data: the value, or (`text`) JSON written as a string, to parse and repair like a fence. */
interface StructuredExample {
  readonly mediaType: string;
  /** Where under the media type: `example`, `examples.<name>.value`, `schema.example`, `schema.properties.*.example`. */
  readonly where: string;
  /** JSON pointer below `content`. */
  readonly pointer: string;
  readonly value?: unknown;
  readonly text?: string;
}

/**
 * The example of a JSON success response whose schema says nothing about its shape: the media
 * type's `example`, else its first `examples` entry (local `$ref`s followed), else the schema's
 * `example`, else an object made of its properties' `example`s. A string that opens like JSON
 * (`{`, `[`) is JSON text and is parsed, with repairs, like a fenced example.
 */
function structuredExample(doc: OpenApiDocument, response: OpenAPIV3.ResponseObject): StructuredExample | undefined {
  for (const [mediaType, media] of Object.entries(response.content ?? {})) {
    if (!JSON_MEDIA.test(mediaType)) continue;
    const schema = media.schema === undefined ? undefined : resolveLocal<OpenAPIV3.SchemaObject>(doc, media.schema);
    if (media.schema !== undefined && (isReference(media.schema) || !schema || !saysNothing(schema))) continue;
    const at = (where: string, ...tokens: string[]) => ({ mediaType, where, pointer: pointer(mediaType, ...tokens).slice(1) });
    const found = (where: string, tokens: string[], value: unknown): StructuredExample => {
      const text = typeof value === 'string' && /^\s*[[{]/.test(value) ? value : undefined;
      return text !== undefined ? { ...at(where, ...tokens), text } : { ...at(where, ...tokens), value };
    };
    if (media.example !== undefined) return found('example', ['example'], media.example);
    for (const [name, raw] of Object.entries(media.examples ?? {})) {
      const example = resolveLocal<OpenAPIV3.ExampleObject>(doc, raw);
      if (example?.value !== undefined) return found(`examples.${name}.value`, ['examples', name, 'value'], example.value);
    }
    if (schema?.example !== undefined) return found('schema.example', ['schema', 'example'], schema.example);
    const fromProperties = schema ? propertyExamples(doc, schema, 0) : undefined;
    if (fromProperties !== undefined) return found('schema.properties.*.example', ['schema', 'properties'], fromProperties);
  }
  return undefined;
}

/** Deeper than this, property examples are not assembled (a `$ref` cycle through properties). */
const MAX_PROPERTY_DEPTH = 16;

/** An object of the properties' examples (nested objects assembled the same way); undefined when none has one. */
function propertyExamples(doc: OpenApiDocument, schema: OpenAPIV3.SchemaObject, depth: number): Record<string, unknown> | undefined {
  if (depth > MAX_PROPERTY_DEPTH || !schema.properties) return undefined;
  const out: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(schema.properties)) {
    const property = resolveLocal<OpenAPIV3.SchemaObject>(doc, raw);
    if (!property) continue;
    const value = property.example !== undefined ? property.example : propertyExamples(doc, property, depth + 1);
    if (value !== undefined) Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A schema that gives no type anywhere: no `type`, items, composition, enum or `$ref` (an `example`, a description, untyped properties). */
function saysNothing(schema: OpenAPIV3.SchemaObject, depth = 0): boolean {
  if (depth > MAX_PROPERTY_DEPTH) return false;
  const typed = schema.type !== undefined || schema.allOf || schema.oneOf || schema.anyOf || schema.not || schema.enum || (schema as { items?: unknown }).items || typeof schema.additionalProperties === 'object';
  if (typed) return schema.type === 'object' && !schema.additionalProperties && Object.values(schema.properties ?? {}).every((p) => !isReference(p) && saysNothing(p, depth + 1));
  return Object.values(schema.properties ?? {}).every((p) => !isReference(p) && saysNothing(p, depth + 1));
}

function findResponse(operation: OpenAPIV3.OperationObject): { code: string; response: OpenAPIV3.ResponseObject } | undefined {
  for (const [code, response] of Object.entries(operation.responses ?? {})) {
    if (!/^2(\d\d|XX)$/i.test(code)) continue;
    // A shared `$ref` response is not this operation's to rewrite.
    return isReference(response) ? undefined : { code, response };
  }
  return undefined;
}

function hasSchema(response: OpenAPIV3.ResponseObject): boolean {
  return Object.values(response.content ?? {}).some((media) => media.schema !== undefined);
}

/** The line before the fence, or a comment opening the fenced text, mentions a response. */
function introducedAsResponse(description: string, exampleText: string): boolean {
  const fence = description.indexOf('```');
  const lead = description.slice(0, fence).trimEnd().split(/\r\n|\n|\r/).pop() ?? '';
  const firstLine = exampleText.split(/\r\n|\n|\r/)[0] ?? '';
  const mentionsResponse = (text: string) => /\brespon[sc]es?\b/i.test(text);
  return mentionsResponse(lead) || (/^\s*\/\//.test(firstLine) && mentionsResponse(firstLine));
}

/**
 * `GET /server` ("List All Servers") documents a single server object, and the server answers with a
 * bare array of them (generator/docs/hostbill-api.md); Time4VPS's "List VPN Servers", "List VPN Clients" and "List
 * all addons" document one item the same way. So: a GET whose summary or operationId has the word
 * "list" and whose example is one flat record (an object with only scalar values, so not a wrapper
 * such as `{"invoices": [...]}`) is typed `Item | Item[]`.
 */
function looksLikeOneItemOfAList(method: string, operation: OpenAPIV3.OperationObject, value: unknown): boolean {
  if (method !== 'get' || typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const saysList = [operation.summary, operation.operationId as unknown].some((text) => typeof text === 'string' && hasWord(text, 'list'));
  return saysList && Object.values(value).every((v) => v === null || typeof v !== 'object');
}

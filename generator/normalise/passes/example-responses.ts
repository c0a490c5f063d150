import { isReference, listOperations, pointer, resolveLocal, type OpenApiDocument } from '../../openapi/index.ts';
import type { OpenAPIV3 } from 'openapi-types';
import { exampleSchemaName, hasWord } from '../../naming/index.ts';
import { classifyExample } from '../examples/classify-example.ts';
import { extractExample } from '../examples/extract-example.ts';
import { inferSchema } from '../examples/infer-schema.ts';
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
    const newSchemas: Record<string, OpenAPIV3.SchemaObject> = {};
    const typeResponse = (target: Target, parsed: { value: unknown; repairs: readonly string[] }, origin: string) => {
      const { path, method, operation, code, response, mediaType } = target;
      const name = exampleSchemaName(operation.operationId, `${method} ${path}`, (n) => Object.hasOwn(schemas, n) || Object.hasOwn(newSchemas, n));
      const mayBeList = looksLikeOneItemOfAList(method, operation, parsed.value);
      newSchemas[name] = inferSchema(parsed.value, { mayBeList });
      const existing = response.content?.[mediaType];
      const media: OpenAPIV3.MediaTypeObject = { ...existing, schema: { $ref: `#/components/schemas/${name}` } };
      if (media.examples === undefined) media.example = parsed.value;
      response.content = { ...response.content, [mediaType]: media };
      const repairs = parsed.repairs.length > 0 ? ` (repaired: ${parsed.repairs.join(', ')})` : '';
      const list = mayBeList ? '; the example shows one item of a list, so a bare array of items is accepted too' : '';
      ctx.record(`added schema ${name}, inferred from the documented example of ${method.toUpperCase()} ${path}${repairs}${list}`, pointer('components', 'schemas', name));
      ctx.record(`response ${code} typed as #/components/schemas/${name}; ${origin}`, pointer('paths', path, method, 'responses', code));
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
    if (Object.keys(newSchemas).length > 0) (doc.components ??= {}).schemas = { ...schemas, ...newSchemas };
  },
};

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
  const saysList = [operation.summary, operation.operationId].some((text) => hasWord(text, 'list'));
  return saysList && Object.values(value).every((v) => v === null || typeof v !== 'object');
}

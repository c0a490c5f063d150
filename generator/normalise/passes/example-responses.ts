import { isReference, listOperations, pointer } from '../../openapi/index.ts';
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
  rule: 'A success response without a schema is typed from the JSON example fenced in its description, when that example parses and is not an error body.',
  hostbillOnly: false,
  run(doc, ctx) {
    const schemas = doc.components?.schemas ?? {};
    const newSchemas: Record<string, OpenAPIV3.SchemaObject> = {};
    for (const { path, method, operation } of listOperations(doc)) {
      const found = findResponse(operation);
      if (!found) continue;
      const { code, response } = found;
      const responseAt = pointer('paths', path, method, 'responses', code);

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
      const kind = classifyExample(parsed.value);
      if (kind === 'empty') {
        ctx.warn('the documented example is empty; the response stays untyped', exampleAt);
        continue;
      }
      if (kind === 'error-body') {
        ctx.warn('the documented example is an error body ({"error": …}), not a success response; no response type created', exampleAt);
        continue;
      }

      const name = exampleSchemaName(operation.operationId, `${method} ${path}`, (n) => Object.hasOwn(schemas, n) || Object.hasOwn(newSchemas, n));
      const mayBeList = looksLikeOneItemOfAList(method, operation, parsed.value);
      newSchemas[name] = inferSchema(parsed.value, { mayBeList });

      const existing = response.content?.['application/json'];
      const media: OpenAPIV3.MediaTypeObject = { ...existing, schema: { $ref: `#/components/schemas/${name}` } };
      if (media.examples === undefined) media.example = parsed.value;
      response.content = { ...response.content, 'application/json': media };
      if (source === 'response') response.description = extracted.description || 'Success';
      else operation.description = extracted.description;

      const repairs = parsed.repairs.length > 0 ? ` (repaired: ${parsed.repairs.join(', ')})` : '';
      const list = mayBeList ? '; the example shows one item of a list, so a bare array of items is accepted too' : '';
      ctx.record(`added schema ${name}, inferred from the documented example of ${method.toUpperCase()} ${path}${repairs}${list}`, pointer('components', 'schemas', name));
      ctx.record(`response ${code} typed as #/components/schemas/${name}; the example moved from the ${source} description to content.application/json.example`, responseAt);
    }
    if (Object.keys(newSchemas).length > 0) (doc.components ??= {}).schemas = { ...schemas, ...newSchemas };
  },
};

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

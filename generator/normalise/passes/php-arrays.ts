import { listOperations, pointer, resolveLocal } from '../../openapi/index.ts';
import type { OpenAPIV3 } from 'openapi-types';
import { type NormalisePass } from '../pass.ts';

const MAP: OpenAPIV3.SchemaObject = { type: 'object', additionalProperties: true };

function isUntypedList(schema: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | undefined): schema is OpenAPIV3.ArraySchemaObject {
  if (!schema || '$ref' in schema || schema.type !== 'array') return false;
  const items = schema.items as OpenAPIV3.SchemaObject | undefined;
  return !items || ('$ref' in items ? false : items.enum === undefined && items.pattern === undefined && (items.type === undefined || items.type === 'string'));
}

/**
 * HostBill takes PHP arrays: a body field documented as a plain `array` (order `items`, upgrade
 * `resources`, `custom`, `ipaddress` maps) may be a list or a keyed map, and its elements may be
 * objects. Such fields accept both shapes; arrays with enumerated items keep their exact type.
 */
export const phpArraysPass: NormalisePass = {
  name: 'php-arrays',
  rule: 'JSON body fields documented as plain arrays accept a list (of strings or objects) or a keyed object, as PHP arrays do.',
  hostbillOnly: true,
  run(doc, ctx) {
    for (const { path, method, operation } of listOperations(doc)) {
      const body = operation.requestBody ? resolveLocal<OpenAPIV3.RequestBodyObject>(doc, operation.requestBody) : undefined;
      const schema = body?.content['application/json']?.schema;
      const object = schema ? resolveLocal<OpenAPIV3.SchemaObject>(doc, schema) : undefined;
      for (const [name, prop] of Object.entries(object?.properties ?? {})) {
        if (!isUntypedList(prop)) continue;
        const items = (prop.items ?? {}) as OpenAPIV3.SchemaObject;
        const { description, ...rest } = prop;
        const list: OpenAPIV3.ArraySchemaObject = { ...rest, items: { anyOf: [items, MAP] } };
        (object?.properties as Record<string, OpenAPIV3.SchemaObject>)[name] = { ...(description ? { description } : {}), anyOf: [list, MAP] };
        ctx.record(`body field ${name} accepts a list or a keyed object`, pointer('paths', path, method, 'requestBody'));
      }
    }
  },
};

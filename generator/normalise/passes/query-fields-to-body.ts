import { listOperations, pointer } from '../../openapi/index.ts';
import type { OpenAPIV3 } from 'openapi-types';
import { type NormalisePass } from '../pass.ts';

const BODY_METHODS = new Set(['post', 'put', 'patch']);

/** The schema of a converted query parameter, preferring an `x-schema` the importer attached. */
export function parameterSchema(param: OpenAPIV3.ParameterObject): OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject {
  const explicit = (param as unknown as Record<string, unknown>)['x-schema'];
  const base = (explicit ?? param.schema ?? {}) as OpenAPIV3.SchemaObject;
  const schema: OpenAPIV3.SchemaObject = { ...base };
  if (param.description && schema.description === undefined) schema.description = param.description;
  return schema;
}

/**
 * HostBill declares POST/PUT fields `in: query`, but the API (and every sample on the providers'
 * pages) takes them as a JSON body. They become one `application/json` object schema; a field
 * that repeats a path parameter is dropped, since the path already carries it.
 */
export const queryFieldsToBodyPass: NormalisePass = {
  name: 'query-fields-to-json-body',
  rule: 'POST/PUT/PATCH fields declared in: query become one JSON requestBody object ({} when there are none); GET/DELETE keep query parameters.',
  hostbillOnly: true,
  run(doc, ctx) {
    for (const { path, method, operation } of listOperations(doc)) {
      if (!BODY_METHODS.has(method)) continue;
      // Parameters that are no list are left for validation to name.
      if (operation.parameters !== undefined && !Array.isArray(operation.parameters)) continue;
      const params = (operation.parameters ?? []) as OpenAPIV3.ParameterObject[];
      const pathNames = new Set(params.filter((p) => p.in === 'path').map((p) => p.name));
      const fields = params.filter((p) => p.in === 'query');
      if (fields.length === 0) {
        if (!operation.requestBody) {
          // The API takes `{}` (never `[]` or nothing) for a write without fields.
          operation.requestBody = { required: false, content: { 'application/json': { schema: { type: 'object', properties: {} } } } };
          ctx.record('write without fields: declared an empty JSON object body', pointer('paths', path, method));
        }
        continue;
      }
      operation.parameters = params.filter((p) => p.in !== 'query');
      const properties: Record<string, OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject> = {};
      const required: string[] = [];
      for (const field of fields) {
        if (pathNames.has(field.name)) {
          ctx.record(`body field ${field.name} repeats the path parameter; dropped`, pointer('paths', path, method));
          continue;
        }
        properties[field.name] = parameterSchema(field);
        if (field.required) required.push(field.name);
      }
      if (operation.requestBody) {
        ctx.warn('operation has both a request body and query fields; the query fields were merged into it only if it is an inline object', pointer('paths', path, method));
        const existing = (operation.requestBody as OpenAPIV3.RequestBodyObject).content?.['application/json']?.schema as OpenAPIV3.SchemaObject | undefined;
        if (existing && existing.type === 'object') existing.properties = { ...properties, ...existing.properties };
        continue;
      }
      const schema: OpenAPIV3.SchemaObject = { type: 'object', properties };
      if (required.length > 0) schema.required = required;
      operation.requestBody = { required: required.length > 0, content: { 'application/json': { schema } } };
      ctx.record(`${fields.length} query field(s) became the JSON body: ${fields.map((f) => f.name).join(', ')}`, pointer('paths', path, method));
    }
  },
};

import type { OpenAPIV3 } from 'openapi-types';

type Schema = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;

function resolve(doc: OpenAPIV3.Document, schema: Schema | undefined, depth = 0): OpenAPIV3.SchemaObject | undefined {
  let current: unknown = schema;
  for (let i = 0; i < 16 && current && typeof current === 'object' && '$ref' in current; i++) {
    const ref = (current as OpenAPIV3.ReferenceObject).$ref;
    current = ref
      .slice(2)
      .split('/')
      .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, token) => (node as Record<string, unknown> | undefined)?.[token], doc);
  }
  void depth;
  return current as OpenAPIV3.SchemaObject | undefined;
}

/** A value that satisfies the schema (the first enum value, the first variant, a typed placeholder). */
export function sampleFor(doc: OpenAPIV3.Document, raw: Schema | undefined, depth = 0): unknown {
  const schema = resolve(doc, raw);
  if (!schema || depth > 6) return 'value';
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (schema.example !== undefined && typeof schema.example !== 'object') return schema.example;
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants?.[0]) return sampleFor(doc, variants[0], depth + 1);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => sampleFor(doc, s, depth + 1)));
  switch (schema.type) {
    case 'integer':
      return schema.minimum ?? 1;
    case 'number':
      return schema.minimum ?? 1.5;
    case 'boolean':
      return true;
    case 'array':
      return [sampleFor(doc, schema.items, depth + 1)];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) out[name] = sampleFor(doc, schema.properties?.[name], depth + 1);
      return out;
    }
    default:
      if (schema.format === 'email') return 'user@example.com';
      if (schema.format === 'date') return '2024-01-31';
      if (schema.format === 'date-time') return '2024-01-31T00:00:00Z';
      return schema.pattern === '^[A-Za-z]+$' ? 'Example' : 'example';
  }
}

interface OperationEntry {
  readonly method: string;
  readonly path: string;
}

/**
 * Parameters for one operation: every path parameter, every query parameter and every body field
 * (required or not), each with a value its schema accepts.
 */
export function sampleParams(doc: OpenAPIV3.Document, op: OperationEntry): Record<string, unknown> {
  const operation = (doc.paths[op.path] as Record<string, OpenAPIV3.OperationObject>)[op.method.toLowerCase()] as OpenAPIV3.OperationObject;
  const params: Record<string, unknown> = {};
  for (const raw of operation.parameters ?? []) {
    const p = raw as OpenAPIV3.ParameterObject;
    if (p.in === 'path' || p.in === 'query') params[p.name] = sampleFor(doc, p.schema);
  }
  const body = operation.requestBody as OpenAPIV3.RequestBodyObject | undefined;
  const schema = resolve(doc, body?.content['application/json']?.schema);
  for (const [name, prop] of Object.entries(schema?.properties ?? {})) params[name] = sampleFor(doc, prop);
  return params;
}

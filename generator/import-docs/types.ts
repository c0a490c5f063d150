/**
 * Parameter types: the page's spellings mapped to Swagger 2.0 query/path parameter types, and,
 * where Swagger 2 cannot say it (unions, maps, arrays of objects), an OpenAPI 3.0 schema for the
 * `x-schema` extension that the pipeline uses instead.
 */

export type JsonSchema = { readonly [key: string]: unknown };

/** The type fields of a Swagger 2.0 non-body parameter. */
export interface ParamType {
  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'array';
  readonly items?: { readonly type: 'string' | 'integer' | 'number' | 'boolean' };
  readonly xSchema?: JsonSchema;
}

type Scalar = 'string' | 'integer' | 'number' | 'boolean';

const SCALARS: Readonly<Record<string, Scalar>> = {
  int: 'integer',
  integer: 'integer',
  string: 'string',
  bool: 'boolean',
  boolean: 'boolean',
  number: 'number',
  float: 'number',
  double: 'number',
};

/** Array of strings: the HostBill swagger's rendering of anything structured (`array`, maps, objects). */
const STRING_ARRAY: ParamType = { type: 'array', items: { type: 'string' } };

function tokenSchema(token: string): JsonSchema | undefined {
  const scalar = SCALARS[token];
  if (scalar) return { type: scalar };
  if (token === 'array') return { type: 'array', items: { type: 'string' } };
  if (token === 'object') return { type: 'object' };
  const element = /^(\w+)\[\]$/.exec(token)?.[1];
  const elementType = element === undefined ? undefined : SCALARS[element];
  if (elementType) return { type: 'array', items: { type: elementType } };
  return undefined;
}

function tokenType(token: string): ParamType | undefined {
  const scalar = SCALARS[token];
  if (scalar) return { type: scalar };
  if (token === 'array') return STRING_ARRAY;
  const element = /^(\w+)\[\]$/.exec(token)?.[1];
  const elementType = element === undefined ? undefined : SCALARS[element];
  if (elementType) return { type: 'array', items: { type: elementType } };
  return undefined;
}

/**
 * `int` → integer, `string[]` → array of string, `string|int` → string plus
 * `x-schema: {oneOf: [string, integer]}`, `object` → array of string plus `x-schema: {type: object}`.
 * Returns `undefined` for a type the importer does not know.
 */
export function mapTableType(written: string): ParamType | undefined {
  const tokens = written.trim().toLowerCase().split('|').filter((t) => t !== '');
  if (tokens.length === 1) {
    const token = tokens[0] as string;
    if (token === 'object') return { ...STRING_ARRAY, xSchema: { type: 'object' } };
    return tokenType(token);
  }
  const schemas = tokens.map(tokenSchema);
  const nearest = tokenType(tokens[0] ?? '');
  if (nearest === undefined || schemas.some((s) => s === undefined)) return undefined;
  return { ...nearest, xSchema: { oneOf: schemas as JsonSchema[] } };
}

/** Schema of a sample value. Objects whose keys are all numeric ids are maps. */
export function sampleValueSchema(value: unknown): JsonSchema {
  if (value === null || value === undefined) return {};
  if (typeof value === 'boolean') return { type: 'boolean' };
  if (typeof value === 'number') return { type: Number.isInteger(value) ? 'integer' : 'number' };
  if (typeof value === 'string') return { type: 'string' };
  if (Array.isArray(value)) {
    return value.length === 0 ? { type: 'array', items: {} } : { type: 'array', items: mergeSchemas(value.map(sampleValueSchema)) };
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k))) {
    return { type: 'object', additionalProperties: mergeSchemas(entries.map(([, v]) => sampleValueSchema(v))) };
  }
  return { type: 'object', properties: Object.fromEntries(entries.map(([k, v]) => [k, sampleValueSchema(v)])) };
}

/**
 * A schema inferred from a sample *request* with its objects open (`additionalProperties: true`):
 * a sample shows the fields one caller sent, not every field the API takes (each item of a
 * multi-item order takes the parameters of the single-item order it stands for). Maps keep their
 * value schema.
 */
export function openObjects(schema: JsonSchema): JsonSchema {
  const out: Record<string, unknown> = { ...schema };
  if (out['properties'] !== undefined) {
    out['properties'] = Object.fromEntries(Object.entries(out['properties'] as Record<string, JsonSchema>).map(([k, v]) => [k, openObjects(v)]));
    if (out['additionalProperties'] === undefined) out['additionalProperties'] = true;
  }
  if (out['items'] !== undefined) out['items'] = openObjects(out['items'] as JsonSchema);
  if (typeof out['additionalProperties'] === 'object') out['additionalProperties'] = openObjects(out['additionalProperties'] as JsonSchema);
  if (Array.isArray(out['oneOf'])) out['oneOf'] = (out['oneOf'] as JsonSchema[]).map(openObjects);
  return out;
}

/**
 * One schema for several samples: identical ones collapse, objects with named properties merge
 * into one object with every property seen (first-seen order), anything else becomes `oneOf`.
 */
export function mergeSchemas(schemas: readonly JsonSchema[]): JsonSchema {
  const distinct: JsonSchema[] = [];
  for (const s of schemas) if (!distinct.some((d) => JSON.stringify(d) === JSON.stringify(s))) distinct.push(s);
  if (distinct.length === 1) return distinct[0] as JsonSchema;
  if (distinct.length > 1 && distinct.every((s) => s['type'] === 'object' && s['properties'] !== undefined)) {
    const properties: Record<string, JsonSchema[]> = {};
    for (const s of distinct) {
      for (const [k, v] of Object.entries(s['properties'] as Record<string, JsonSchema>)) (properties[k] ??= []).push(v);
    }
    return {
      type: 'object',
      properties: Object.fromEntries(Object.entries(properties).map(([k, list]) => [k, mergeSchemas(list)])),
    };
  }
  return { oneOf: distinct };
}

/** The nearest Swagger 2 parameter type for a schema, with the schema as `x-schema` when it says more. */
export function paramTypeForSchema(schema: JsonSchema): ParamType {
  const type = schema['type'];
  if (type === 'string' || type === 'integer' || type === 'number' || type === 'boolean') return { type };
  if (type === 'array') {
    const items = (schema['items'] ?? {}) as JsonSchema;
    const itemType = items['type'];
    if ((itemType === 'string' || itemType === 'integer' || itemType === 'number' || itemType === 'boolean') && Object.keys(items).length === 1) {
      return { type: 'array', items: { type: itemType } };
    }
    return { ...STRING_ARRAY, xSchema: schema };
  }
  if (type === 'object') return { ...STRING_ARRAY, xSchema: schema };
  return { type: 'string', xSchema: schema };
}

/** A JSON type name of a schema, for messages ("string", "array"). */
export function schemaKind(schema: JsonSchema): string {
  return typeof schema['type'] === 'string' ? (schema['type'] as string) : 'mixed';
}

import type { OpenAPIV3 } from 'openapi-types';

export type InferredSchema = OpenAPIV3.SchemaObject & { 'x-inferred-from-example'?: true };

export interface InferOptions {
  /** Levels below the root that get a schema; anything deeper is `{}`. Default 32. */
  readonly maxDepth?: number;
  /**
   * The example shows one object where the server may send a bare array of them (Time4VPS `GET /server`
   * documents one server; the server returns a list). The root then accepts `T | T[]`.
   */
  readonly mayBeList?: boolean;
}

export const INFERRED_DESCRIPTION = 'Inferred from the documented example.';

/**
 * An OpenAPI 3.0 schema for the value of a documented example response.
 *
 * The examples are hand-written and drift from what servers send (generator/docs/hostbill-api.md, "Examples versus
 * reality"), so every rule here widens rather than narrows:
 *   - A number, or a string that looks like a number ("26", "19.65", "-1", "1e3"), accepts both
 *     `number` and `string`: HostBill returns ids, amounts, ttl and priority either way.
 *   - A boolean accepts `boolean`, `string` and `number`: HostBill also answers "1"/"0", 1/0 and "true".
 *   - Any other string, "" included, is `{ type: string }`; never an enum, format or literal.
 *   - `null` is `{}` (no constraint); a null beside typed samples makes those types `nullable`.
 *   - An object is `type: object` with a property per key shown, `required` = the keys shown (so
 *     `client.email` stays `string`), and `additionalProperties: true` for keys the example omits.
 *   - An object whose keys are all numeric ids is a map: `additionalProperties: <merged values>`, no
 *     properties. Numeric keys beside named ones (`{"full": 1, "332": [...]}`) are ids too: they are
 *     left out of `properties`/`required`, and `additionalProperties: true` admits them.
 *   - An array's `items` is the merged schema of all its elements; an empty array has `items: {}`.
 *     Merging objects takes the union of their properties and the intersection of their keys as
 *     `required`.
 *   - Collections of objects (an array of objects, or a map of objects keyed by id) are typed
 *     `Item[] | { [id: string]: Item }`, because PHP serialises the same collection as a JSON array
 *     or as an object keyed by id depending on its keys: DNS zone `records` is documented as an array
 *     and returned keyed by record id. Arrays of scalars stay arrays.
 *   - Several kinds of sample for one position (a string here, an object there) give an `anyOf`.
 *   - In a DNS record (an object with a `type` beside `ttl`, `priority` or `content`), a field shown
 *     as an array of scalars also accepts a string: the only examples are SRV/MX-like records, whose
 *     `content` is split into parts, while an A or TXT record's `content` is one string.
 * Output is deterministic: properties follow the order in which keys first appear.
 */
export function inferSchema(value: unknown, options: InferOptions = {}): InferredSchema {
  const maxDepth = options.maxDepth ?? 32;
  let schema = fromSamples([value], 0, maxDepth);
  if (options.mayBeList && isPlainObject(value)) {
    schema = { anyOf: [schema, { type: 'array', items: structuredClone(schema) }] };
  }
  return { ...schema, description: INFERRED_DESCRIPTION, 'x-inferred-from-example': true };
}

type Schema = OpenAPIV3.SchemaObject;
type Primitive = 'boolean' | 'number' | 'string';

const NUMERIC_STRING = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ID_KEY = /^\d+$/;

/** The merged schema of every sample seen at one position. */
function fromSamples(samples: readonly unknown[], depth: number, maxDepth: number): Schema {
  if (depth > maxDepth) return {};
  let nullable = false;
  const primitives: Primitive[] = [];
  const arrays: unknown[][] = [];
  const objects: Record<string, unknown>[] = [];
  const order: ('primitive' | 'array' | 'object')[] = [];
  const see = (kind: (typeof order)[number]) => {
    if (!order.includes(kind)) order.push(kind);
  };
  const addTypes = (...types: Primitive[]) => {
    see('primitive');
    for (const t of types) if (!primitives.includes(t)) primitives.push(t);
  };
  for (const sample of samples) {
    if (sample === null || sample === undefined) nullable = true;
    else if (typeof sample === 'boolean') addTypes('boolean', 'string', 'number');
    else if (typeof sample === 'number') addTypes('number', 'string');
    else if (typeof sample === 'string') {
      if (NUMERIC_STRING.test(sample)) addTypes('string', 'number');
      else addTypes('string');
    } else if (Array.isArray(sample)) {
      see('array');
      arrays.push(sample);
    } else if (isPlainObject(sample)) {
      see('object');
      objects.push(sample);
    }
  }

  const branches: Schema[] = [];
  for (const kind of order) {
    if (kind === 'primitive') for (const type of primitives) branches.push({ type });
    else if (kind === 'array') branches.push(...flatten(arraySchema(arrays, depth, maxDepth)));
    else branches.push(...flatten(objectSchema(objects, depth, maxDepth)));
  }
  if (branches.length === 0) return {};
  if (nullable) for (const branch of branches) branch.nullable = true;
  return branches.length === 1 ? branches[0]! : { anyOf: branches };
}

function arraySchema(arrays: readonly unknown[][], depth: number, maxDepth: number): Schema {
  const elements = arrays.flat();
  if (elements.length === 0) return { type: 'array', items: {} };
  const items = fromSamples(elements, depth + 1, maxDepth);
  return isCollectionOfObjects(elements) && depth + 1 <= maxDepth ? collection(items) : { type: 'array', items };
}

function objectSchema(objects: readonly Record<string, unknown>[], depth: number, maxDepth: number): Schema {
  const keys: string[] = [];
  for (const object of objects) for (const key of Object.keys(object)) if (!keys.includes(key)) keys.push(key);
  if (keys.length === 0) return { type: 'object', additionalProperties: true };

  if (keys.every((key) => ID_KEY.test(key))) {
    const values = objects.flatMap((object) => Object.values(object));
    const item = fromSamples(values, depth + 1, maxDepth);
    return isCollectionOfObjects(values) && depth + 1 <= maxDepth
      ? collection(item)
      : { type: 'object', additionalProperties: item };
  }

  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const key of keys) {
    if (ID_KEY.test(key)) continue;
    const present = objects.filter((object) => Object.hasOwn(object, key));
    setOwn(properties, key, fromSamples(present.map((object) => object[key]), depth + 1, maxDepth));
    if (present.length === objects.length) required.push(key);
  }
  if (isDnsRecord(keys)) {
    for (const [key, schema] of Object.entries(properties)) {
      if (schema.type === 'array' && isScalar(schema.items)) setOwn(properties, key, { anyOf: [{ type: 'string' }, schema] });
    }
  }
  // OpenAPI 3.0 forbids an empty `required` array.
  return required.length > 0
    ? { type: 'object', properties, required, additionalProperties: true }
    : { type: 'object', properties, additionalProperties: true };
}

const DNS_RECORD_FIELDS = ['ttl', 'priority', 'content'];

/** The keys of a DNS record: `type` and at least one of `ttl`, `priority`, `content`. */
function isDnsRecord(keys: readonly string[]): boolean {
  return keys.includes('type') && DNS_RECORD_FIELDS.some((field) => keys.includes(field));
}

/** A schema of scalars only (an inferred one: no `$ref`s). */
function isScalar(schema: Schema | OpenAPIV3.ReferenceObject | undefined): boolean {
  if (schema === undefined || '$ref' in schema) return false;
  const types = schema.anyOf ? (schema.anyOf as Schema[]).map((s) => s.type) : [schema.type];
  return types.every((t) => t !== 'object' && t !== 'array');
}

/** `Item[] | { [id: string]: Item }`: see the rule on `inferSchema`. */
function collection(item: Schema): Schema {
  return {
    anyOf: [
      { type: 'array', items: item },
      { type: 'object', additionalProperties: structuredClone(item) },
    ],
  };
}

function isCollectionOfObjects(values: readonly unknown[]): boolean {
  const present = values.filter((v) => v !== null && v !== undefined);
  return present.length > 0 && present.every(isPlainObject);
}

/** A bare `anyOf` contributes its alternatives to the enclosing `anyOf`. */
function flatten(schema: Schema): Schema[] {
  return schema.anyOf && Object.keys(schema).length === 1 ? (schema.anyOf as Schema[]) : [schema];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Defines an own property, also for keys such as "__proto__" that plain assignment would treat specially. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

import { decodePointerToken, isObject, pointer } from '../../openapi/index.ts';
import { type NormalisePass } from '../pass.ts';

/**
 * TypeScript distributes an intersection over unions: `('a' | 'b') & (X | Y)` is a union of four
 * members. When the product of the members' union sizes reaches 100,000 (`checkCrossProductUnion`
 * in TypeScript 5.9's checker) it gives up with TS2590, "Expression produces a union type that is
 * too complex to represent", and the package does not compile (fuzzing: `allOf` of a 319-value
 * enum, a 3-member anyOf and an allOf holding a 323-value enum: about 930,000). An allOf keeps its members, in order, while the product stays
 * within this limit, a quarter of the checker's, so an estimate that counts a union low still fits.
 */
export const MAX_INTERSECTION_MEMBERS = 25_000;

const SCHEMA_PREFIX = '#/components/schemas/';
/** Keys whose values are data (examples, defaults, enum values, extensions), not schemas... */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const']);
/** ...unless they are names in a map of named things (a property called `default`, the `default` response). */
const NAMED_MAPS = new Set(['properties', 'patternProperties', 'schemas', '$defs', 'definitions', 'responses', 'parameters', 'headers', 'requestBodies', 'encoding', 'callbacks', 'links', 'pathItems', 'webhooks', 'securitySchemes']);
/** A product past this is as good as infinite for the limit, and keeps the arithmetic finite. */
const CAP = 1e12;

/**
 * How many union members openapi-typescript's type of `schema` has: an enum's values, the sum over
 * oneOf/anyOf members, the product over allOf members, one for `null`; references followed to
 * components/schemas (a reference back into a schema being measured counts one). `known` keeps
 * what was measured, by schema: a schema that many others reach (a chain of oneOfs each naming the
 * next twice) is measured once, not once per way of reaching it.
 */
export function unionSize(schema: unknown, schemas: Record<string, unknown>, known = new Map<object, number>()): number {
  return measure(schema, schemas, known, new Set());
}

function measure(schema: unknown, schemas: Record<string, unknown>, known: Map<object, number>, active: Set<object>): number {
  if (!isObject(schema) || active.has(schema)) return 1;
  const measured = known.get(schema);
  if (measured !== undefined) return measured;
  active.add(schema);
  try {
    const size = Math.min(Math.max(ownSize(schema, (member) => measure(member, schemas, known, active), schemas), 1), CAP);
    known.set(schema, size);
    return size;
  } finally {
    active.delete(schema);
  }
}

function ownSize(schema: Record<string, unknown>, sizeOf: (member: unknown) => number, schemas: Record<string, unknown>): number {
  if (typeof schema.$ref === 'string') {
    if (!schema.$ref.startsWith(SCHEMA_PREFIX)) return 1;
    const name = decodePointerToken(schema.$ref.slice(SCHEMA_PREFIX.length));
    return Object.hasOwn(schemas, name) ? sizeOf(schemas[name]) : 1;
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  let size: number;
  if (Array.isArray(schema.enum)) size = Math.max(1, new Set(schema.enum.map((v) => JSON.stringify(v))).size);
  else size = types.reduce((sum: number, type) => sum + (type === 'boolean' ? 2 : 1), 0);
  for (const keyword of ['oneOf', 'anyOf']) {
    const members = schema[keyword];
    if (Array.isArray(members) && members.length > 0) size *= Math.min(members.reduce((sum: number, m) => sum + sizeOf(m), 0), CAP);
  }
  if (Array.isArray(schema.allOf)) for (const member of schema.allOf) size = Math.min(size * sizeOf(member), CAP);
  if (schema.nullable === true) size += 1;
  return size;
}

/** A place in the document, as a chain to its parent: the walk materialises a path only for what it finds. */
interface Place {
  readonly parent?: Place;
  readonly key?: string | number;
}

function pathOf(place: Place): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Place | undefined = place; at?.key !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}

interface Found {
  readonly node: Record<string, unknown>;
  readonly place: Place;
}

/** Every schema object with an allOf, parents before their descendants (iterative: depth costs heap, not stack). */
function schemasWithAllOf(root: unknown): Found[] {
  const found: Found[] = [];
  const stack: { value: unknown; place: Place }[] = [{ value: root, place: {} }];
  while (stack.length > 0) {
    const { value, place } = stack.pop() as (typeof stack)[number];
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], place: { parent: place, key: i } });
      continue;
    }
    const node = value as Record<string, unknown>;
    if (Array.isArray(node.allOf)) found.push({ node, place });
    const namesSchemas = typeof place.key === 'string' && NAMED_MAPS.has(place.key);
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      if (!namesSchemas && (DATA_KEYS.has(key) || key.startsWith('x-'))) continue;
      stack.push({ value: node[key], place: { parent: place, key } });
    }
  }
  return found;
}

/**
 * An allOf whose TypeScript intersection would be too large a union to represent (TS2590) keeps the
 * members that fit, in order, and leaves the rest out: the type is wider than the document says, so
 * every value the document allows still type-checks; the warning names what was left out.
 */
export const oversizedIntersectionsPass: NormalisePass = {
  name: 'oversized-intersections',
  rule: `An allOf whose intersection would be a union of more than ${MAX_INTERSECTION_MEMBERS.toLocaleString('en-US')} members (more than TypeScript represents) keeps only the members that fit, in order.`,
  hostbillOnly: false,
  run(doc, ctx) {
    const schemas = isObject(doc.components?.schemas) ? (doc.components.schemas as Record<string, unknown>) : {};
    const known = new Map<object, number>();
    // Deepest first, so an outer allOf is measured with its inner ones already cut down.
    for (const { node, place } of schemasWithAllOf(doc).reverse()) {
      const members = node.allOf as unknown[];
      const { allOf: _, ...rest } = node;
      let product = unionSize(rest, schemas, known);
      if (members.reduce((p: number, m) => Math.min(p * unionSize(m, schemas, known), CAP), product) <= MAX_INTERSECTION_MEMBERS) continue;
      const kept: unknown[] = [];
      const dropped: number[] = [];
      for (const [index, member] of members.entries()) {
        const size = unionSize(member, schemas, known);
        // A member that is no union multiplies nothing: it stays, whatever the product already is.
        if (size === 1 || product * size <= MAX_INTERSECTION_MEMBERS) {
          kept.push(member);
          product *= size;
        } else dropped.push(index);
      }
      node.allOf = kept;
      // Every size measured through this node is now too large.
      known.clear();
      ctx.warn(
        `allOf would make TypeScript intersect unions into more than ${MAX_INTERSECTION_MEMBERS.toLocaleString('en-US')} members, which it cannot represent; ${dropped.map((index) => `allOf/${index}`).join(', ')} left out of the type, which is wider than the document says`,
        pointer(...pathOf(place), 'allOf'),
      );
    }
  },
};

import { decodePointerToken, isObject, pointer } from '../../openapi/index.ts';
import { type NormalisePass } from '../pass.ts';

const PREFIX = '#/components/schemas/';

/**
 * The `$ref` nodes a schema is made of directly: itself, members of allOf/oneOf/anyOf, and array
 * items (openapi-typescript writes `A[]`, which is as eager as `A` where components are typed), but
 * not properties or additionalProperties (object types, which TypeScript resolves lazily).
 */
function directRefs(node: unknown, out: Record<string, unknown>[] = [], depth = 0): Record<string, unknown>[] {
  if (!isObject(node) || depth > 64) return out;
  if (typeof node.$ref === 'string' && node.$ref.startsWith(PREFIX)) out.push(node);
  for (const keyword of ['allOf', 'oneOf', 'anyOf', 'prefixItems']) {
    const members = node[keyword];
    if (Array.isArray(members)) for (const member of members) directRefs(member, out, depth + 1);
  }
  if (isObject(node.items)) directRefs(node.items, out, depth + 1);
  return out;
}

/**
 * A schema defined only in terms of itself (`A: allOf [B, A]`, or `A: $ref B` with `B: $ref A`)
 * describes no value and has no TypeScript type: openapi-typescript would emit a type that refers
 * to itself, which does not compile. Such a reference, the one that closes the cycle, becomes an
 * empty schema (any value), with a warning. References through properties or
 * additionalProperties are ordinary recursive types and stay.
 */
export const selfReferencingSchemasPass: NormalisePass = {
  name: 'self-referencing-schemas',
  rule: 'A schema that is made of itself (through $ref, allOf, oneOf, anyOf, array items; not object properties) has that self-reference replaced by an empty schema.',
  hostbillOnly: false,
  run(doc, ctx) {
    const schemas = doc.components?.schemas;
    if (!isObject(schemas)) return;
    const names = Object.keys(schemas);
    const state = new Map<string, 'active' | 'done'>();
    const visit = (name: string): void => {
      state.set(name, 'active');
      for (const ref of directRefs(schemas[name])) {
        const target = decodePointerToken((ref.$ref as string).slice(PREFIX.length));
        if (!Object.hasOwn(schemas, target)) continue;
        if (state.get(target) === 'active') {
          ctx.warn(`schema ${name} is made of itself through ${ref.$ref as string}, so it describes no value; that reference now allows any value`, pointer('components', 'schemas', name));
          delete ref.$ref;
          for (const key of Object.keys(ref)) if (key !== 'description') delete ref[key];
        } else if (!state.has(target)) visit(target);
      }
      state.set(name, 'done');
    };
    for (const name of names) if (!state.has(name)) visit(name);
  },
};

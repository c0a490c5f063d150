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
    // Depth-first over the schemas, with an explicit stack: a $ref chain thousands of schemas long
    // would overflow the call stack of a recursive walk.
    const state = new Map<string, 'active' | 'done'>();
    const frames: { name: string; refs: Record<string, unknown>[]; next: number }[] = [];
    const enter = (name: string): void => {
      state.set(name, 'active');
      frames.push({ name, refs: directRefs(schemas[name]), next: 0 });
    };
    for (const root of Object.keys(schemas)) {
      if (state.has(root)) continue;
      enter(root);
      while (frames.length > 0) {
        const frame = frames[frames.length - 1] as (typeof frames)[number];
        const ref = frame.refs[frame.next++];
        if (ref === undefined) {
          state.set(frame.name, 'done');
          frames.pop();
          continue;
        }
        if (typeof ref.$ref !== 'string') continue;
        const target = decodePointerToken(ref.$ref.slice(PREFIX.length));
        if (!Object.hasOwn(schemas, target)) continue;
        if (state.get(target) === 'active') {
          ctx.warn(`schema ${frame.name} is made of itself through ${ref.$ref}, so it describes no value; that reference now allows any value`, pointer('components', 'schemas', frame.name));
          delete ref.$ref;
          for (const key of Object.keys(ref)) if (key !== 'description') delete ref[key];
        } else if (!state.has(target)) enter(target);
      }
    }
  },
};

import { isObject, pointer } from '../../openapi/index.ts';
import { type SourcePass } from '../pass.ts';

/** Members that are lists in every Swagger 2.0 and OpenAPI 3 object that has them. */
const LIST_KEYS = new Set(['parameters', 'tags', 'enum', 'required', 'schemes', 'consumes', 'produces', 'security', 'allOf', 'oneOf', 'anyOf', 'servers']);
/** Where a member of that name holds data or names, not the list the specification means. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'const', 'properties', 'definitions', 'schemas', 'responses', 'paths', 'securitySchemes', 'securityDefinitions']);

/** `{"0": a, "2": b}`: what PHP's json_encode writes for a list with a gap in its keys. */
function isIndexedObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => /^(0|[1-9]\d{0,8})$/.test(key));
}

/**
 * A list written as an object keyed by position (PHP's json_encode once an array has lost an entry)
 * becomes the list, in key order, with a warning; such a document was refused, and in HostBill
 * mode `parameters` written so gave a TypeError.
 */
export const indexedListsPass: SourcePass = {
  name: 'indexed-lists',
  rule: 'A list (parameters, tags, enum, required, …) written as an object keyed 0, 1, 2 … becomes that list, in key order.',
  hostbillOnly: false,
  appliesTo: ['swagger2', 'openapi3'],
  run(doc, ctx) {
    const stack: { node: Record<string, unknown>; at: (string | number)[]; inMap: boolean }[] = [{ node: doc as Record<string, unknown>, at: [], inMap: false }];
    let visited = 0;
    while (stack.length > 0 && ++visited < 5_000_000) {
      const { node, at, inMap } = stack.pop() as { node: Record<string, unknown>; at: (string | number)[]; inMap: boolean };
      for (const [key, value] of Object.entries(node)) {
        if (!inMap && LIST_KEYS.has(key) && isIndexedObject(value)) {
          const list = Object.entries(value).sort(([a], [b]) => Number(a) - Number(b)).map(([, item]) => item);
          node[key] = list;
          ctx.warn(`"${key}" is an object keyed by position (PHP's encoding of a list with a gap); read as a list of ${list.length}`, pointer(...at, key));
        }
        if (key.startsWith('x-') || (!inMap && (key === 'example' || key === 'examples' || key === 'default' || key === 'const'))) continue;
        const next = node[key];
        // The members of a map (properties, paths, …) are named by the document: a property called "tags" is no list.
        const map = !inMap && DATA_KEYS.has(key);
        if (Array.isArray(next)) next.forEach((v, i) => isObject(v) && stack.push({ node: v, at: [...at, key, i], inMap: false }));
        else if (isObject(next)) stack.push({ node: next, at: [...at, key], inMap: map });
      }
    }
  },
};

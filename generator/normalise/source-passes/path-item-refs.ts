import { decodePointerToken, isObject, MAX_REFERENCE_HOPS, pointer, resolvePointer } from '../../openapi/index.ts';
import { GeneratorError } from '../../errors.ts';
import { type PassContext, type SourcePass } from '../pass.ts';

/**
 * The path item a local `$ref` chain ends at, or undefined when the chain leaves the document (left
 * for the reference check to name). A cycle has no path item at its end: the place is named.
 */
function resolvePathItem(doc: unknown, start: Record<string, unknown>, at: string, ctx: PassContext, followed: Set<string>): Record<string, unknown> | undefined {
  let current: Record<string, unknown> = start;
  for (let hops = 0; typeof current.$ref === 'string'; hops++) {
    if (hops === MAX_REFERENCE_HOPS) throw new GeneratorError({ file: ctx.file, pointer: at }, `the path item's $ref chain does not end at a path item (a cycle of ${JSON.stringify(start.$ref)} references?)`);
    followed.add(canonical(current.$ref));
    const target = current.$ref.startsWith('#/') ? resolvePointer(doc, current.$ref) : undefined;
    if (!isObject(target)) return undefined;
    current = target;
  }
  return current;
}

/** A local `$ref` written the one way `pointer` writes it (`%20` and `~1` spellings of a token compare equal). */
function canonical(ref: string): string {
  return ref.startsWith('#/') ? `#${pointer(...ref.slice(2).split('/').map(decodePointerToken))}` : ref;
}

/** Every `$ref` of the document, canonical. */
function refsOf(doc: unknown): Set<string> {
  const refs = new Set<string>();
  const stack: unknown[] = [doc];
  for (let visited = 0; stack.length > 0 && visited < 5_000_000; visited++) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (isObject(node)) {
      if (typeof node.$ref === 'string') refs.add(canonical(node.$ref));
      for (const value of Object.values(node)) if (typeof value === 'object' && value !== null) stack.push(value);
    }
  }
  return refs;
}

/**
 * A path item may be a `$ref` to another (`/support/ip-address: { $ref: '#/paths/~1ip-address' }`
 * in SureVoIP's document, or `#/components/pathItems/X` in OpenAPI 3.1). The operation walkers read
 * a path item's methods as written, so such a path lost its operations; and the OpenAPI 3.1 schema
 * that validates the document (2021-04-15) has no `$ref` on a path item, so a 3.1 document using one
 * was refused. The path item becomes a copy of what it refers to, its own fields (a summary, a
 * description) kept over the copy's. A `components/pathItems` entry so copied that nothing refers to
 * any more is removed: openapi-typescript would type its operations a second time, under the same operationIds.
 */
export const pathItemRefsPass: SourcePass = {
  name: 'path-item-refs',
  rule: 'A path item that is a $ref to another path item becomes a copy of it (its own summary or description kept).',
  hostbillOnly: false,
  appliesTo: ['swagger2', 'openapi3'],
  run(doc, ctx) {
    if (!isObject(doc.paths)) return;
    const inlined: [string, Record<string, unknown>][] = [];
    const followed = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!isObject(item) || typeof item.$ref !== 'string') continue;
      const target = resolvePathItem(doc, item, pointer('paths', path), ctx, followed);
      if (target) inlined.push([path, target]);
    }
    // Each chain was followed to its end, so every copy is of a path item that is no reference itself.
    for (const [path, target] of inlined) {
      const item = doc.paths[path] as Record<string, unknown>;
      const { $ref, ...own } = item;
      doc.paths[path] = { ...structuredClone(target), ...own };
      ctx.record(`the path item's $ref ${JSON.stringify($ref)} was replaced by a copy of that path item`, pointer('paths', path));
    }
    const shared = isObject(doc.components) && isObject(doc.components.pathItems) ? doc.components.pathItems : undefined;
    if (!shared || inlined.length === 0) return;
    const stillReferenced = refsOf(doc);
    for (const name of Object.keys(shared)) {
      const ref = `#${pointer('components', 'pathItems', name)}`;
      if (!followed.has(ref) || stillReferenced.has(ref)) continue;
      delete shared[name];
      ctx.record(`components/pathItems/${name}, now copied where it was referenced, was removed`, pointer('components', 'pathItems', name));
    }
  },
};

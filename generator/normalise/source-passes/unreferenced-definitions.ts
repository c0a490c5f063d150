import { decodePointerToken, isObject, pointer } from '../../openapi/index.ts';
import { type SourcePass } from '../pass.ts';

function collectRefs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) collectRefs(v, into);
  else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') into.add(v);
      else collectRefs(v, into);
    }
  }
}

/**
 * HostBill exports one definition per tag, each a bag of that tag's parameters, referenced by
 * nothing. They are not models; emitting them would only add misleading types.
 */
export const unreferencedDefinitionsPass: SourcePass = {
  name: 'unreferenced-definitions',
  rule: 'Definitions that nothing references are removed (HostBill exports tag-named parameter bags that are not models).',
  hostbillOnly: true,
  appliesTo: ['swagger2'],
  run(doc, ctx) {
    if (!isObject(doc.definitions)) return;
    const definitions = doc.definitions;
    // Definitions may reference each other, so keep everything reachable from outside them.
    const reachable = new Set<string>();
    const outside = { ...doc, definitions: undefined };
    const queue: string[] = [];
    const seen = new Set<string>();
    collectRefs(outside, seen);
    queue.push(...seen);
    while (queue.length > 0) {
      const ref = queue.pop() as string;
      const m = /^#\/definitions\/(.+)$/.exec(ref);
      if (!m) continue;
      const name = decodePointerToken(m[1] as string);
      if (reachable.has(name)) continue;
      reachable.add(name);
      const inner = new Set<string>();
      collectRefs(definitions[name], inner);
      queue.push(...inner);
    }
    for (const name of Object.keys(definitions)) {
      if (reachable.has(name)) continue;
      delete definitions[name];
      ctx.record(`removed unreferenced definition ${JSON.stringify(name)}`, pointer('definitions', name));
    }
    if (Object.keys(definitions).length === 0) delete doc.definitions;
  },
};

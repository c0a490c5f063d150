import { PATH_ITEM_METHODS, decodePointerToken, isObject, pointer } from '../../openapi/index.ts';
import { type SourcePass } from '../pass.ts';

const TEMPLATE = /\{([^{}]+)\}/g;

/** A parameter as written or, when it is a local `$ref` (`#/parameters/x`, `#/components/parameters/x`), the one it points to. */
function resolveParameter(doc: Record<string, unknown>, value: unknown): Record<string, unknown> | undefined {
  let current = value;
  for (let depth = 0; depth < 16 && isObject(current) && typeof current.$ref === 'string'; depth++) {
    const ref = String(current.$ref);
    if (!ref.startsWith('#/')) return undefined;
    current = ref
      .slice(2)
      .split('/')
      .map(decodePointerToken)
      .reduce<unknown>((node, token) => (isObject(node) && Object.hasOwn(node, token) ? node[token] : undefined), doc);
  }
  return isObject(current) && typeof current.$ref !== 'string' ? current : undefined;
}

/**
 * Every `{name}` in a path is a declared path parameter, and every declared path parameter appears
 * in the path. A placeholder nobody declared becomes a required string parameter (the API pages
 * omit some); a path parameter the template lacks cannot be sent, so it is removed.
 */
export const pathParametersPass: SourcePass = {
  name: 'path-parameters',
  rule: 'Path templates and path parameters agree: undeclared placeholders become string parameters; parameters missing from the template are removed.',
  hostbillOnly: false,
  appliesTo: ['swagger2', 'openapi3'],
  run(doc, ctx) {
    const swagger2 = typeof doc.swagger === 'string';
    for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
      if (!isObject(item)) continue;
      const names = [...path.matchAll(TEMPLATE)].map((m) => m[1] as string);
      const shared = Array.isArray(item.parameters) ? item.parameters.map((p) => resolveParameter(doc, p)).filter(isObject) : [];
      for (const method of PATH_ITEM_METHODS) {
        const op = item[method];
        if (!isObject(op)) continue;
        const own = Array.isArray(op.parameters) ? op.parameters : [];
        const resolved = own.map((p) => resolveParameter(doc, p));
        const declared = new Set([...shared, ...resolved.filter(isObject)].filter((p) => p.in === 'path').map((p) => String(p.name)));
        const kept = own.filter((_, index) => {
          const p = resolved[index];
          if (isObject(p) && p.in === 'path' && !names.includes(String(p.name))) {
            ctx.warn(`path parameter ${JSON.stringify(p.name)} is not in the path template; removed`, pointer('paths', path, method, 'parameters', index));
            return false;
          }
          return true;
        });
        for (const name of names) {
          if (declared.has(name)) continue;
          kept.push(swagger2 ? { name, in: 'path', required: true, type: 'string' } : { name, in: 'path', required: true, schema: { type: 'string' } });
          ctx.record(`placeholder {${name}} had no parameter; added a required string path parameter`, pointer('paths', path, method));
        }
        if (kept.length > 0 || own.length > 0) op.parameters = kept;
      }
      if (shared.length > 0) {
        item.parameters = (item.parameters as unknown[]).filter((raw) => {
          const p = resolveParameter(doc, raw);
          return !(isObject(p) && p.in === 'path' && !names.includes(String(p.name)));
        });
      }
    }
  },
};

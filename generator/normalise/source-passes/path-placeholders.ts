import { isObject, pointer } from '../../openapi/index.ts';
import { type SourcePass } from '../pass.ts';

/**
 * HostBill writes path parameters as `@name`; OpenAPI needs `{name}`. Paths published without a
 * leading slash (seen in newer HostBill exports) get one. A key starting with `x-` is no path but a
 * specification extension of the Paths object (apicurio's `x-codegen-contextRoot`), kept as it is.
 */
export const pathPlaceholdersPass: SourcePass = {
  name: 'path-placeholders',
  rule: 'Path templates use {name}: "@name" segments become "{name}", and every path starts with "/".',
  hostbillOnly: false,
  appliesTo: ['swagger2', 'openapi3'],
  run(doc, ctx) {
    if (!isObject(doc.paths)) return;
    const renamed: Record<string, Record<string, unknown>> = {};
    let placeholders = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      if (path.startsWith('x-')) {
        renamed[path] = item;
        continue;
      }
      let next = path.trim().replace(/\u00a0/g, '');
      if (!next.startsWith('/')) next = `/${next}`;
      next = next.replace(/(^|\/)@([^/{}@]+)(?=\/|$)/g, (_m, slash: string, name: string) => {
        placeholders++;
        return `${slash}{${name}}`;
      });
      if (next !== path) ctx.record(`path ${JSON.stringify(path)} → ${JSON.stringify(next)}`, pointer('paths', path));
      if (Object.hasOwn(renamed, next)) {
        ctx.warn(`paths ${JSON.stringify(path)} and another path both normalise to ${JSON.stringify(next)}; their operations were merged`, pointer('paths', path));
        Object.assign(renamed[next] as object, item);
      } else renamed[next] = item;
    }
    doc.paths = renamed;
    // A HostBill User API export read as a generic document still gets a client, but not HostBill's rules.
    if (placeholders > 0 && !ctx.provider.hostbill) {
      ctx.warn(
        `the paths use HostBill's @name placeholders: this looks like a HostBill User API export; generate it with --hostbill (or add it with add-provider) so HostBill's conventions apply: query fields sent as a JSON body, Basic or JWT sign-in, the "error" envelope`,
        '/paths',
      );
    }
  },
};

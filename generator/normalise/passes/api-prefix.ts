import { GeneratorError } from '../../errors.ts';
import { pointer } from '../../openapi/index.ts';
import type { NormalisePass } from '../pass.ts';

/**
 * A HostBill document that writes its paths as `/api/service` names the same endpoints as the
 * others' `/service` under a base URL ending in `/api`: the prefix moves into the base URL (see
 * `config/hostbill-settings.ts`), so routes, and the method names made from them, match.
 */
export const apiPrefixPass: NormalisePass = {
  name: 'api-prefix',
  rule: 'The API prefix every path starts with (`/api`) moves into the base URL, so paths read as in the other HostBill documents.',
  hostbillOnly: true,
  run(doc, ctx) {
    const prefix = ctx.provider.hostbillApi?.apiPrefix ?? '';
    if (prefix === '' || !doc.paths) return;
    const paths: typeof doc.paths = {};
    let moved = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      const under = path === prefix || path.startsWith(`${prefix}/`);
      const route = under ? path.slice(prefix.length) || '/' : path;
      if (Object.hasOwn(paths, route)) {
        throw new GeneratorError({ file: ctx.file, pointer: pointer('paths', path) }, `without the API prefix ${prefix}, this path is ${route}, which the document also has`);
      }
      paths[route] = item;
      if (under) moved += 1;
    }
    doc.paths = paths;
    if (moved > 0) ctx.record(`${prefix} moved from ${moved} paths into the base URL (${ctx.provider.baseUrl})`, '/paths');
  },
};

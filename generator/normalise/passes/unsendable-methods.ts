import { listOperations, pointer } from '../../openapi/index.ts';
import type { NormalisePass } from '../pass.ts';

/**
 * The Fetch standard forbids the TRACE method (fetch throws a TypeError before sending), so no
 * client method could ever call a TRACE operation, and the runtime's methods do not include it.
 * The operation is taken out of the document the client is made from, and the report and the
 * terminal say so rather than dropping it silently. Runs after path-schema-refs, which has moved
 * anything other operations refer to inside it into components.
 */
export const unsendableMethodsPass: NormalisePass = {
  name: 'unsendable-methods',
  rule: 'A TRACE operation is left out of the client: fetch refuses to send the TRACE method.',
  hostbillOnly: false,
  run(doc, ctx) {
    for (const { path, method, pathItem } of listOperations(doc)) {
      if (method !== 'trace') continue;
      delete (pathItem as Record<string, unknown>)[method];
      ctx.warn(`TRACE ${path} is left out of the client: fetch refuses to send the TRACE method`, pointer('paths', path, method));
    }
  },
};

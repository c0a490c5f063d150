import { effectiveParameters, listOperations, pointer } from '../../openapi/index.ts';
import type { NormalisePass } from '../pass.ts';

/**
 * A method's params carry path, query and header parameters and the body; the client sends no
 * Cookie header of its own (in a browser fetch may not set one at all). An operation that takes a
 * cookie parameter therefore gets a warning, in the terminal and the report, saying how to send it,
 * instead of leaving it out without a word. The document is left as it is.
 */
export const cookieParametersPass: NormalisePass = {
  name: 'cookie-parameters',
  rule: "A cookie parameter is not part of its method's params: the call or the client passes it as a Cookie header.",
  hostbillOnly: false,
  run(doc, ctx) {
    for (const ref of listOperations(doc)) {
      const cookies = effectiveParameters(doc, ref).filter((p) => p.in === 'cookie').map((p) => JSON.stringify(p.name));
      if (cookies.length === 0) continue;
      const which = cookies.length === 1 ? `the cookie parameter ${cookies[0]}` : `the cookie parameters ${cookies.join(', ')}`;
      ctx.warn(`${ref.method.toUpperCase()} ${ref.path} takes ${which}, which its method does not send: pass a Cookie header in the call's or the client's headers`, pointer('paths', ref.path, ref.method));
    }
  },
};

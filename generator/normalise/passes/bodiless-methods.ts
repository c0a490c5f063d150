import { listOperations, pointer } from '../../openapi/index.ts';
import type { NormalisePass } from '../pass.ts';

/**
 * fetch refuses a body on GET and HEAD, so the client cannot send one an operation declares there.
 * The document keeps it (it is what the API says), the client's params leave it out, and the report
 * and the terminal say so rather than dropping it silently.
 */
export const bodilessMethodsPass: NormalisePass = {
  name: 'bodiless-methods',
  rule: 'A GET or HEAD operation that declares a request body keeps it in the document, but the client sends none: fetch cannot send a body with these methods.',
  hostbillOnly: false,
  run(doc, ctx) {
    for (const { path, method, operation } of listOperations(doc)) {
      if ((method !== 'get' && method !== 'head') || operation.requestBody === undefined) continue;
      ctx.warn(`${method.toUpperCase()} ${path} declares a request body, which fetch cannot send: the client sends none and its params leave the body out`, pointer('paths', path, method, 'requestBody'));
    }
  },
};

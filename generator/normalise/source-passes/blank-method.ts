import { PATH_ITEM_METHODS, isObject, pointer } from '../../openapi/index.ts';
import { type SourcePass } from '../pass.ts';

const BODY_IN = new Set(['body', 'formData']);

/**
 * A path item key that is not an HTTP method but holds an operation (HostBill exported one with
 * the key "") is kept, never dropped. Rule: it becomes GET when the path has no GET and the
 * operation sends no body; otherwise POST when free. An overlay can still correct the result.
 */
export const blankMethodPass: SourcePass = {
  name: 'blank-method',
  rule: 'An operation under a blank or unknown method key becomes GET (no body, GET free) or else POST; it is never dropped.',
  hostbillOnly: false,
  appliesTo: ['swagger2', 'openapi3'],
  run(doc, ctx) {
    if (!isObject(doc.paths)) return;
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!isObject(item)) continue;
      for (const key of Object.keys(item)) {
        const op = item[key];
        const known = (PATH_ITEM_METHODS as readonly string[]).includes(key) || key === 'parameters' || key === 'servers' || key.startsWith('x-') || key === 'summary' || key === 'description' || key === '$ref';
        if (known || !isObject(op) || !('responses' in op || 'operationId' in op || 'summary' in op)) continue;
        const lower = key.trim().toLowerCase();
        const params = Array.isArray(op.parameters) ? op.parameters : [];
        const sendsBody = 'requestBody' in op || params.some((p) => isObject(p) && BODY_IN.has(String(p.in)));
        let method: string | undefined;
        if ((PATH_ITEM_METHODS as readonly string[]).includes(lower) && !(lower in item)) method = lower;
        else if (!sendsBody && !('get' in item)) method = 'get';
        else if (!('post' in item)) method = 'post';
        if (!method) {
          ctx.warn(`operation under method key ${JSON.stringify(key)} could not be placed: GET and POST are both taken; it was left out`, pointer('paths', path, key));
          delete item[key];
          continue;
        }
        item[method] = op;
        delete item[key];
        ctx.record(`operation under method key ${JSON.stringify(key)} on ${path} became ${method.toUpperCase()}`, pointer('paths', path, key));
      }
    }
  },
};

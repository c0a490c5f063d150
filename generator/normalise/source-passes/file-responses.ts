import { PATH_ITEM_METHODS, isObject, pointer } from '../../openapi/index.ts';
import { type SourcePass } from '../pass.ts';

const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json\b|^\*\/\*$/i;

/**
 * Swagger 2.0 has no response content unless a schema is given, so an operation that produces only
 * non-JSON types (a certificate, a PDF) would lose that fact in conversion. Such a 2xx response
 * without a schema gets `type: file`, which converts to a binary body.
 */
export const fileResponsesPass: SourcePass = {
  name: 'file-responses',
  rule: 'An operation that produces only non-JSON media types returns a file (binary) body.',
  hostbillOnly: false,
  appliesTo: ['swagger2'],
  run(doc, ctx) {
    const globalProduces = Array.isArray(doc.produces) ? (doc.produces as string[]) : [];
    for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
      if (!isObject(item)) continue;
      for (const method of PATH_ITEM_METHODS) {
        const op = item[method];
        if (!isObject(op) || !isObject(op.responses)) continue;
        const produces = Array.isArray(op.produces) ? (op.produces as string[]) : globalProduces;
        if (produces.length === 0 || produces.some((t) => JSON_TYPE.test(t))) continue;
        for (const [code, response] of Object.entries(op.responses)) {
          if (!/^2\d\d$/.test(code) || !isObject(response) || response.schema !== undefined) continue;
          response.schema = { type: 'file' };
          ctx.record(`response ${code} is a file (${produces.join(', ')})`, pointer('paths', path, method, 'responses', code));
        }
      }
    }
  },
};

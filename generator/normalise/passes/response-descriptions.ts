import { STATUS_CODES } from 'node:http';
import { isObject, listOperations, pointer } from '../../openapi/index.ts';
import type { NormalisePass } from '../pass.ts';

/** `404` → `Not Found`; a range or `default` gets a plain word. */
function describeStatus(code: string): string {
  return STATUS_CODES[code] ?? (code === 'default' ? 'Default response' : `${code} response`);
}

/**
 * OpenAPI requires a description on every response and a `responses` object with at least one response on every operation;
 * documents often leave them out, and the peers read them anyway. The missing description becomes the
 * status text, the missing `responses` a bare `default` (an untyped answer), each reported as a warning.
 */
export const responseDescriptionsPass: NormalisePass = {
  name: 'response-descriptions',
  rule: 'A response without a description gets its status text (404 → "Not Found"); an operation without responses (or with an empty responses object) gets a default response with no content.',
  hostbillOnly: false,
  run(doc, ctx) {
    const fill = (responses: Record<string, unknown>, at: (string | number)[]): void => {
      for (const [code, response] of Object.entries(responses)) {
        if (!isObject(response) || '$ref' in response || typeof response.description === 'string') continue;
        response.description = describeStatus(code);
        ctx.warn(`response ${code} has no description; "${response.description}" stands in`, pointer(...at, code, 'description'));
      }
    };
    for (const { path, method, operation } of listOperations(doc)) {
      const at = ['paths', path, method, 'responses'];
      if (!isObject(operation.responses) || Object.keys(operation.responses).length === 0) {
        (operation as { responses: unknown }).responses = { default: { description: describeStatus('default') } };
        ctx.warn('the operation declares no responses; its answer is untyped', pointer(...at));
        continue;
      }
      fill(operation.responses as Record<string, unknown>, at);
    }
    const shared = doc.components?.responses;
    if (isObject(shared)) fill(shared as Record<string, unknown>, ['components', 'responses']);
  },
};

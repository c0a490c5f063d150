import { authenticatedItemOf, isObject, listOperations, pointer, SAMPLE_WITHOUT_AUTH } from '../../openapi/index.ts';
import type { NormalisePass } from '../pass.ts';

/**
 * An operation documented without auth (`security: []`, which API pages get from a curl sample
 * without credentials) is still sent without them, but where it acts on an item that authenticated
 * operations act on (`/domain/{id}/…`) that is a guess the user must see: a warning names it. An
 * operation the page import kept authenticated for that reason is named too.
 */
export const ownedItemAuthPass: NormalisePass = {
  name: 'owned-item-auth',
  rule: 'An operation without auth that acts on an item other operations need credentials for is reported; so is one sent with credentials its sample does not show.',
  hostbillOnly: true,
  run(doc, ctx) {
    // Security that is no list of requirement objects is left for validation to name.
    const readable = (security: unknown) => security === undefined || (Array.isArray(security) && security.every(isObject));
    if (!readable(doc.security)) return;
    const operations = listOperations(doc).filter(({ operation }) => readable(operation.security));
    const open = (security: readonly object[] | undefined) => (security ?? doc.security ?? []).every((r) => Object.keys(r).length === 0);
    const authenticated = operations.filter(({ operation }) => !open(operation.security)).map(({ path }) => path);
    for (const { path, method, operation } of operations) {
      const item = authenticatedItemOf(path, authenticated);
      if (item === undefined) continue;
      const route = `${method.toUpperCase()} ${path}`;
      if (open(operation.security)) {
        ctx.warn(`${route} is sent without credentials (security: []), but it acts on ${item}, whose other operations need them; if it needs them too, remove its security in the overlay`, pointer('paths', path, method, 'security'));
      } else if ((operation as Record<string, unknown>)[SAMPLE_WITHOUT_AUTH] === true) {
        ctx.warn(`${route}: the API page's sample shows no credentials, but it acts on ${item}, whose other operations need them; sent with the provider's credentials`, pointer('paths', path, method));
      }
    }
  },
};

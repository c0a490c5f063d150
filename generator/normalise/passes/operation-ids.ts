import { GeneratorError } from '../../errors.ts';
import { safeOperationId } from '../../model/identifiers.ts';
import { routeMethodName } from '../../model/route-names.ts';
import { pointer, type NormalisePass } from '../pass.ts';
import { listOperations } from './operations.ts';

/**
 * operationIds become valid, unique identifiers (kept as written when they already are), because they key the `operations` table
 * and name the generated types. A missing id is derived from the route. Two ids that clean up to
 * the same identifier are both kept: the later one gets the route-derived name (or a number).
 * An id used twice as written is invalid OpenAPI: generic documents fail on it, naming both
 * operations; HostBill exports (which we must take as published) get the renaming instead.
 */
export const operationIdsPass: NormalisePass = {
  name: 'operation-ids',
  rule: 'operationIds are valid identifiers (camelCase when they had to be changed), unique in the document; missing ones are derived from method and path.',
  hostbillOnly: false,
  run(doc, ctx) {
    const taken = new Set<string>();
    const seen = new Map<string, string>();
    for (const { path, method, operation } of listOperations(doc)) {
      const at = pointer('paths', path, method, 'operationId');
      const original = operation.operationId;
      if (typeof original === 'string') {
        const first = seen.get(original);
        if (first !== undefined && !ctx.provider.hostbill) {
          throw new GeneratorError(
            { file: ctx.file, pointer: at },
            `operationId ${JSON.stringify(original)} is also used at #${first}: two operations would get the same method name`,
          );
        }
        seen.set(original, at);
      }
      let id = typeof original === 'string' && original.trim() !== '' ? safeOperationId(original) : routeMethodName(method, path);
      if (taken.has(id)) {
        const routeName = routeMethodName(method, path, true);
        let candidate = taken.has(routeName) ? id : routeName;
        for (let n = 2; taken.has(candidate); n++) candidate = `${id}${n}`;
        ctx.warn(`operationId ${JSON.stringify(original ?? id)} collides with another operation; renamed to ${candidate}`, at);
        id = candidate;
      }
      taken.add(id);
      if (id !== original) {
        ctx.record(original === undefined ? `added operationId ${id}` : `operationId ${JSON.stringify(original)} → ${id}`, at);
        operation.operationId = id;
      }
    }
  },
};

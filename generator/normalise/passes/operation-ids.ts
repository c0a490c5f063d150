import { formatPlace, GeneratorError, UsageError } from '../../errors.ts';
import { nameOperations, PIN_GROUP, PIN_METHOD, pinOf, type OperationNames } from '../../naming/index.ts';
import { listOperations, pointer } from '../../openapi/index.ts';
import type { NormalisePass } from '../pass.ts';

/**
 * Every operation gets its one name: the naming module decides group, method and key, and the key
 * becomes the operationId, because it keys the `operations` table and openapi-typescript's
 * `operations` interface and names the generated types. An id used twice as written is invalid
 * OpenAPI: in generic documents it is reported as a warning naming both operations, and the second one
 * is renamed like any other colliding name; HostBill documents' names come from routes.
 *
 * Pins (`x-clientgen-name`, `x-clientgen-group`) win over every rule; a pin the generator cannot use is
 * the user's to fix (exit 2). The operations of the previous package keep its names. A pinned
 * operation gets both extensions written out, so the model reads back the name decided here.
 */
export const operationIdsPass: NormalisePass = {
  name: 'operation-ids',
  rule: 'Each operationId is the operation\'s one name: its method name (from the route in HostBill documents, from the operationId made a camelCase identifier otherwise), prefixed with its group where another group has the same method name.',
  hostbillOnly: false,
  run(doc, ctx) {
    const operations = listOperations(doc).map(({ path, method, operation }) => ({ path, method, operation, pointer: pointer('paths', path, method) }));
    if (!ctx.provider.hostbill) {
      const seen = new Map<string, string>();
      for (const { operation, pointer: at } of operations) {
        const written = operation.operationId;
        if (typeof written !== 'string') continue;
        const first = seen.get(written);
        // Invalid OpenAPI, but the peers generate it: the second operation is renamed by the collision policy below.
        if (first !== undefined) ctx.warn(`operationId ${JSON.stringify(written)} is also used at #${first}/operationId (operationIds must be unique)`, `${at}/operationId`);
        else seen.set(written, at);
      }
    }
    const plan = nameOperations(
      operations.map(({ path, method, operation, pointer: at }) => ({ pointer: at, path, method, tag: typeof operation.tags?.[0] === 'string' ? operation.tags[0] : undefined, operationId: operation.operationId, pin: pinOf(operation) })),
      { hostbill: ctx.provider.hostbill, previous: ctx.previousNames },
    );
    const problem = plan.problems[0];
    if (problem) throw new UsageError(`${formatPlace({ file: ctx.file, pointer: problem.pointer })}: ${problem.message} (set in the document or its overlay)`);
    const clash = plan.clashes[0];
    if (clash) {
      throw new GeneratorError({ file: ctx.file, pointer: clash.pointer }, `two operations would get the method name ${clash.name}: this one and #${clash.other}`);
    }
    for (const change of plan.renamed) ctx.warn(change.message, `${change.pointer}/operationId`);
    for (const change of plan.kept) ctx.record(change.message, `${change.pointer}/operationId`);
    for (const { operation, pointer: at } of operations) {
      const { key, group, method } = plan.names.get(at) as OperationNames;
      const pin = pinOf(operation);
      if (pin && (pin.group !== group || pin.method !== method)) {
        Object.assign(operation, { [PIN_GROUP]: group, [PIN_METHOD]: method });
        ctx.record(`pinned name completed: ${group}.${method}`, at);
      }
      const written = operation.operationId;
      if (key === written) continue;
      ctx.record(written === undefined ? `added operationId ${key}` : `operationId ${JSON.stringify(written)} → ${key}`, `${at}/operationId`);
      operation.operationId = key;
    }
  },
};


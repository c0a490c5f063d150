import { GeneratorError } from '../../errors.ts';
import { nameOperations } from '../../naming/index.ts';
import { listOperations, pointer } from '../../openapi/index.ts';
import type { NormalisePass } from '../pass.ts';

/**
 * Every operation gets its one name: the naming module decides group, method and key, and the key
 * becomes the operationId, because it keys the `operations` table and openapi-typescript's
 * `operations` interface and names the generated types. An id used twice as written is invalid
 * OpenAPI: in generic documents it is reported as a warning naming both operations, and the second one
 * is renamed like any other colliding name; HostBill documents' names come from routes.
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
      operations.map(({ path, method, operation, pointer: at }) => ({ pointer: at, path, method, tag: operation.tags?.[0], operationId: operation.operationId })),
      { hostbill: ctx.provider.hostbill },
    );
    const clash = plan.clashes[0];
    if (clash) {
      throw new GeneratorError({ file: ctx.file, pointer: clash.pointer }, `two operations would get the method name ${clash.name}: this one and #${clash.other}`);
    }
    for (const change of plan.renamed) ctx.warn(change.message, `${change.pointer}/operationId`);
    for (const { operation, pointer: at } of operations) {
      const key = (plan.names.get(at) as { key: string }).key;
      const written = operation.operationId;
      if (key === written) continue;
      ctx.record(written === undefined ? `added operationId ${key}` : `operationId ${JSON.stringify(written)} → ${key}`, `${at}/operationId`);
      operation.operationId = key;
    }
  },
};

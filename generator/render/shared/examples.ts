import type { OperationModel } from '../../model/operation-model.ts';
import { propertyAccess, propertyKey, stringLiteral } from './escape.ts';

/** Sample calls of operations, for the README (and any doc that shows a call); each compiles. */

function sampleLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sampleLiteral).join(', ')}]`;
  return typeof value === 'string' ? stringLiteral(value) : String(value);
}

/** `{ service_id: 1, zone_id: 1 }`: the operation's required parameters with sample values, or ''. */
export function requiredArgs(op: OperationModel): string {
  const args = op.requiredParams.map((p) => `${propertyKey(p.name)}: ${sampleLiteral(p.sample)}`);
  return args.length > 0 ? `{ ${args.join(', ')} }` : '';
}

export interface CallOptions {
  /** The variable holding the client (default `client`). */
  readonly receiver?: string;
  /** Source text of the per-call options argument. */
  readonly options?: string;
  /** Wrap as `const { data, response } = await ….withResponse()`. */
  readonly raw?: boolean;
}

/** A compiling call of the operation with its required parameters filled with sample values. */
export function exampleCall(op: OperationModel, call: CallOptions = {}): string {
  const params = requiredArgs(op) || (call.options ? '{}' : '');
  const argList = call.options ? `${params}, ${call.options}` : params;
  const expression = `${call.receiver ?? 'client'}.${op.group}.${op.name}(${argList})`;
  if (call.raw) return `const { data, response } = await ${expression}.withResponse();`;
  return `const ${op.response === 'binary' ? 'file' : 'result'} = await ${expression};`;
}

/**
 * A line that reads a typed field of `exampleCall`'s `result`: the first collection field through
 * `toList` (HostBill sends collections as arrays or keyed objects), else the first field; '' when
 * the answer documents none.
 */
export function readResult(op: OperationModel, variable = 'result'): string {
  const fields = op.response === 'json' ? (op.responseFields ?? []) : [];
  const collection = fields.find((f) => f.collection);
  if (collection) return `for (const item of toList(${propertyAccess(variable, collection.name)})) console.log(item);`;
  const first = fields[0];
  return first ? `console.log(${propertyAccess(variable, first.name)});` : '';
}

/** `getZone({ service_id, zone_id })`: the method with the names of its required parameters, for tables. */
export function callShape(op: OperationModel): string {
  const names = op.requiredParams.map((p) => (propertyKey(p.name) === p.name ? p.name : `${propertyKey(p.name)}: …`));
  return `${op.name}(${names.length > 0 ? `{ ${names.join(', ')} }` : ''})`;
}

/** A loop over every page of a paged operation, reading each page's typed field. */
export function pagesCall(op: OperationModel): string {
  const read = readResult(op, 'page');
  return `for await (const page of client.${op.group}.${op.name}.paginate(${requiredArgs(op)})) {\n  ${read || 'console.log(page);'}\n}`;
}

import type { OperationModel } from '../../model/operation-model.ts';
import { propertyKey, stringLiteral } from './escape.ts';

/** Sample calls of operations, for the README (and any doc that shows a call); each compiles. */

function sampleLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sampleLiteral).join(', ')}]`;
  return typeof value === 'string' ? stringLiteral(value) : String(value);
}

/** `{ service_id: 1, zone_id: 1 }`: the operation's required parameters with sample values, or ''. */
function requiredArgs(op: OperationModel): string {
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

/** A loop over every page of a paged operation. */
export function pagesCall(op: OperationModel): string {
  return `for await (const page of client.${op.group}.${op.name}Pages(${requiredArgs(op)})) console.log(page);`;
}

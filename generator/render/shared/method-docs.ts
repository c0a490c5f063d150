/**
 * The JSDoc of a generated method and group property: what the document says, the route, a call
 * that compiles (`@example`, checked by test/generate/readme-examples.test.ts) and the errors it
 * rejects with (`@throws`, the runtime's classes in templates/runtime/errors.ts). Spec text goes
 * through `escape.ts` (via `jsDocText` / `escapeJsDoc`) like everywhere else.
 */
import type { GroupModel, OperationModel } from '../../model/operation-model.ts';
import { jsDocText } from './doc-comments.ts';
import { escapeJsDoc } from './escape.ts';
import { exampleCall, readResult } from './examples.ts';

/** How a call fails, by the runtime's error classes (the HostBill envelope and throttle where they apply). */
function throwsTags(hostbill: boolean): string[] {
  const refusals = hostbill ? '(`NotFoundError`, `AuthenticationError`, … by status; an `error` envelope on a 2xx answer; `ThrottleError` for HostBill\'s throttle)' : '(`NotFoundError`, `AuthenticationError`, … by status)';
  return [
    `@throws {ApiError} The API refused the call ${refusals}.`,
    '@throws {ApiTimeoutError} No answer within `timeout`.',
    '@throws {ApiAbortError} `signal` aborted the call.',
    '@throws {ApiConnectionError} The API could not be reached.',
  ];
}

/** The `@example` of `op`: a call with its required parameters, and a line reading a typed field. */
function exampleTag(op: OperationModel): string {
  const lines = [exampleCall(op), readResult(op)].filter((l) => l !== '');
  return `@example\n${escapeJsDoc(lines.join('\n'))}`;
}

/** The docs of the method sending `op`: summary, description, route, example and errors. */
export function methodDocs(op: OperationModel, hostbill: boolean): string {
  return [jsDocText(op.summary, op.description, `${op.method} ${op.path}`), exampleTag(op), ...throwsTags(hostbill), ...(op.deprecated ? ['@deprecated'] : [])].join('\n');
}

/** The docs of a group property: its title and description, and the methods it holds. */
export function groupDocs(group: GroupModel): string {
  const names = group.operations.map((op) => `\`${op.name}\``);
  const shown = names.length > 6 ? `${names.slice(0, 6).join(', ')} and ${names.length - 6} more` : names.join(', ');
  const methods = `${group.operations.length === 1 ? 'One method' : `${group.operations.length} methods`}: ${shown}.`;
  return jsDocText(group.title, group.description, methods);
}

import type { OperationModel } from '../../model/operation-model.ts';
import { stringLiteral } from './escape.ts';

/**
 * The TypeScript types of an operation's parameters and success body, as indexed-access types into
 * openapi-typescript's `operations` interface (in `schema.ts`, which the types module imports as
 * `operations`).
 */
const opType = (op: OperationModel): string => `operations[${stringLiteral(op.operationId)}]`;

export const paramsTypeName = (op: OperationModel): string => `${op.typeStem}Params`;
export const responseTypeName = (op: OperationModel): string => `${op.typeStem}Response`;

export function paramsType(op: OperationModel): string {
  const parts: string[] = [];
  if (op.hasPath) parts.push(`${opType(op)}["parameters"]["path"]`);
  if (op.hasQuery) parts.push(`NonNullable<${opType(op)}["parameters"]["query"]>`);
  const body = `NonNullable<${opType(op)}["requestBody"]>["content"][${stringLiteral(op.bodyMediaType ?? 'application/json')}]`;
  if (op.body === 'fields' && op.bodyMediaType && op.bodyParams.length > 0) parts.push(body);
  if (op.body === 'whole') parts.push(op.bodyMediaType ? `{ body${op.bodyRequired ? '' : '?'}: ${body} }` : `{ body${op.bodyRequired ? '' : '?'}: unknown }`);
  return parts.length > 0 ? parts.join(' & ') : 'Record<string, never>';
}

export function responseType(op: OperationModel): string {
  if (op.response === 'binary') return 'Blob';
  if (!op.hasResponseSchema || !op.successStatus || !op.responseMediaType) return 'unknown';
  return `${opType(op)}["responses"][${stringLiteral(op.successStatus)}]["content"][${stringLiteral(op.responseMediaType)}]`;
}

/** Whether a call may leave out the params object: nothing in it is required. */
export const paramsOptional = (op: OperationModel): boolean => !op.hasPath && !op.queryRequired && !op.bodyRequired;

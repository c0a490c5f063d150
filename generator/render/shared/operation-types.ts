import { mediaKind } from '../../../templates/runtime/contracts.ts';
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

const bodyContent = (op: OperationModel, mediaType: string): string => `NonNullable<${opType(op)}["requestBody"]>["content"][${stringLiteral(mediaType)}]`;

/** What a whole body may be in `mediaType`: text and XML go as a string, binary as any bytes fetch sends. */
function wholeBodyType(op: OperationModel, mediaType: string): string {
  const kind = mediaKind(mediaType);
  if (kind === 'text') return 'string';
  if (kind === 'binary') return 'Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | string';
  return bodyContent(op, mediaType);
}

export function paramsType(op: OperationModel): string {
  const parts: string[] = [];
  if (op.hasPath) parts.push(`${opType(op)}["parameters"]["path"]`);
  if (op.hasQuery) parts.push(`NonNullable<${opType(op)}["parameters"]["query"]>`);
  if (op.body === 'fields' && op.bodyMediaType && op.bodyParams.length > 0) parts.push(bodyContent(op, op.bodyMediaType));
  if (op.body === 'whole') {
    const types = [...new Set((op.contentTypes ?? []).map((type) => wholeBodyType(op, type)))];
    parts.push(`{ body${op.bodyRequired ? '' : '?'}: ${types.length > 0 ? types.join(' | ') : 'unknown'} }`);
  }
  return parts.length > 0 ? parts.join(' & ') : 'Record<string, never>';
}

/** `RequestOptions<'application/json' | 'application/xml'>` for a body declared in several media types: the call may choose one. */
export function requestOptionsType(op: OperationModel): string {
  const types = op.contentTypes ?? [];
  return types.length > 1 ? `RequestOptions<${types.map((type) => stringLiteral(type)).join(' | ')}>` : 'RequestOptions';
}

export function responseType(op: OperationModel): string {
  if (op.response === 'binary') return 'Blob';
  if (!op.hasResponseSchema || !op.successStatus || !op.responseMediaType) return 'unknown';
  return `${opType(op)}["responses"][${stringLiteral(op.successStatus)}]["content"][${stringLiteral(op.responseMediaType)}]`;
}

/** Whether a call may leave out the params object: nothing in it is required. */
export const paramsOptional = (op: OperationModel): boolean => !op.hasPath && !op.queryRequired && !op.bodyRequired;

import { mediaKind } from '../../../templates/runtime/contracts.ts';
import type { ClientModel, OperationModel } from '../../model/operation-model.ts';
import { propertyKey, stringLiteral } from './escape.ts';

/**
 * The TypeScript types of an operation: its parameters, its success body and its error bodies. Bodies
 * are named types (a component schema's alias, or `<Stem>Body`/`<Stem>Result` over openapi-typescript's
 * `operations` interface in `schema.ts`); parameters of HostBill providers are `Lenient`.
 */
const opType = (op: OperationModel): string => `operations[${stringLiteral(op.operationId)}]`;

export const paramsTypeName = (op: OperationModel): string => `${op.typeStem}Params`;
export const responseTypeName = (op: OperationModel): string => `${op.typeStem}Response`;
export const errorsTypeName = (op: OperationModel): string => `${op.typeStem}Errors`;
/** The request body's own name, where it is no component schema. */
export const bodyTypeName = (op: OperationModel): string => `${op.typeStem}Body`;

/** Component schema name → exported alias. */
export type SchemaAliases = ReadonlyMap<string, string>;

export const schemaAliases = (model: ClientModel): SchemaAliases => new Map(model.schemaTypes.map((s) => [s.name, s.alias]));

const bodyContent = (op: OperationModel, mediaType: string): string => `NonNullable<${opType(op)}["requestBody"]>["content"][${stringLiteral(mediaType)}]`;

/** Text and bytes are one value of a fixed type; JSON, multipart and form bodies have a schema. */
const hasBodySchema = (mediaType: string): boolean => mediaKind(mediaType) !== 'text' && mediaKind(mediaType) !== 'binary';

/** The indexed-access type of the request body in its first media type, for its `<Stem>Body` alias. */
export function bodyChain(op: OperationModel): string | undefined {
  if (!op.bodyMediaType || op.bodySchema !== undefined || !hasBodySchema(op.bodyMediaType)) return undefined;
  if (op.body === 'fields' && op.bodyParams.length === 0) return undefined;
  if (op.body === 'none') return undefined;
  return bodyContent(op, op.bodyMediaType);
}

function bodyType(op: OperationModel, aliases: SchemaAliases): string | undefined {
  if (!op.bodyMediaType) return undefined;
  if (op.bodySchema !== undefined) return aliases.get(op.bodySchema);
  return bodyChain(op) === undefined ? undefined : bodyTypeName(op);
}

/** What a whole body may be in `mediaType`: text and XML go as a string, binary as any bytes fetch sends. */
function wholeBodyType(op: OperationModel, mediaType: string, aliases: SchemaAliases): string {
  const kind = mediaKind(mediaType);
  if (kind === 'text') return 'string';
  if (kind === 'binary') return 'Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | string';
  if (mediaType === op.bodyMediaType) return bodyType(op, aliases) ?? 'unknown';
  return bodyContent(op, mediaType);
}

export function paramsType(op: OperationModel, aliases: SchemaAliases, lenient: boolean): string {
  const parts: string[] = [];
  if (op.hasPath) parts.push(`${opType(op)}["parameters"]["path"]`);
  if (op.hasQuery) parts.push(`NonNullable<${opType(op)}["parameters"]["query"]>`);
  // Picked by name: openapi-typescript's header type also holds the ones the client leaves out.
  if (op.headerParams?.length) parts.push(`Pick<NonNullable<${opType(op)}["parameters"]["header"]>, ${op.headerParams.map((name) => stringLiteral(name)).join(' | ')}>`);
  const body = bodyType(op, aliases);
  if (op.body === 'fields' && body !== undefined && op.bodyParams.length > 0) parts.push(body);
  if (op.body === 'whole') {
    const types = [...new Set((op.contentTypes ?? []).map((type) => wholeBodyType(op, type, aliases)))];
    parts.push(`{ body${op.bodyRequired ? '' : '?'}: ${types.length > 0 ? types.join(' | ') : 'unknown'} }`);
  }
  if (parts.length === 0) return 'Record<string, never>';
  const all = parts.join(' & ');
  if (!lenient) return all;
  return op.pathParams.length > 0 ? `Lenient<${all}, ${op.pathParams.map((p) => stringLiteral(p)).join(' | ')}>` : `Lenient<${all}>`;
}

/** `RequestOptions<'application/json' | 'application/xml'>` for a body declared in several media types: the call may choose one. */
export function requestOptionsType(op: OperationModel): string {
  const types = op.contentTypes ?? [];
  return types.length > 1 ? `RequestOptions<${types.map((type) => stringLiteral(type)).join(' | ')}>` : 'RequestOptions';
}

/** The success body's indexed-access type, for a `<Stem>Result` alias where it is no component schema. */
export function responseChain(op: OperationModel): string | undefined {
  if (op.response === 'binary' || op.responseSchema !== undefined) return undefined;
  if (!op.hasResponseSchema || !op.successStatus || !op.responseMediaType) return undefined;
  return `${opType(op)}["responses"][${stringLiteral(op.successStatus)}]["content"][${stringLiteral(op.responseMediaType)}]`;
}

export function responseType(op: OperationModel, aliases: SchemaAliases, resultName: string): string {
  if (op.response === 'binary') return 'Blob';
  if (op.responseSchema !== undefined && op.hasResponseSchema) return aliases.get(op.responseSchema) ?? 'unknown';
  return responseChain(op) === undefined ? 'unknown' : resultName;
}

/** `{ 404: NotFound; default: … }`: each documented error status and its body; undefined when none has a JSON schema. */
export function errorsType(op: OperationModel, aliases: SchemaAliases): string | undefined {
  if (op.errors.length === 0) return undefined;
  const members = op.errors.map((e) => {
    const key = /^\d+$/.test(e.status) ? e.status : propertyKey(e.status);
    const type = (e.schema !== undefined ? aliases.get(e.schema) : undefined) ?? `${opType(op)}["responses"][${stringLiteral(e.status)}]["content"][${stringLiteral(e.mediaType)}]`;
    return `${key}: ${type}`;
  });
  return `{ ${members.join('; ')} }`;
}

/** Whether a call may leave out the params object: nothing in it is required. */
export const paramsOptional = (op: OperationModel): boolean => !op.hasPath && !op.queryRequired && !op.headerRequired && !op.bodyRequired;

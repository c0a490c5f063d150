/**
 * A request body in the media type the operation declares (or the call chooses): JSON text, FormData,
 * URLSearchParams, a string, or bytes as given. Objects inside form fields go as JSON text; see the
 * README's "Request bodies" for the rules.
 */
import { ApiError } from '../errors.js';
import type { OperationSpec } from '../types.js';
import { mediaKind } from './media-types.js';

export interface EncodedBody {
  readonly body: BodyInit | undefined;
  /** The Content-Type to send; `undefined` with no body, and for multipart, whose boundary fetch writes. */
  readonly contentType: string | undefined;
  /** `false` for a stream, which can be read only once: such a call is never retried or replayed. */
  readonly replayable: boolean;
}

const NONE: EncodedBody = { body: undefined, contentType: undefined, replayable: true };

const refused = (op: OperationSpec, type: string, what: string) => new ApiError(`${op.name}: a ${type} body must be ${what}`);

const isBytes = (value: unknown): value is ArrayBuffer | ArrayBufferView<ArrayBuffer> => value instanceof ArrayBuffer || ArrayBuffer.isView(value);

/** Each non-null field of an object body, array items one by one (repeated fields). */
function eachField(op: OperationSpec, type: string, value: unknown, add: (name: string, item: unknown) => void): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Blob) {
    throw refused(op, type, 'an object of fields');
  }
  for (const [name, field] of Object.entries(value)) {
    for (const item of Array.isArray(field) ? field : [field]) if (item != null) add(name, item);
  }
}

const fieldText = (item: unknown): string => (typeof item === 'object' ? JSON.stringify(item) : String(item));

function multipart(op: OperationSpec, type: string, value: unknown): FormData {
  const form = new FormData();
  eachField(op, type, value, (name, item) => {
    const partType = op.encoding?.[name];
    // A part has its own Content-Type only as a Blob (FormData then names it "blob").
    if (item instanceof Blob) form.append(name, item);
    else if (isBytes(item) || partType) form.append(name, new Blob([isBytes(item) ? item : fieldText(item)], { type: partType ?? 'application/octet-stream' }));
    else form.append(name, fieldText(item));
  });
  return form;
}

function urlEncoded(op: OperationSpec, type: string, value: unknown): URLSearchParams {
  const form = new URLSearchParams();
  eachField(op, type, value, (name, item) => form.append(name, fieldText(item)));
  return form;
}

function text(op: OperationSpec, type: string, value: unknown): string {
  if (typeof value === 'object') throw refused(op, type, 'a string');
  return String(value);
}

function binary(op: OperationSpec, type: string, value: unknown): BodyInit {
  if (value instanceof Blob || value instanceof ReadableStream || isBytes(value) || typeof value === 'string') return value;
  throw refused(op, type, 'a Blob, ArrayBuffer, typed array, ReadableStream or string');
}

/**
 * The body of `op` from `params`: the `bodyParams` present (`fields`) or `params.body` (`whole`), in
 * `chosen` or else the first declared media type (JSON when none is declared). GET and HEAD send none:
 * fetch cannot. With `nulls: 'omit'` (HostBill) a field set to `null` is left out like `undefined`;
 * `params.body` is always sent as given.
 */
export function encodeBody(op: OperationSpec, params: Record<string, unknown>, chosen?: string, nulls: 'omit' | 'send' = 'send'): EncodedBody {
  if (op.method === 'GET' || op.method === 'HEAD' || op.body === 'none') return NONE;
  const type = chosen ?? op.contentTypes?.[0] ?? 'application/json';
  const value = op.body === 'whole' ? params['body'] : Object.fromEntries(op.bodyParams.filter((name) => params[name] !== undefined && !(nulls === 'omit' && params[name] === null)).map((name) => [name, params[name]]));
  const kind = mediaKind(type);
  if (kind === 'json') return { body: JSON.stringify(value ?? {}), contentType: type, replayable: true };
  if (value === undefined) return NONE;
  if (kind === 'multipart') return { body: multipart(op, type, value), contentType: undefined, replayable: true };
  const body = kind === 'form' ? urlEncoded(op, type, value) : kind === 'text' ? text(op, type, value) : binary(op, type, value);
  return { body, contentType: type, replayable: !(body instanceof ReadableStream) };
}

/** The error for a failed response: the class its status names, the API's error entries in readable form. */
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../errors.js';
import type { ReadResponse } from '../types.js';
import { excerpt } from './excerpt.js';

const ERROR_BY_STATUS: Readonly<Record<number, typeof ApiError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** The raw entries of a body's `error`, else `errors`, else `message` (HostBill uses `error`). */
export function rawErrorEntries(body: unknown): unknown[] {
  const fields = body as { error?: unknown; errors?: unknown; message?: unknown } | null | undefined;
  const raw = fields?.error ?? fields?.errors ?? fields?.message;
  if (Array.isArray(raw)) return raw;
  if (raw && typeof raw === 'object') return Object.entries(raw);
  return raw || raw === 0 ? [raw] : [];
}

/** Readable entries: strings kept, `[key, param]` pairs (and object entries) become `key: param`. */
export function readableErrors(entries: readonly unknown[]): string[] {
  return entries.map((entry) => (Array.isArray(entry) ? `${asText(entry[0])}: ${entry.slice(1).map(asText).join(', ')}` : asText(entry)));
}

/** `404 GET /path: not found`: status, call, then the entries or a bounded excerpt of the body. */
export function responseMessage(response: ReadResponse, errors: readonly string[]): string {
  const { status, body, label } = response;
  const detail = errors.join('; ') || (typeof body === 'string' ? body : '') || `HTTP ${status}`;
  return `${status} ${label}: ${excerpt(detail)}`;
}

/** The error for a response the status says failed, by status: 404 → NotFoundError, 5xx → InternalServerError. */
export function errorFromResponse(response: ReadResponse): ApiError {
  const { status, headers, body } = response;
  const errors = readableErrors(rawErrorEntries(body));
  const ErrorClass = ERROR_BY_STATUS[status] ?? (status >= 500 ? InternalServerError : ApiError);
  return new ErrorClass(responseMessage(response, errors), { status, headers, body, errors });
}

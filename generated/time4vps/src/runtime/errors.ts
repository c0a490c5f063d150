/** The errors a client throws: one class per kind of failure, each carrying what the response said. */
import { redactedHeaders } from './internal/redact.js';

export interface ApiErrorInit {
  status?: number | undefined;
  /** The response's headers; stored with credentials (`Set-Cookie`, token headers) replaced by `***`. */
  headers?: Headers | undefined;
  body?: unknown;
  errors?: string[] | undefined;
  cause?: unknown;
}

/**
 * Base of every error the client throws. Carries the response's status, headers and parsed body
 * when there was one, never a credential.
 */
export class ApiError extends Error {
  declare readonly status?: number | undefined;
  declare readonly headers?: Headers | undefined;
  declare readonly body?: unknown;
  /** The API's error entries in readable form: `["wronglogin"]`, `["wait_x_between_action: 24"]`. */
  declare readonly errors: string[];

  constructor(message: string, init: ApiErrorInit = {}) {
    super(message, init); // sets `cause` (non-enumerable) only when init has one; assigning it again keeps it so
    Object.assign(this, init, { errors: init.errors ?? [] });
    if (init.headers) Object.assign(this, { headers: redactedHeaders(init.headers) });
  }
}
/** No response: DNS, refused or dropped connection. Retried. */
export class ApiConnectionError extends ApiError {}
/** The attempt outlived its timeout. Retried. */
export class ApiTimeoutError extends ApiConnectionError {}
/** The caller's AbortSignal fired. Never retried. */
export class ApiAbortError extends ApiError {}
/** 400 */
export class BadRequestError extends ApiError {}
/** 401 (unless the body says it is a throttle) */
export class AuthenticationError extends ApiError {}
/** 403 */
export class PermissionDeniedError extends ApiError {}
/** 404 */
export class NotFoundError extends ApiError {}
/** 409 */
export class ConflictError extends ApiError {}
/** 422 */
export class UnprocessableEntityError extends ApiError {}
/** 429. Retried. */
export class RateLimitError extends ApiError {}
/** 5xx. Retried. */
export class InternalServerError extends ApiError {}
/** A 2xx response the client cannot read: malformed JSON, or an HTML page where JSON was expected. */
export class InvalidResponseError extends ApiError {}

/** A response body over `maxResponseBytes` (declared or counted); the rest is not downloaded. Never retried. */
export class ResponseTooLargeError extends ApiError {
  declare readonly limit: number;
  constructor(message: string, init: ApiErrorInit & { limit: number }) {
    super(message, init); // copies limit
  }
}

/**
 * A redirect the client does not follow: to another origin (unless allowed), to an unusable
 * `Location`, or one it cannot see. `location`: origin and path of the target, when known. Never retried.
 */
export class RedirectError extends ApiError {
  declare readonly location?: string | undefined;
  constructor(message: string, init: ApiErrorInit & { location?: string | undefined } = {}) {
    super(message, init); // copies location
  }
}
/** Redirects that come back to an address already visited, or more than `maxRedirects` of them. */
export class RedirectLoopError extends RedirectError {}

/** An API's per-action throttle (HostBill: `["wait_x_between_action", 24]`, sent with 401). Never retried. */
export class ThrottleError extends ApiError {
  declare readonly waitSeconds: number;
  constructor(message: string, init: ApiErrorInit & { waitSeconds: number }) {
    super(message, init); // copies waitSeconds
  }
}

// `name` goes on each prototype (one string per class, none per instance), taken from the keys so
// it cannot drift from the class when a minifier renames the classes themselves.
for (const [name, Class] of Object.entries({
  ApiError,
  ApiConnectionError,
  ApiTimeoutError,
  ApiAbortError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  InvalidResponseError,
  ResponseTooLargeError,
  RedirectError,
  RedirectLoopError,
  ThrottleError,
})) {
  Class.prototype.name = name;
}

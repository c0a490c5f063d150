export interface ApiErrorInit {
  status?: number | undefined;
  headers?: Headers | undefined;
  body?: unknown;
  errors?: string[] | undefined;
  cause?: unknown;
}

/**
 * Base of every error the client throws. Carries the response's status, headers and parsed body
 * when there was one, never the request's credentials.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status?: number | undefined;
  readonly headers?: Headers | undefined;
  readonly body?: unknown;
  /** The API's error entries in readable form: `["wronglogin"]`, `["wait_x_between_action: 24"]`. */
  readonly errors: string[];

  constructor(message: string, init: ApiErrorInit = {}) {
    super(message, init); // sets `cause` (non-enumerable) only when init has one
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.errors = init.errors ?? [];
  }
}

/** No response: DNS, refused or dropped connection. Retried. */
export class ApiConnectionError extends ApiError { override name = 'ApiConnectionError'; }
/** The attempt outlived its timeout. Retried. */
export class ApiTimeoutError extends ApiConnectionError { override name = 'ApiTimeoutError'; }
/** The caller's AbortSignal fired. Never retried. */
export class ApiAbortError extends ApiError { override name = 'ApiAbortError'; }
export class BadRequestError extends ApiError { override name = 'BadRequestError'; }
export class AuthenticationError extends ApiError { override name = 'AuthenticationError'; }
export class PermissionDeniedError extends ApiError { override name = 'PermissionDeniedError'; }
export class NotFoundError extends ApiError { override name = 'NotFoundError'; }
export class ConflictError extends ApiError { override name = 'ConflictError'; }
export class UnprocessableEntityError extends ApiError { override name = 'UnprocessableEntityError'; }
export class RateLimitError extends ApiError { override name = 'RateLimitError'; }
export class InternalServerError extends ApiError { override name = 'InternalServerError'; }
/** A 2xx response the client cannot read: malformed JSON, or an HTML page where JSON was expected. */
export class InvalidResponseError extends ApiError { override name = 'InvalidResponseError'; }

/** HostBill's per-server action throttle (`["wait_x_between_action", 24]`, sent with 401). Never retried. */
export class ThrottleError extends ApiError {
  override name = 'ThrottleError';
  readonly waitSeconds: number;
  constructor(message: string, init: ApiErrorInit & { waitSeconds: number }) {
    super(message, init);
    this.waitSeconds = init.waitSeconds;
  }
}

const BY_STATUS: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

const str = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** A bounded, single-line excerpt of a text body; HTML loses its tags, scripts and styles. */
export const excerpt = (text: string, max = 200): string => {
  const s = text
    .slice(0, 10_000)
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^<>]*>?/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};

/** The raw error entries of a body: HostBill's `error`, else `errors` or `message`. */
export const rawErrors = (body: unknown): unknown => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const b = body as { error?: unknown; errors?: unknown; message?: unknown };
  return b.error ?? b.errors ?? b.message;
};

/** Strings are kept, `[key, param]` pairs become `key: param`, objects become `key: value` entries. */
export const readErrors = (raw: unknown): string[] =>
  (Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? Object.entries(raw) : raw || raw === 0 ? [raw] : []).map(
    (e: unknown) => (Array.isArray(e) ? `${str(e[0])}: ${e.slice(1).map(str).join(', ')}` : str(e)),
  );

/** Builds the error for a failed response (or a 2xx HostBill body with `error`). */
export function errorFromResponse(status: number, headers: Headers, body: unknown, label: string): ApiError {
  const raw = rawErrors(body);
  const errors = readErrors(raw);
  const detail = errors.join('; ') || (typeof body === 'string' ? body : '') || `HTTP ${status}`;
  const message = `${status} ${label}: ${excerpt(detail)}`;
  const init = { status, headers, body, errors };
  const wait = Array.isArray(raw)
    ? raw.find((e: unknown) => Array.isArray(e) && /^wait_/.test(String(e[0])) && Number.isFinite(Number(e[1])))
    : undefined;
  if (wait) return new ThrottleError(message, { ...init, waitSeconds: Number(wait[1]) });
  const Class = BY_STATUS[status] ?? (status >= 500 ? InternalServerError : ApiError);
  return new Class(message, init);
}

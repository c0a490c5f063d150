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
  declare readonly status?: number | undefined;
  declare readonly headers?: Headers | undefined;
  declare readonly body?: unknown;
  /** The API's error entries in readable form: `["wronglogin"]`, `["wait_x_between_action: 24"]`. */
  declare readonly errors: string[];

  constructor(message: string, init: ApiErrorInit = {}) {
    super(message, init); // sets `cause` (non-enumerable) only when init has one; assigning it again keeps it so
    Object.assign(this, init, { errors: init.errors ?? [] });
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
/** 401 (unless it is HostBill's throttle) */
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

/** HostBill's per-server action throttle (`["wait_x_between_action", 24]`, sent with 401). Never retried. */
export class ThrottleError extends ApiError {
  declare readonly waitSeconds: number;
  constructor(message: string, init: ApiErrorInit & { waitSeconds: number }) {
    super(message, init); // copies waitSeconds
  }
}

// `name` goes on each prototype (one string per class in a bundle, none per instance), taken from
// the keys so it cannot drift from the class; a minifier renames the classes themselves.
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
  ThrottleError,
})) {
  Class.prototype.name = name;
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

/** Builds the error for a failed response (or a 2xx HostBill body with `error`). */
export function errorFromResponse(status: number, headers: Headers, body: unknown, label: string): ApiError {
  // HostBill's `error` entries, else `errors` or `message` (strings, numbers and arrays have none of these).
  const b = body as { error?: unknown; errors?: unknown; message?: unknown } | null | undefined;
  const raw = b?.error ?? b?.errors ?? b?.message;
  const list: unknown[] = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? Object.entries(raw) : raw || raw === 0 ? [raw] : [];
  // Readable form: strings kept, `[key, param]` pairs (and object entries) become `key: param`.
  const errors = list.map((e) => (Array.isArray(e) ? `${str(e[0])}: ${e.slice(1).map(str).join(', ')}` : str(e)));
  const message = `${status} ${label}: ${excerpt(errors.join('; ') || (typeof body === 'string' ? body : '') || `HTTP ${status}`)}`;
  const init = { status, headers, body, errors };
  const wait = Array.isArray(raw) && raw.find((e) => Array.isArray(e) && /^wait_/.test(String(e[0])) && Number.isFinite(Number(e[1])));
  if (wait) return new ThrottleError(message, { ...init, waitSeconds: Number(wait[1]) });
  return new (BY_STATUS[status] ?? (status >= 500 ? InternalServerError : ApiError))(message, init);
}

/** The runtime's types: what a client takes (options, credentials, hooks) and what a generated client passes it. */
import type { ApiError } from './errors.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
export type AuthScheme = 'basic' | 'jwt' | 'bearer' | 'apiKey';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

/** One operation, as the generator describes it. Paths use `{name}` placeholders. */
export interface OperationSpec {
  readonly method: HttpMethod;
  readonly path: string;
  readonly group: string;
  readonly name: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  /**
   * Query parameters the document does not send as the defaults do, by name. Lists sent as one value:
   * `comma` (style `form` with `explode: false`, Swagger 2.0's default `csv`), `space`
   * (`spaceDelimited`), `pipe` (`pipeDelimited`); the other lists repeat their name. Objects sent as
   * their members, each under its own name: `spread` (style `form`, OpenAPI's default for a query
   * object); joined as their keys and values in turn (`name=k1,v1,k2,v2`): `comma`, `space`, `pipe`
   * as for lists; the other objects go as `name[key]` (`deepObject`). HostBill clients use PHP's `name[]`.
   */
  readonly queryStyles?: Readonly<Record<string, 'comma' | 'space' | 'pipe' | 'spread'>> | undefined;
  /** Parameters sent as request headers (`in: header`), named as the document names them. */
  readonly headerParams?: readonly string[] | undefined;
  readonly bodyParams: readonly string[];
  /** `fields`: an object of the `bodyParams` present; `whole`: `params.body`; `none`: no body. */
  readonly body: 'fields' | 'whole' | 'none';
  /** The body's declared media types, JSON first: the first is sent unless the call chooses (`contentType`). Default JSON. */
  readonly contentTypes?: readonly string[] | undefined;
  /** multipart/form-data: the Content-Type of a field's part, from the document's `encoding` object. */
  readonly encoding?: { readonly [field: string]: string } | undefined;
  /** `false`: the request carries no credentials at all. */
  readonly auth: boolean;
  readonly response: 'json' | 'binary';
  readonly paged?: boolean | undefined;
}

/** A response whose body was read, as `ResponseRules` see it. An `ApiError` made from `headers` stores a redacted copy. */
export interface ReadResponse {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or the text when it is not JSON. */
  readonly body: unknown;
  /** `METHOD /path`, for messages. */
  readonly label: string;
}

/**
 * What an API says in its bodies beyond the status code (HostBill: `hostbillRules`). Generic clients
 * pass none: the status decides.
 */
export interface ResponseRules {
  /**
   * Called with every JSON body of a 2xx response and every body of a failed one: the error the body
   * means (a 2xx error envelope, a throttle), or `undefined` to leave it to the status.
   */
  bodyError(response: ReadResponse): ApiError | undefined;
}

/** What a generated client passes for its provider. */
export interface ProviderDefaults {
  baseUrl: string;
  /** `TIME4VPS` reads `TIME4VPS_USERNAME`, `TIME4VPS_PASSWORD`, `TIME4VPS_BASE_URL`, `TIME4VPS_LOG`. */
  envPrefix: string;
  authSchemes: readonly AuthScheme[];
  /** The API's body rules (`hostbillRules` for HostBill providers); none for generic APIs. */
  rules?: ResponseRules | undefined;
  /**
   * JWT support, for providers whose `authSchemes` include `jwt`: the runtime's `jwtSession`. Opt-in so
   * that clients of Basic-only providers leave the JWT code out of a bundle.
   */
  jwtSession?: JwtSessionFactory | undefined;
  /** Paths of the JWT endpoints and the token fields of their answers; default `/login`, `/token`, `/revoke`, `/logout`, `token`, `refresh`. */
  jwt?: JwtPaths | undefined;
  /** Where an API key goes: a header, a query parameter or a cookie of that name; default the `X-API-Key` header. */
  apiKey?: { in: 'header' | 'query' | 'cookie'; name: string } | undefined;
  /**
   * `omit`: a `null` parameter is left out of the JSON body like `undefined` (HostBill, whose `Lenient`
   * parameters accept `null` for "not set"). Default `send`: a generic API's nullable field may mean
   * "clear it". Path and query parameters never carry `null` either way.
   */
  nulls?: 'omit' | 'send' | undefined;
  /**
   * How arrays, objects and booleans go in the query: `php` (`a[]=1&a[]=2`, `o[k]=v`, `1`/`0`; HostBill,
   * as PHP parses them). Default `form`, OpenAPI's default for query parameters (`a=1&a=2`, `true`).
   */
  query?: 'form' | 'php' | undefined;
}

export interface JwtPaths {
  login: string;
  refresh: string;
  revoke?: string | undefined;
  logout?: string | undefined;
  /** The access token's member in the login and refresh answers; default `token`. */
  tokenField?: string | undefined;
  /** The refresh token's member in those answers; default `refresh` (some providers answer `refresh_token`). */
  refreshField?: string | undefined;
}

export interface JwtSession {
  /** A current access token: logs in on first use, refreshes shortly before `exp`. */
  token(): Promise<string>;
  /** A new token after `used` was refused with 401; one refresh however many calls ask. */
  renew(used: string): Promise<string>;
  /** Revokes the tokens (or logs out) and forgets them. */
  logout(): Promise<void>;
}

/**
 * Sends one sign-in operation through the client (retries, timeout, hooks, logs) without calling
 * `onError`; resolves the parsed body. Its requests carry credentials in the body, so they never
 * follow a redirect to another origin.
 */
export type Send = (op: OperationSpec, params: Record<string, unknown>, options: RequestOptions) => Promise<unknown>;

/** Makes the JWT session of a client; `send` is the client's own transport (hooks, logs, timeouts). */
export type JwtSessionFactory = (send: Send, paths: JwtPaths | undefined, username: string, password: string) => JwtSession;

/**
 * `S`: the schemes the provider offers. A generated client declares them (`ClientOptions<'basic'>`), so
 * `scheme: 'jwt'` on a Basic-only provider is a type error.
 */
export type Credentials<S extends AuthScheme = AuthScheme> =
  | { username: string; password: string; scheme?: Extract<S, 'basic' | 'jwt'> | undefined }
  | { token: string }
  | { apiKey: string };

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** What hooks see. `url` and `headers` have credentials replaced by `***`. */
export interface RequestEvent {
  operation: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** 1 for the first send, counting retries and the replay after a token refresh. */
  attempt: number;
}

export interface ResponseEvent extends RequestEvent {
  status: number;
  durationMs: number;
}

/** `S`: the auth schemes the provider offers (see `Credentials`). */
export interface ClientOptions<S extends AuthScheme = AuthScheme> {
  /** Must not hold credentials (`https://user:pw@host`): pass them as `auth`. */
  baseUrl?: string | undefined;
  /** Default: `<envPrefix>_USERNAME` and `<envPrefix>_PASSWORD` from the environment, when both are set. */
  auth?: Credentials<S> | undefined;
  /** Called with `redirect: 'manual'`; see the README on a fetch that follows redirects itself. */
  fetch?: typeof fetch | undefined;
  headers?: Record<string, string> | undefined;
  /** Retries after the first attempt; default 2. */
  maxRetries?: number | undefined;
  /** Per attempt, in ms; default 60000. */
  timeout?: number | undefined;
  /** Largest response body the client reads, in bytes; default 50 MiB. */
  maxResponseBytes?: number | undefined;
  /** Same-origin redirects followed per attempt; default 10. */
  maxRedirects?: number | undefined;
  /**
   * `true` follows a redirect to another origin, without any credential (auth headers, API key,
   * cookies); sign-in requests still refuse it. Default `false`: such a redirect is a `RedirectError`.
   */
  allowCrossOriginRedirects?: boolean | undefined;
  /** Default: none (console when `logLevel` or `<envPrefix>_LOG` is set). */
  logger?: Logger | undefined;
  /** Default `warn`. */
  logLevel?: LogLevel | undefined;
  onRequest?: ((event: RequestEvent) => void) | undefined;
  onResponse?: ((event: ResponseEvent) => void) | undefined;
  /** Called once with the error a call finally fails with. */
  onError?: ((error: ApiError) => void) | undefined;
}

/** `C`: the media types the operation's body may be sent in, when it declares several. */
export interface RequestOptions<C extends string = never> {
  signal?: AbortSignal | undefined;
  headers?: Record<string, string> | undefined;
  timeout?: number | undefined;
  maxRetries?: number | undefined;
  /** `true` lets POST/PATCH retry; `false` turns retries off for any method. */
  retry?: boolean | undefined;
  /** Largest response body read for this call, in bytes; default the client's. */
  maxResponseBytes?: number | undefined;
  /** The declared media type to send the body in; default the first (JSON when declared). */
  contentType?: C | undefined;
}

/**
 * HostBill parameters as the API accepts them, the one place this rule lives (README, "Lenient
 * inputs"): HostBill parses every value loosely and returns ids and numbers as strings, so callers
 * pass on what it sent them. `T` is the parameters as the document types them; `Ids` the keys that
 * are id path parameters.
 * - A `number` field also takes a numeric string (`ttl: '10'`).
 * - An id path parameter takes `string | number`, whatever the document says (ids come back as either).
 * - An optional field also takes `null`, which the runtime leaves out like `undefined`.
 * - Literal types (enums, numeric enums included) and required-ness are kept as they are.
 * Objects and arrays inside a field follow the same rules.
 */
export type Lenient<T, Ids extends PropertyKey = never> = {
  [K in keyof T]: {} extends Pick<T, K> ? LenientValue<T[K], K extends Ids ? true : false> | null : LenientValue<T[K], K extends Ids ? true : false>;
};

/** One value of `Lenient` (distributes over unions, so each member of an enum stays itself). */
type LenientValue<V, Id extends boolean> = V extends number
  ? number extends V
    ? Id extends true
      ? string | number
      : number | `${number}`
    : V
  : V extends string
    ? string extends V
      ? Id extends true
        ? string | number
        : string
      : V
    : V extends Blob | Date
      ? V
      : V extends readonly (infer E)[]
        ? LenientValue<E, false>[]
        : V extends object
          ? Lenient<V>
          : V;

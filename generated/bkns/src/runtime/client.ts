import { ApiAbortError, ApiConnectionError, ApiError, ApiTimeoutError, ThrottleError, errorFromResponse } from './errors.js';
import { buildRequest, errorBody, parseBody, redactHeaders, retryDelay, type BuiltRequest } from './http.js';
import { jwtSession, type JwtSession } from './jwt.js';
import type { ClientOptions, LogLevel, Logger, OperationSpec, ProviderDefaults, RequestOptions } from './types.js';

/**
 * The promise of a call's data. The request starts at once (on the next microtask).
 * `withResponse()` adds the raw Response (status, headers; body already read);
 * `asResponse()` gives the Response with its body unread — call it on the call expression itself,
 * e.g. `await client.files.get(p).asResponse()`; HTTP errors still throw, the timeout stops at headers.
 */
export interface ApiPromise<T> extends Promise<T> {
  withResponse(): Promise<{ data: T; response: Response }>;
  asResponse(): Promise<Response>;
}

type Result = { data: unknown; response: Response };

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'off'];
const noop = () => {};

function readEnv(name: string): string | undefined {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] || undefined;
  } catch {
    return undefined; // e.g. Deno without --allow-env
  }
}

const basic = (user: string, pass: string) =>
  `Basic ${btoa(Array.from(new TextEncoder().encode(`${user}:${pass}`), (b) => String.fromCharCode(b)).join(''))}`;

const AUTH_OP = { method: 'POST', group: 'auth', pathParams: [], queryParams: [], bodyParams: [], body: 'whole', auth: false, response: 'json' } as const;

const retriable = (e: ApiError) =>
  !(e instanceof ThrottleError) && (e instanceof ApiConnectionError || e.status === 408 || e.status === 429 || (e.status ?? 0) >= 500);

export class ApiClient {
  readonly #o: ClientOptions;
  readonly #base: string;
  readonly #hostbill: boolean;
  /** Authorization header value for basic and bearer auth. */
  readonly #authorization?: string;
  readonly #key?: { in: 'header' | 'query'; name: string; value: string };
  readonly #jwt?: JwtSession;
  readonly #logger?: Logger | undefined;
  readonly #level: number;

  constructor(options: ClientOptions | undefined, defaults: ProviderDefaults) {
    const o = (this.#o = options ?? {});
    const env = (name: string) => readEnv(`${defaults.envPrefix}_${name}`);
    this.#base = o.baseUrl ?? env('BASE_URL') ?? defaults.baseUrl;
    this.#hostbill = defaults.hostbill;
    const level = o.logLevel ?? (env('LOG') as LogLevel | undefined);
    this.#logger = o.logger ?? (level ? console : undefined);
    this.#level = LEVELS.indexOf(level ?? 'warn');

    let auth = o.auth;
    const [username, password] = [env('USERNAME'), env('PASSWORD')];
    if (!auth && username && password) auth = { username, password };
    if (!auth) return;
    if ('token' in auth) this.#authorization = `Bearer ${auth.token}`;
    else if ('apiKey' in auth) this.#key = { ...(defaults.apiKey ?? { in: 'header', name: 'X-API-Key' }), value: auth.apiKey };
    else if ((auth.scheme ?? (defaults.authSchemes.includes('basic') || !defaults.authSchemes.includes('jwt') ? 'basic' : 'jwt')) === 'basic') {
      this.#authorization = basic(auth.username, auth.password);
    } else {
      const j = defaults.jwt ?? { login: '/login', refresh: '/token', revoke: '/revoke', logout: '/logout' };
      const post = (path: string, body: object, bearer?: string) =>
        this.#run(
          { ...AUTH_OP, path, name: path },
          { body },
          bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {},
          false,
        ).then((r) => r.data);
      this.#jwt = jwtSession(post, j, auth.username, auth.password);
    }
  }

  /** Sends one operation. Rejects with an ApiError subclass. */
  request<T>(op: OperationSpec, params: object | undefined, options: RequestOptions = {}): ApiPromise<T> {
    let started: Promise<Result> | undefined;
    const start = (raw: boolean) =>
      (started ??= this.#run(op, (params ?? {}) as Record<string, unknown>, options, raw).catch((e: ApiError) => {
        this.#o.onError?.(e);
        throw e;
      }));
    const data = Promise.resolve()
      .then(() => start(false))
      .then((r) => r.data as T);
    data.catch(noop); // a call nobody awaits must not crash the process
    return Object.assign(data, {
      withResponse: () => start(false) as Promise<{ data: T; response: Response }>,
      asResponse: () => start(true).then((r) => r.response),
    });
  }

  /**
   * Walks `?page=N` for responses carrying `page: { current, total }` (0- or 1-based), yielding each
   * page's body. Stops after the last page, on a body without `page`, on a repeated page (not yielded)
   * and after 1000 pages.
   */
  async *paginate<T>(op: OperationSpec, params?: object, options?: RequestOptions): AsyncIterableIterator<T> {
    const spec = op.queryParams.includes('page') ? op : { ...op, queryParams: [...op.queryParams, 'page'] };
    const query: { page?: number; [name: string]: unknown } = { ...params };
    const seen = new Set<number>();
    let base = 1;
    for (let i = 0; i < 1000; i++) {
      const body = await this.request<T>(spec, query, options);
      const page = (body as { page?: { current?: unknown; total?: unknown } } | undefined)?.page;
      const current = Number(page?.current);
      const total = Number(page?.total);
      if (seen.has(current)) return;
      yield body;
      if (!Number.isInteger(current)) return;
      seen.add(current);
      base = Math.min(base, current);
      if (!(current - base + 1 < total)) return;
      query.page = current + 1;
    }
  }

  /** JWT: revokes the tokens (`jwt.revoke`, else `jwt.logout`) and forgets them. Other schemes: nothing. */
  async logout(): Promise<void> {
    await this.#jwt?.logout();
  }

  /** Waits between retries; rejects with ApiAbortError when `signal` fires. Override to observe delays. */
  protected sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', stop);
      };
      const stop = () => (done(), reject(new ApiAbortError('Request was aborted')));
      const timer = setTimeout(() => (done(), resolve()), ms);
      signal?.addEventListener('abort', stop);
      if (signal?.aborted) stop();
    });
  }

  #log(level: LogLevel, message: string): void {
    if (LEVELS.indexOf(level) >= this.#level) this.#logger?.[level as Exclude<LogLevel, 'off'>](message);
  }

  async #run(op: OperationSpec, params: Record<string, unknown>, o: RequestOptions, raw: boolean): Promise<Result> {
    const key = op.auth ? this.#key : undefined;
    const req = buildRequest(this.#base, op, params, key?.in === 'query' ? [key.name, key.value] : undefined);
    const maxRetries =
      o.retry === false || (!o.retry && (op.method === 'POST' || op.method === 'PATCH')) ? 0 : (o.maxRetries ?? this.#o.maxRetries ?? 2);
    let retries = 0;
    let replayed = false;
    for (let attempt = 1; ; attempt++) {
      if (o.signal?.aborted) throw new ApiAbortError('Request was aborted');
      const headers = new Headers(op.response === 'json' ? { accept: 'application/json' } : {});
      if (req.body !== undefined) headers.set('content-type', 'application/json');
      for (const [k, v] of Object.entries(this.#o.headers ?? {})) headers.set(k, v);
      let bearer: string | undefined;
      if (!op.auth) headers.delete('authorization');
      else if (this.#jwt) headers.set('authorization', `Bearer ${(bearer = await this.#jwt.token())}`);
      else if (this.#authorization) headers.set('authorization', this.#authorization);
      else if (key?.in === 'header') headers.set(key.name, key.value);
      for (const [k, v] of Object.entries(o.headers ?? {})) headers.set(k, v);
      try {
        return await this.#attempt(op, req, headers, attempt, o, raw);
      } catch (e) {
        const error = e as ApiError;
        if (bearer && error.status === 401 && !(error instanceof ThrottleError) && !replayed) {
          replayed = true; // expired or revoked token: refresh (or log in) and replay once
          await this.#jwt!.renew(bearer);
          continue;
        }
        const delay = retries < maxRetries && retriable(error) ? retryDelay(error, ++retries) : undefined;
        if (delay === undefined) throw error;
        this.#log('warn', `${req.label}: ${error.message}; retry ${retries}/${maxRetries} in ${Math.round(delay)} ms`);
        await this.sleep(delay, o.signal);
      }
    }
  }

  async #attempt(op: OperationSpec, req: BuiltRequest, headers: Headers, attempt: number, o: RequestOptions, raw: boolean): Promise<Result> {
    const { signal } = o;
    const timeout = o.timeout ?? this.#o.timeout ?? 60_000;
    const controller = new AbortController();
    const abort = () => controller.abort();
    let timedOut = false;
    const timer = setTimeout(() => ((timedOut = true), abort()), timeout);
    signal?.addEventListener('abort', abort);
    const event = { operation: op.name, method: op.method, url: req.redactedUrl, headers: redactHeaders(headers, this.#key?.name.toLowerCase()), attempt };
    const line = `${op.method} ${req.redactedUrl} (attempt ${attempt})`;
    this.#o.onRequest?.(event);
    const started = Date.now();
    let response: Response;
    let buf: ArrayBuffer | undefined;
    try {
      response = await (this.#o.fetch ?? fetch)(req.url, { method: op.method, headers, body: req.body ?? null, signal: controller.signal });
      if (!raw || !response.ok) buf = await response.arrayBuffer();
    } catch (cause) {
      const error = signal?.aborted
        ? new ApiAbortError('Request was aborted')
        : timedOut
          ? new ApiTimeoutError(`${req.label}: timed out after ${timeout} ms`)
          : new ApiConnectionError(`${req.label}: connection error`, { cause });
      this.#log('debug', `${line} failed: ${error.name}`);
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
    const durationMs = Date.now() - started;
    this.#o.onResponse?.({ ...event, status: response.status, durationMs });
    this.#log('debug', `${line} -> ${response.status} in ${durationMs} ms`);
    if (!response.ok) throw errorFromResponse(response.status, response.headers, errorBody(buf!), req.label);
    return { data: raw ? undefined : parseBody(op, response, buf!, req.label, this.#hostbill), response };
  }
}

import { ApiAbortError, ApiConnectionError, ApiError, ApiTimeoutError, ThrottleError, errorFromResponse } from './errors.js';
import { buildRequest, errorBody, parseBody, redactHeaders, retryDelay } from './http.js';
import type { ClientOptions, JwtSession, LogLevel, OperationSpec, ProviderDefaults, RequestOptions } from './types.js';

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
/** Sends one operation: every attempt, retry and the replay after a JWT refresh. `raw`: leave the body unread. */
type Run = (op: OperationSpec, params: Record<string, unknown>, options: RequestOptions, raw: boolean) => Promise<Result>;

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'off'];
const JSON_TYPE = 'application/json';
const AUTHORIZATION = 'authorization';
const noop = () => {};
const aborted = () => new ApiAbortError('Request was aborted');

function readEnv(name: string): string | undefined {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] || undefined;
  } catch {
    return undefined; // e.g. Deno without --allow-env
  }
}

/** `Basic base64(user:pass)`, UTF-8 encoded. */
const basic = (user: string, pass: string) => `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${user}:${pass}`)))}`;

const retriable = (e: ApiError) =>
  !(e instanceof ThrottleError) && (e instanceof ApiConnectionError || e.status === 408 || e.status === 429 || (e.status ?? 0) >= 500);

const setAll = (headers: Headers, extra: Record<string, string> = {}) => {
  for (const k in extra) headers.set(k, extra[k]!);
};

/**
 * The client every generated client extends. The settings live in the constructor's closure (the
 * credentials too: they are on no property of the client), where `#run` is made.
 */
export class ApiClient {
  readonly #o: ClientOptions;
  readonly #run: Run;
  readonly #jwt?: JwtSession;

  constructor(options: ClientOptions | undefined, defaults: ProviderDefaults) {
    const o = (this.#o = options ?? {});
    const env = (name: string) => readEnv(`${defaults.envPrefix}_${name}`);
    const base = o.baseUrl ?? env('BASE_URL') ?? defaults.baseUrl;

    const level = o.logLevel ?? (env('LOG') as LogLevel | undefined);
    const logger = o.logger ?? (level ? console : undefined);
    /** The logger's method for `at` when that level is on: `log('debug')?.(message)` builds the message only then. */
    const log = (at: 'debug' | 'warn') =>
      logger && LEVELS.indexOf(at) >= LEVELS.indexOf(level ?? 'warn') ? (message: string) => logger[at](message) : undefined;

    // Credentials: a header `[name, value]` (Basic, Bearer or an API key), an API key for the query, or a JWT session.
    let header: readonly [string, string] | undefined;
    let query: readonly [string, string] | undefined;
    const [username, password] = [env('USERNAME'), env('PASSWORD')];
    const auth = o.auth ?? (username && password ? { username, password } : undefined);
    const schemes = defaults.authSchemes;
    if (!auth) {
      // no credentials: operations that need them get 401 from the API
    } else if ('token' in auth) header = [AUTHORIZATION, `Bearer ${auth.token}`];
    else if ('apiKey' in auth) {
      const key = defaults.apiKey ?? { in: 'header', name: 'X-API-Key' };
      if (key.in === 'query') query = [key.name, auth.apiKey];
      else header = [key.name, auth.apiKey];
    } else if ((auth.scheme ?? (schemes.includes('basic') || !schemes.includes('jwt') ? 'basic' : 'jwt')) === 'basic') {
      header = [AUTHORIZATION, basic(auth.username, auth.password)];
    } else if (defaults.jwtSession) {
      const send = (op: OperationSpec, params: Record<string, unknown>, options: RequestOptions) => run(op, params, options, false).then((r) => r.data);
      this.#jwt = defaults.jwtSession(send, defaults.jwt, auth.username, auth.password);
    } else {
      throw new ApiError('JWT sign-in needs jwtSession in the provider defaults');
    }
    const jwt = this.#jwt;
    const secretHeader = header?.[0].toLowerCase();

    const run: Run = async (op, params, call, raw) => {
      const { method } = op;
      const { signal } = call;
      const [url, shownUrl, label, body] = buildRequest(base, op, params, op.auth ? query : undefined);
      const maxRetries =
        call.retry === false || (!call.retry && (method === 'POST' || method === 'PATCH')) ? 0 : (call.maxRetries ?? o.maxRetries ?? 2);
      const timeout = call.timeout ?? o.timeout ?? 60_000;
      let retries = 0;
      let replayed = false;
      for (let attempt = 1; ; attempt++) {
        if (signal?.aborted) throw aborted();
        const headers = new Headers(op.response === 'json' ? { accept: JSON_TYPE } : {});
        if (body !== undefined) headers.set('content-type', JSON_TYPE);
        setAll(headers, o.headers);
        let bearer: string | undefined;
        if (!op.auth) headers.delete(AUTHORIZATION);
        else if (jwt) headers.set(AUTHORIZATION, `Bearer ${(bearer = await jwt.token())}`);
        else if (header) headers.set(...header);
        setAll(headers, call.headers);

        const line = `${method} ${shownUrl} (attempt ${attempt})`;
        // Built only for hooks (so `event!` is safe where a hook is called).
        const event = o.onRequest || o.onResponse ? { operation: op.name, method, url: shownUrl, headers: redactHeaders(headers, secretHeader), attempt } : undefined;
        o.onRequest?.(event!);
        // The timer or the caller's signal aborts the attempt; the caller's signal tells which.
        const controller = new AbortController();
        const abort = () => controller.abort();
        const timer = setTimeout(abort, timeout);
        signal?.addEventListener('abort', abort);
        const started = Date.now();
        let response: Response | undefined;
        let buf: ArrayBuffer | undefined;
        let error: ApiError | undefined;
        try {
          response = await (o.fetch ?? fetch)(url, { method, headers, body: body ?? null, signal: controller.signal });
          if (!raw || !response.ok) buf = await response.arrayBuffer();
        } catch (cause) {
          error = signal?.aborted
            ? aborted()
            : controller.signal.aborted
              ? new ApiTimeoutError(`${label}: timed out after ${timeout} ms`)
              : new ApiConnectionError(`${label}: connection error`, { cause });
          log('debug')?.(`${line} failed: ${error.name}`);
        } finally {
          clearTimeout(timer);
          signal?.removeEventListener('abort', abort);
        }
        if (!error) {
          const { status, ok, headers: got } = response!;
          const durationMs = Date.now() - started;
          o.onResponse?.({ ...event!, status, durationMs });
          log('debug')?.(`${line} -> ${status} in ${durationMs} ms`);
          if (ok) return { data: raw ? undefined : parseBody(op, response!, buf!, label, defaults.hostbill), response: response! };
          error = errorFromResponse(status, got, errorBody(buf!), label);
        }
        if (bearer && error.status === 401 && !(error instanceof ThrottleError) && !replayed) {
          replayed = true; // expired or revoked token: refresh (or log in) and replay once
          await jwt!.renew(bearer);
          continue;
        }
        const delay = retries < maxRetries && retriable(error) ? retryDelay(error, ++retries) : undefined;
        if (delay === undefined) throw error;
        log('warn')?.(`${label}: ${error.message}; retry ${retries}/${maxRetries} in ${Math.round(delay)} ms`);
        await this.sleep(delay, signal);
      }
    };
    this.#run = run;
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
    let first = 1;
    for (let i = 0; i < 1000; i++) {
      const body = await this.request<T>(spec, query, options);
      const page = (body as { page?: { current?: unknown; total?: unknown } } | undefined)?.page;
      const current = Number(page?.current);
      if (seen.has(current)) return;
      yield body;
      if (!Number.isInteger(current)) return;
      seen.add(current);
      first = Math.min(first, current);
      if (!(current - first + 1 < Number(page?.total))) return;
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
      const stop = () => {
        clearTimeout(timer);
        reject(aborted());
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', stop);
        resolve();
      }, ms);
      if (signal?.aborted) stop();
      else signal?.addEventListener('abort', stop, { once: true });
    });
  }
}

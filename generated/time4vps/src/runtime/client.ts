/**
 * `ApiClient`, which every generated client extends. A call goes through named steps, each in its
 * own module under `internal/`: build the request, apply auth and headers, send it with a timeout
 * (following redirects), read and parse the body, decide whether to retry and how long to wait, and
 * replay once after a JWT refresh. The methods here only put those steps in order.
 */
import { ApiAbortError, ApiError, ThrottleError } from './errors.js';
import { checkBaseUrl } from './internal/base-url.js';
import { buildRequest, type BuiltRequest } from './internal/build-request.js';
import { credentialsFromEnv, resolveCredential, type Credential } from './internal/credentials.js';
import { abortError, DEFAULT_TIMEOUT_MS, withDeadline } from './internal/deadline.js';
import { readEnv } from './internal/env.js';
import { requestHeaders } from './internal/headers.js';
import { createLog, type Log } from './internal/log.js';
import { errorBody, parseBody } from './internal/parse-body.js';
import { DEFAULT_MAX_RESPONSE_BYTES, readBody } from './internal/read-body.js';
import { originAndPath, redactedHeaderRecord } from './internal/redact.js';
import { sendFollowingRedirects, type OutgoingRequest, type RedirectPolicy } from './internal/redirects.js';
import { errorFromResponse } from './internal/response-errors.js';
import { maxRetriesFor, nextRetryDelay } from './internal/retry.js';
import type { ClientOptions, LogLevel, OperationSpec, ProviderDefaults, ReadResponse, RequestEvent, RequestOptions } from './types.js';

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

const DEFAULT_MAX_REDIRECTS = 10;
const noop = () => {};

export class ApiClient {
  readonly #options: ClientOptions;
  readonly #rules: ProviderDefaults['rules'];
  readonly #nulls: 'omit' | 'send';
  readonly #query: 'form' | 'php';
  readonly #baseUrl: string;
  readonly #log: Log;
  /** Private, so no property, `util.inspect` or JSON of the client shows a credential. */
  readonly #credential: Credential;
  /** Redirect rules of ordinary calls and of sign-in requests (secret body), fixed at construction. */
  readonly #redirects: RedirectPolicy;
  readonly #signInRedirects: RedirectPolicy;

  constructor(options: ClientOptions | undefined, defaults: ProviderDefaults) {
    const given = (this.#options = options ?? {});
    const prefix = defaults.envPrefix;
    this.#rules = defaults.rules;
    this.#nulls = defaults.nulls ?? 'send';
    this.#query = defaults.query ?? 'form';
    this.#baseUrl = checkBaseUrl(given.baseUrl ?? readEnv(prefix, 'BASE_URL') ?? defaults.baseUrl);
    this.#log = createLog(given.logger, given.logLevel ?? (readEnv(prefix, 'LOG') as LogLevel | undefined));
    const send = (op: OperationSpec, params: Record<string, unknown>, call: RequestOptions<string>) => this.#run(op, params, call, false, this.#signInRedirects).then((result) => result.data);
    const credential = (this.#credential = resolveCredential(given.auth ?? credentialsFromEnv(prefix), defaults, send));
    this.#redirects = {
      maxRedirects: given.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
      allowCrossOrigin: given.allowCrossOriginRedirects ?? false,
      secretBody: false,
      secretParam: credential.kind === 'query' ? credential.key[0] : undefined,
      secretHeader: credential.kind === 'header' ? credential.name : undefined,
    };
    this.#signInRedirects = { ...this.#redirects, secretBody: true };
  }

  /** Sends one operation. Rejects with an ApiError subclass. */
  request<T>(op: OperationSpec, params: object | undefined, options: RequestOptions<string> = {}): ApiPromise<T> {
    let started: Promise<Result> | undefined;
    const start = (raw: boolean) =>
      (started ??= this.#run(op, (params ?? {}) as Record<string, unknown>, options, raw, this.#redirects).catch((error: ApiError) => {
        this.#options.onError?.(error);
        throw error;
      }));
    const data = Promise.resolve(false)
      .then(start)
      .then((result) => result.data as T);
    data.catch(noop); // a call nobody awaits must not crash the process
    return Object.assign(data, {
      withResponse: () => start(false) as Promise<{ data: T; response: Response }>,
      asResponse: () => start(true).then((result) => result.response),
    });
  }

  /**
   * Walks `?page=N` for responses carrying `page: { current, total }` (0- or 1-based), yielding each
   * page's body. Stops after the last page, on a body without `page`, on a repeated page (not yielded)
   * and after 1000 pages.
   */
  async *paginate<T>(op: OperationSpec, params?: object, options?: RequestOptions<string>): AsyncIterableIterator<T> {
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
    if (this.#credential.kind === 'jwt') await this.#credential.session.logout();
  }

  /** Waits between retries; rejects with ApiAbortError when `signal` fires. Override to observe delays. */
  protected sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const stop = () => {
        clearTimeout(timer);
        reject(new ApiAbortError('aborted'));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', stop);
        resolve();
      }, ms);
      if (signal?.aborted) stop();
      else signal?.addEventListener('abort', stop, { once: true });
    });
  }

  /**
   * Every attempt of one call: retries with their delays, and one replay after a refused JWT.
   * `raw` leaves a 2xx body unread; `redirects` says which redirects the call may follow.
   */
  async #run(op: OperationSpec, params: Record<string, unknown>, call: RequestOptions<string>, raw: boolean, redirects: RedirectPolicy): Promise<Result> {
    const credential = this.#credential;
    const request = buildRequest(this.#baseUrl, op, params, op.auth && credential.kind === 'query' ? credential.key : undefined, call.contentType, this.#nulls, this.#query);
    const { label } = request;
    // A stream body is read by the first attempt: nothing could send it again.
    const maxRetries = request.replayable ? maxRetriesFor(op.method, call, this.#options.maxRetries) : 0;
    let retries = 0;
    let replayed = false;
    // Each pass returns, throws, retries (≤ maxRetries) or replays (once), so the bound is never hit.
    for (let attempt = 1; attempt <= maxRetries + 2; attempt++) {
      if (call.signal?.aborted) throw abortError(label);
      // A sign-in that fails here has had its own retries: it fails the call.
      const bearer = op.auth && credential.kind === 'jwt' ? await credential.session.token() : undefined;
      try {
        return await this.#attempt(op, request, call, raw, redirects, bearer, attempt);
      } catch (caught) {
        const error = caught as ApiError;
        if (!replayed && request.replayable && bearer !== undefined && isRefusedToken(error) && credential.kind === 'jwt') {
          replayed = true; // expired or revoked token: refresh (or log in) and replay once
          await credential.session.renew(bearer);
          continue;
        }
        const delay = nextRetryDelay(error, retries, maxRetries);
        if (delay === undefined) throw error;
        retries++;
        this.#log.warn?.(`${label}: ${error.message}; retry ${retries}/${maxRetries} in ${Math.round(delay)} ms`);
        await this.sleep(delay, call.signal).catch((stopped: unknown) => {
          throw stopped instanceof ApiAbortError ? abortError(label) : stopped; // named after the call
        });
      }
    }
    throw new ApiError(`${label}: gave up after ${maxRetries + 2} attempts`);
  }

  /** One attempt: headers and hooks, then the exchange within the attempt's deadline, then its data or error. */
  async #attempt(op: OperationSpec, request: BuiltRequest, call: RequestOptions<string>, raw: boolean, redirects: RedirectPolicy, bearer: string | undefined, attempt: number): Promise<Result> {
    const client = this.#options;
    const credential = this.#credential;
    const { onRequest, onResponse } = client;
    const { label } = request;
    const debug = this.#log.debug;
    const headers = requestHeaders({
      acceptJson: op.response === 'json',
      contentType: request.contentType,
      client: client.headers,
      params: request.headers,
      auth: op.auth,
      credential: bearer !== undefined ? ['authorization', `Bearer ${bearer}`] : credential.kind === 'header' ? [credential.name, credential.value] : undefined,
      call: call.headers,
    });
    // Built only when a hook is set: the hot path skips redacting the headers.
    const event: RequestEvent | undefined =
      onRequest || onResponse ? { operation: op.name, method: op.method, url: request.shownUrl, headers: redactedHeaderRecord(headers, redirects.secretHeader), attempt } : undefined;
    if (event) onRequest?.(event);
    const line = () => `${op.method} ${request.shownUrl} (attempt ${attempt})`;
    const started = Date.now();
    const first: OutgoingRequest = { url: request.url, method: op.method, headers, body: request.body };
    const onHop = debug && ((from: Response, next: OutgoingRequest) => debug(`${label} -> ${from.status}, redirected to ${originAndPath(new URL(next.url))}`));
    const { response, bytes } = await withDeadline(call.timeout ?? client.timeout ?? DEFAULT_TIMEOUT_MS, call.signal, label, async (signal) => {
      const fetchOnce = (out: OutgoingRequest) => {
        // Node's fetch sends a stream only when told it is half duplex; the DOM types lack the field.
        const init: RequestInit & { duplex?: 'half' } = { method: out.method, headers: out.headers, body: out.body ?? null, signal, redirect: 'manual' };
        if (out.body instanceof ReadableStream) init.duplex = 'half';
        return (client.fetch ?? fetch)(out.url, init);
      };
      const response = await sendFollowingRedirects(fetchOnce, first, redirects, label, onHop || undefined);
      // `raw` leaves a 2xx body unread for `asResponse()`.
      const bytes = raw && response.ok ? undefined : await readBody(response, call.maxResponseBytes ?? client.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES, label);
      return { response, bytes };
    }).catch((error: ApiError) => {
      debug?.(`${line()} failed: ${error.name}`);
      throw error;
    });
    const durationMs = Date.now() - started;
    if (event) onResponse?.({ ...event, status: response.status, durationMs });
    debug?.(`${line()} -> ${response.status} in ${durationMs} ms`);
    return { data: this.#data(op, response, bytes, label), response };
  }

  /**
   * The data of a response whose body was read (`undefined` when it was left unread), or the error it
   * means: the provider's rules first (a throttle, HostBill's 2xx `error` envelope), else its status.
   */
  #data(op: OperationSpec, response: Response, bytes: Uint8Array<ArrayBuffer> | undefined, label: string): unknown {
    const { status, headers } = response;
    if (!response.ok) {
      const read: ReadResponse = { status, headers, body: bytes && errorBody(bytes), label };
      throw this.#rules?.bodyError(read) ?? errorFromResponse(read);
    }
    const data = bytes && parseBody(op.response, response, bytes, label);
    if (data === undefined || data instanceof Blob) return data;
    const error = this.#rules?.bodyError({ status, headers, body: data, label });
    if (error) throw error;
    return data;
  }
}

/** A 401 that is not a throttle: the token was expired or revoked. */
const isRefusedToken = (error: ApiError): boolean => error.status === 401 && !(error instanceof ThrottleError);

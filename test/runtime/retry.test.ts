import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ApiAbortError,
  ApiConnectionError,
  ApiError,
  ApiTimeoutError,
  AuthenticationError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  ThrottleError,
} from '../../templates/runtime/index.ts';
import { TestClient, fresh, json, op, startServer, type TestServer } from './server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const client = (base: string, extra: ConstructorParameters<typeof TestClient>[0] = {}) =>
  new TestClient({ baseUrl: `${server.url}${base}`, auth: { username: 'u', password: 'secret-pw' }, ...extra });

/** Fails with the given statuses in turn, then answers 200. */
const failThen = (statuses: number[], headers: Record<string, string> = {}) =>
  ((_req, res, hit) => {
    const status = statuses[hit - 1];
    if (status === undefined) return json(res, 200, { hit });
    json(res, status, { error: [`failure ${hit}`] }, headers);
  }) satisfies Parameters<TestServer['route']>[1];

describe('retries', () => {
  it('retries 500, 502 and 503 with exponential backoff and jitter, then succeeds', async () => {
    const base = fresh('5xx');
    server.route(`${base}/x`, failThen([500, 502, 503]));
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const c = client(base, { maxRetries: 3 });
    await expect(c.request(op('/x'), {})).resolves.toEqual({ hit: 4 });
    expect(server.hits(`${base}/x`)).toBe(4);
    expect(c.delays).toEqual([500, 1000, 2000]);
  });

  it('gives up after the default 2 retries with the last error, jitter shortening delays', async () => {
    const base = fresh('exhaust');
    server.route(`${base}/x`, failThen([503, 503, 500, 500]));
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const c = client(base);
    const error = await c.request(op('/x'), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as ApiError).status).toBe(500);
    expect((error as ApiError).errors).toEqual(['failure 3']);
    expect(server.hits(`${base}/x`)).toBe(3);
    expect(c.delays).toEqual([375, 750]);
  });

  it('caps the backoff at 8 s', async () => {
    const base = fresh('cap');
    server.route(`${base}/x`, failThen(Array(7).fill(500)));
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const c = client(base, { maxRetries: 7 });
    await c.request(op('/x'), {});
    expect(c.delays).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('honours maxRetries per client and per call, and retry: false', async () => {
    const base = fresh('max');
    server.route(`${base}/a`, failThen([500, 500, 500]));
    server.route(`${base}/b`, failThen([500, 500, 500]));
    server.route(`${base}/c`, failThen([500, 500, 500]));
    await expect(client(base, { maxRetries: 1 }).request(op('/a'), {})).rejects.toBeInstanceOf(InternalServerError);
    await expect(client(base, { maxRetries: 5 }).request(op('/b'), {}, { maxRetries: 0 })).rejects.toBeInstanceOf(InternalServerError);
    await expect(client(base).request(op('/c'), {}, { retry: false })).rejects.toBeInstanceOf(InternalServerError);
    expect([server.hits(`${base}/a`), server.hits(`${base}/b`), server.hits(`${base}/c`)]).toEqual([2, 1, 1]);
  });

  it('retries 408 and 429 but not 400, 401, 404 or 409', async () => {
    const base = fresh('statuses');
    for (const status of [408, 429, 400, 401, 404, 409]) server.route(`${base}/${status}`, failThen([status]));
    const c = client(base);
    for (const status of [408, 429]) await expect(c.request(op(`/${status}`), {})).resolves.toEqual({ hit: 2 });
    await expect(c.request(op('/401'), {})).rejects.toBeInstanceOf(AuthenticationError);
    await expect(c.request(op('/404'), {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(c.request(op('/409'), {})).rejects.toBeInstanceOf(ConflictError);
    await expect(c.request(op('/400'), {})).rejects.toMatchObject({ name: 'BadRequestError', status: 400 });
    expect([408, 429, 400, 401, 404, 409].map((s) => server.hits(`${base}/${s}`))).toEqual([2, 2, 1, 1, 1, 1]);
  });

  it('does not retry POST or PATCH unless the call opts in', async () => {
    const base = fresh('post');
    server.route(`${base}/post`, failThen([503, 503]));
    server.route(`${base}/patch`, failThen([503]));
    server.route(`${base}/optin`, failThen([503, 502]));
    const c = client(base);
    await expect(c.request(op('/post', { method: 'POST', body: 'fields' }), {})).rejects.toBeInstanceOf(InternalServerError);
    await expect(c.request(op('/patch', { method: 'PATCH', body: 'fields' }), {})).rejects.toBeInstanceOf(InternalServerError);
    await expect(c.request(op('/optin', { method: 'POST', body: 'fields' }), {}, { retry: true })).resolves.toEqual({ hit: 3 });
    expect([server.hits(`${base}/post`), server.hits(`${base}/patch`), server.hits(`${base}/optin`)]).toEqual([1, 1, 3]);
    for (const m of ['PUT', 'DELETE', 'HEAD', 'OPTIONS'] as const) {
      server.route(`${base}/${m}`, failThen([503]));
      await c.request(op(`/${m}`, { method: m }), {});
      expect(server.hits(`${base}/${m}`)).toBe(2);
    }
  });

  it('waits what Retry-After says, in seconds or as an HTTP date', async () => {
    const base = fresh('retry-after');
    server.route(`${base}/seconds`, failThen([429], { 'retry-after': '3' }));
    server.route(`${base}/date`, failThen([503], { 'retry-after': new Date(Date.now() + 5000).toUTCString() }));
    server.route(`${base}/past`, failThen([503], { 'retry-after': new Date(Date.now() - 5000).toUTCString() }));
    server.route(`${base}/junk`, failThen([503], { 'retry-after': 'soon' }));
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const c = client(base);
    for (const path of ['seconds', 'date', 'past', 'junk']) await c.request(op(`/${path}`), {});
    const [seconds, date, past, junk] = c.delays;
    expect(seconds).toBe(3000);
    expect(date).toBeGreaterThan(3000);
    expect(date).toBeLessThanOrEqual(5000);
    expect(past).toBe(0);
    expect(junk).toBe(500);
  });

  it('fails at once when Retry-After asks for more than 60 s', async () => {
    const base = fresh('long');
    server.route(`${base}/x`, failThen([429], { 'retry-after': '3600' }));
    const c = client(base);
    const error = (await c.request(op('/x'), {}).catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.headers?.get('retry-after')).toBe('3600');
    expect(server.hits(`${base}/x`)).toBe(1);
    expect(c.delays).toEqual([]);
  });

  it('retries dropped connections, then throws ApiConnectionError', async () => {
    const base = fresh('drop');
    server.route(`${base}/flaky`, (_req, res, hit, raw) => (hit <= 2 ? raw.socket.destroy() : json(res, 200, { hit })));
    server.route(`${base}/dead`, (_req, _res, _hit, raw) => raw.socket.destroy());
    const c = client(base);
    await expect(c.request(op('/flaky'), {})).resolves.toEqual({ hit: 3 });
    const error = await c.request(op('/dead'), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).not.toBeInstanceOf(ApiTimeoutError);
    expect((error as Error).cause).toBeDefined();
    expect(server.hits(`${base}/flaky`)).toBe(3);
    expect(server.hits(`${base}/dead`)).toBe(3);
  });

  it('reports an HTML 502 page as InternalServerError with a bounded excerpt', async () => {
    const base = fresh('html502');
    const page = `<html><head><title>502 Bad Gateway</title><script>var x = 1;</script></head><body><center><h1>502 Bad Gateway</h1></center><!-- a comment -->${'<p>try again later</p>'.repeat(2000)}<hr><center>nginx</center></body></html>`;
    server.route(`${base}/x`, (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(page);
    });
    const error = (await client(base).request(op('/x'), {}).catch((e: unknown) => e)) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.status).toBe(502);
    const prefix = `502 GET ${base}/x: `;
    expect(error.message.startsWith(`${prefix}502 Bad Gateway 502 Bad Gateway try again later try again later`)).toBe(true);
    expect(error.message.length - prefix.length).toBeLessThanOrEqual(200);
    expect(error.message).toMatch(/…$/);
    expect(error.message).not.toMatch(/[<>]|var x/);
    expect(error.body).toBe(page);
    expect(server.hits(`${base}/x`)).toBe(3);
  });

  it('turns HostBill throttle 401 into ThrottleError after one attempt', async () => {
    const base = fresh('throttle');
    server.route(`${base}/x`, (_req, res) => json(res, 401, { error: [['wait_x_between_action', 24], 'unauthorized'] }));
    const c = client(base, { maxRetries: 5 });
    const error = (await c.request(op('/x'), {}).catch((e: unknown) => e)) as ThrottleError;
    expect(error).toBeInstanceOf(ThrottleError);
    expect(error).not.toBeInstanceOf(AuthenticationError);
    expect(error.waitSeconds).toBe(24);
    expect(error.status).toBe(401);
    expect(error.errors).toEqual(['wait_x_between_action: 24', 'unauthorized']);
    expect(server.hits(`${base}/x`)).toBe(1);
    expect(c.delays).toEqual([]);
    // The throttle body wins over a retriable status.
    server.route(`${base}/y`, (_req, res) => json(res, 429, { error: [['wait_x_between_action', '3']] }));
    await expect(c.request(op('/y'), {})).rejects.toMatchObject({ name: 'ThrottleError', waitSeconds: 3, status: 429 });
    expect(server.hits(`${base}/y`)).toBe(1);
  });
});

describe('timeouts and cancellation', () => {
  /** Never answers; the server closes the socket at shutdown. */
  const hang = () => {};

  it('times out per call and per client with ApiTimeoutError, retrying', async () => {
    const base = fresh('timeout');
    server.route(`${base}/slow`, hang);
    server.route(`${base}/slow2`, hang);
    const perCall = await client(base, { maxRetries: 0 }).request(op('/slow'), {}, { timeout: 30 }).catch((e: unknown) => e);
    expect(perCall).toBeInstanceOf(ApiTimeoutError);
    expect(perCall).toBeInstanceOf(ApiConnectionError);
    expect((perCall as Error).message).toBe(`GET ${base}/slow: timed out after 30 ms`);
    // Long enough that a loaded machine still delivers each attempt to the server before it times out.
    const c = client(base, { timeout: 250, maxRetries: 1 });
    await expect(c.request(op('/slow2'), {})).rejects.toBeInstanceOf(ApiTimeoutError);
    expect(server.hits(`${base}/slow`)).toBe(1);
    expect(server.hits(`${base}/slow2`)).toBe(2);
    expect(c.delays).toHaveLength(1);
  });

  it('times out a body that stalls after the headers', async () => {
    const base = fresh('stall');
    server.route(`${base}/x`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial": ');
    });
    await expect(client(base, { maxRetries: 0, timeout: 40 }).request(op('/x'), {})).rejects.toBeInstanceOf(ApiTimeoutError);
  });

  it('throws ApiAbortError when the caller aborts, and never retries it', async () => {
    const base = fresh('abort');
    server.route(`${base}/slow`, hang);
    const controller = new AbortController();
    const c = client(base, { maxRetries: 3 });
    const pending = c.request(op('/slow'), {}, { signal: controller.signal, timeout: 5000 });
    setTimeout(() => controller.abort(), 20);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiAbortError);
    expect(error).not.toBeInstanceOf(ApiConnectionError);
    expect(server.hits(`${base}/slow`)).toBe(1);
    expect(c.delays).toEqual([]);
  });

  it('sends nothing with an already aborted signal', async () => {
    const base = fresh('preaborted');
    server.route(`${base}/x`, (_req, res) => json(res, 200, {}));
    await expect(client(base).request(op('/x'), {}, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(ApiAbortError);
    expect(server.hits(`${base}/x`)).toBe(0);
  });

  it('stops waiting between retries when the caller aborts', async () => {
    const base = fresh('abort-backoff');
    server.route(`${base}/x`, failThen([503, 503, 503]));
    const controller = new AbortController();
    // The real sleep (no TestClient override): a 500 ms backoff cut short after 10 ms.
    const c = new (class extends TestClient {
      protected override sleep(ms: number, signal?: AbortSignal) {
        this.delays.push(ms);
        return this.realSleep(ms, signal);
      }
    })({ baseUrl: `${server.url}${base}`, onResponse: () => void setTimeout(() => controller.abort(), 10) });
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const started = Date.now();
    await expect(c.request(op('/x'), {}, { signal: controller.signal })).rejects.toBeInstanceOf(ApiAbortError);
    expect(Date.now() - started).toBeLessThan(400);
    expect(c.delays).toEqual([500]);
    expect(server.hits(`${base}/x`)).toBe(1);
  });

  it('sleeps for the given time on fake timers and rejects on abort', async () => {
    vi.useFakeTimers();
    const c = new TestClient({});
    let done = false;
    const sleeping = c.realSleep(1000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(done).toBe(true);
    const controller = new AbortController();
    const aborted = c.realSleep(60_000, controller.signal).catch((e: unknown) => e);
    controller.abort();
    expect(await aborted).toBeInstanceOf(ApiAbortError);
    expect(vi.getTimerCount()).toBe(0);
  });
});

/**
 * Issue 13's runtime points and issue 11's small fixes, end to end against real servers: `api` is
 * the provider, `other` another origin (another port of 127.0.0.1) that must never see a credential.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiAbortError,
  ApiClient,
  type ApiError,
  type ClientOptions,
  NotFoundError,
  RedirectError,
  RedirectLoopError,
  ResponseTooLargeError,
  ThrottleError,
} from '../../templates/runtime/index.ts';
import { jwtSession } from '../../templates/runtime/jwt.ts';
import type { ProviderDefaults } from '../../templates/runtime/types.ts';
import { defaults, fresh, json, makeJwt, op, startServer, TestClient, type TestServer } from './server.ts';

let api: TestServer;
let other: TestServer;
beforeAll(async () => {
  [api, other] = await Promise.all([startServer(), startServer()]);
});
afterAll(() => Promise.all([api.close(), other.close()]));

const redirect = (status: number, location: string) => (_req: unknown, res: Parameters<typeof json>[0]) => {
  res.writeHead(status, { location });
  res.end();
};
const clientOf = (base: string, options: ClientOptions = {}, provider: Partial<ProviderDefaults> = {}) =>
  new TestClient({ baseUrl: `${api.url}${base}`, ...options }, defaults(provider));
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as ApiError);

describe('a redirect to another origin never carries a credential (13.4)', () => {
  it('refuses it by default, with an API key in a header, and sends nothing there', async () => {
    const base = fresh('xo-header');
    const target = fresh('collect');
    api.route(`${base}/x`, redirect(302, `${other.url}${target}`));
    other.route(target, (_req, res) => json(res, 200, { stolen: true }));
    const c = clientOf(base, { auth: { apiKey: 'k-header-secret' } }, { apiKey: { in: 'header', name: 'X-Key' } });
    const error = await failure(c.request(op('/x'), {}));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error?.message).toBe(`GET ${base}/x: 302 redirect to another origin (${other.url}) refused: set baseUrl to the new address, or allowCrossOriginRedirects to follow without credentials`);
    expect(other.hits(target)).toBe(0);
    expect(api.hits(`${base}/x`)).toBe(1); // not retried
  });

  it('when allowed, follows it without the key (header or query), auth headers or cookies', async () => {
    const base = fresh('xo-allowed');
    const target = fresh('land');
    api.route(`${base}/x`, (req, res) => redirect(307, `${other.url}${target}?${req.query}`)(req, res));
    other.route(target, (_req, res) => json(res, 200, { landed: true }));
    const headers = { 'X-Auth-Token': 'tok-secret', Cookie: 'sid=cookie-secret', 'X-Extra': 'kept' };
    const viaQuery = clientOf(base, { auth: { apiKey: 'k-query-secret' }, headers, allowCrossOriginRedirects: true }, { apiKey: { in: 'query', name: 'api_key' } });
    await expect(viaQuery.request(op('/x', { queryParams: ['q'] }), { q: 1 })).resolves.toEqual({ landed: true });
    const viaHeader = clientOf(base, { auth: { apiKey: 'k-header-secret' }, headers, allowCrossOriginRedirects: true }, { apiKey: { in: 'header', name: 'X-Key' } });
    await expect(viaHeader.request(op('/x'), {})).resolves.toEqual({ landed: true });
    const viaCookie = clientOf(base, { auth: { apiKey: 'k-cookie-secret' }, allowCrossOriginRedirects: true }, { apiKey: { in: 'cookie', name: 'SESSIONID' } });
    await expect(viaCookie.request(op('/x'), {})).resolves.toEqual({ landed: true });
    expect(api.requests(`${base}/x`)[2]!.headers.cookie).toBe('SESSIONID=k-cookie-secret');
    expect(JSON.stringify(other.requests(target)[2])).not.toMatch(/secret/);
    const [first, second] = other.requests(target);
    expect(api.requests(`${base}/x`)[0]!.query.get('api_key')).toBe('k-query-secret');
    expect(first!.url).toBe(`${target}?q=1`);
    for (const seen of [first!, second!]) {
      expect(seen.headers['x-extra']).toBe('kept');
      expect(JSON.stringify(seen)).not.toMatch(/secret/);
    }
  });

  it('keeps the credential on a same-origin redirect', async () => {
    const base = fresh('same-origin');
    api.route(`${base}/old`, redirect(301, `${base}/new`));
    api.route(`${base}/new`, (_req, res) => json(res, 200, { moved: true }));
    const c = clientOf(base, { auth: { apiKey: 'k-1' } }, { apiKey: { in: 'header', name: 'X-Key' } });
    await expect(c.request(op('/old'), {})).resolves.toEqual({ moved: true });
    expect(api.requests(`${base}/new`)[0]!.headers['x-key']).toBe('k-1');
  });

  it('303 turns POST into GET without body; 307 keeps method and body', async () => {
    const base = fresh('methods');
    api.route(`${base}/see-other`, redirect(303, `${base}/done`));
    api.route(`${base}/temporary`, redirect(307, `${base}/done`));
    api.route(`${base}/done`, (req, res) => json(res, 200, { method: req.method, body: req.body }));
    const c = clientOf(base, { auth: { username: 'u', password: 'p' } });
    const spec = (path: string) => op(path, { method: 'POST', body: 'fields', bodyParams: ['a'] });
    await expect(c.request(spec('/see-other'), { a: 1 })).resolves.toEqual({ method: 'GET', body: '' });
    await expect(c.request(spec('/temporary'), { a: 1 })).resolves.toEqual({ method: 'POST', body: '{"a":1}' });
    const [asGet, asPost] = api.requests(`${base}/done`);
    expect(asGet!.headers['content-type']).toBeUndefined();
    expect(asPost!.headers.authorization).toBe(`Basic ${btoa('u:p')}`);
  });

  it('a redirect loop is a RedirectLoopError after one pass, not a retried connection error', async () => {
    const base = fresh('loop');
    api.route(`${base}/a`, redirect(302, `${base}/b`));
    api.route(`${base}/b`, redirect(302, `${base}/a`));
    const c = clientOf(base, { maxRetries: 3 });
    const error = await failure(c.request(op('/a'), {}));
    expect(error).toBeInstanceOf(RedirectLoopError);
    expect(error?.message).toBe(`GET ${base}/a: redirect loop back to ${api.url}${base}/a`);
    expect([api.hits(`${base}/a`), api.hits(`${base}/b`)]).toEqual([1, 1]);
    expect(c.delays).toEqual([]);
  });
});

describe('JWT sign-in never follows a redirect to another origin (13.5)', () => {
  const USER = 'jwt-user@example.com';
  const PASS = 'jwt-password-secret';
  const evilLogin = () => {
    const path = fresh('evil-login');
    other.route(path, (_req, res) => json(res, 200, { token: makeJwt('evil', Math.floor(Date.now() / 1000) + 3600), refresh: 'evil-refresh' }));
    return path;
  };
  const jwtClient = (base: string, options: ClientOptions = {}) =>
    new ApiClient({ baseUrl: `${api.url}${base}`, auth: { username: USER, password: PASS, scheme: 'jwt' }, ...options }, defaults({ authSchemes: ['jwt'], jwtSession }));

  it('refuses a 307 from /login to another origin, even with allowCrossOriginRedirects', async () => {
    const base = fresh('jwt-307');
    const login = evilLogin();
    api.route(`${base}/login`, redirect(307, `${other.url}${login}`));
    api.route(`${base}/data`, (_req, res) => json(res, 200, { ok: true }));
    for (const allowCrossOriginRedirects of [false, true]) {
      const error = await failure(jwtClient(base, { allowCrossOriginRedirects }).request(op('/data'), {}));
      expect(error).toBeInstanceOf(RedirectError);
      expect(error?.message).toMatch(/^POST .*\/login: 307 redirect to another origin .* refused: sign-in requests never follow one$/);
    }
    expect(other.hits(login)).toBe(0);
    expect(api.hits(`${base}/data`)).toBe(0);
  });

  it('with a fetch that follows redirects itself, refuses the other origin\'s token', async () => {
    const base = fresh('jwt-follow');
    const login = evilLogin();
    api.route(`${base}/login`, redirect(307, `${other.url}${login}`));
    api.route(`${base}/data`, (_req, res) => json(res, 200, { ok: true }));
    const following: typeof fetch = (input, init) => fetch(input, { ...init, redirect: 'follow' });
    const error = await failure(jwtClient(base, { fetch: following }).request(op('/data'), {}));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error?.message).toContain('fetch followed a redirect to another origin');
    expect(other.hits(login)).toBe(1); // that fetch sent it; what holds is that its answer is not taken
    expect(api.hits(`${base}/data`)).toBe(0);
  });
});

describe('credentials in baseUrl are refused at construction (13.6)', () => {
  it('from the option or from <PREFIX>_BASE_URL, with a message naming `auth` and not the secret', () => {
    const make = () => new ApiClient({ baseUrl: 'http://admin:pw-in-url@127.0.0.1:9/api' }, defaults());
    expect(make).toThrow(/baseUrl must not contain credentials .*`auth`/);
    expect(make).not.toThrow(/pw-in-url|admin/);
    process.env.URLTEST_BASE_URL = 'http://admin:pw-in-url@127.0.0.1:9/api';
    try {
      expect(() => new ApiClient(undefined, defaults({ envPrefix: 'URLTEST' }))).toThrow(/must not contain credentials/);
    } finally {
      delete process.env.URLTEST_BASE_URL;
    }
  });
});

describe('response headers that carry credentials are redacted (13.7)', () => {
  it('in errors (util.inspect too), onError events and logs', async () => {
    const base = fresh('set-cookie');
    const secretHeaders = { 'set-cookie': 'session=cookie-secret; HttpOnly', 'x-auth-token': 'token-secret', 'x-request-id': 'req-1' };
    api.route(`${base}/missing`, (_req, res) => json(res, 404, { error: ['not found'] }, secretHeaders));
    api.route(`${base}/throttled`, (_req, res) => json(res, 401, { error: [['wait_x_between_action', 5]] }, secretHeaders));
    api.route(`${base}/envelope`, (_req, res) => json(res, 200, { error: ['invalid method'] }, secretHeaders));
    const seen: ApiError[] = [];
    const lines: string[] = [];
    const log = (line: string) => void lines.push(line);
    const c = clientOf(base, { onError: (e) => seen.push(e), logger: { debug: log, info: log, warn: log, error: log }, logLevel: 'debug' });
    const errors = [await failure(c.request(op('/missing'), {})), await failure(c.request(op('/throttled'), {})), await failure(c.request(op('/envelope'), {}))];
    expect(errors[0]).toBeInstanceOf(NotFoundError);
    expect(errors[1]).toBeInstanceOf(ThrottleError);
    expect(errors[2]?.status).toBe(200);
    expect(seen).toEqual(errors);
    for (const error of errors) {
      expect(error?.headers?.get('set-cookie')).toBe('***');
      expect(error?.headers?.get('x-request-id')).toBe('req-1');
      expect(inspect(error, { depth: 10 })).not.toMatch(/cookie-secret|token-secret/);
    }
    expect(lines.join('\n')).not.toMatch(/secret/);
  });
});

describe('response size limit (15)', () => {
  /** Streams `total` bytes of JSON-ish text in 64 KiB chunks, without Content-Length. */
  const streamBytes = (total: number) => (_req: unknown, res: Parameters<typeof json>[0]) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.byteLength;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end('1');
    };
    pump();
  };

  it('stops a streamed body past maxResponseBytes with its own error, not retried; a call may raise the limit', async () => {
    const base = fresh('big');
    api.route(`${base}/big`, streamBytes(3 * 1024 * 1024));
    const c = clientOf(base, { maxResponseBytes: 1024 * 1024 });
    const error = (await failure(c.request(op('/big'), {}))) as ResponseTooLargeError;
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.limit).toBe(1024 * 1024);
    expect(error.status).toBe(200);
    expect(error.message).toMatch(new RegExp(`^GET ${base}/big: response body past \\d+ bytes is over maxResponseBytes \\(1048576\\)`));
    expect(api.hits(`${base}/big`)).toBe(1);
    await expect(c.request(op('/big'), {}, { maxResponseBytes: 4 * 1024 * 1024 })).resolves.toBe(1);
  });

  it('refuses a declared Content-Length over the default 50 MiB before reading it', async () => {
    const base = fresh('declared');
    api.route(`${base}/huge`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024) });
      res.write('['); // and never the rest: the client must not wait for it
    });
    const error = (await failure(clientOf(base).request(op('/huge'), {}))) as ResponseTooLargeError;
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.limit).toBe(50 * 1024 * 1024);
    expect(error.message).toContain(`of ${100 * 1024 * 1024} bytes`);
  });
});

describe('small fixes (11)', () => {
  it('an abort names the call as a timeout does, during a request and during a backoff', async () => {
    const base = fresh('abort-label');
    api.route(`${base}/slow`, () => {});
    api.route(`${base}/busy`, (_req, res) => json(res, 503, { error: ['busy'] }, { 'retry-after': '30' }));
    const controller = new AbortController();
    const pending = new ApiClient({ baseUrl: `${api.url}${base}` }, defaults()).request(op('/slow', { queryParams: ['q'] }), { q: 'secret-q' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const during = await failure(pending);
    expect(during).toBeInstanceOf(ApiAbortError);
    expect(during?.message).toBe(`GET ${base}/slow: aborted`);
    const backoff = new AbortController();
    const waiting = new ApiClient({ baseUrl: `${api.url}${base}`, onResponse: () => void setTimeout(() => backoff.abort(), 10) }, defaults()).request(op('/busy'), {}, { signal: backoff.signal });
    expect((await failure(waiting))?.message).toBe(`GET ${base}/busy: aborted`);
  });

  it('auth.scheme jwt on a Basic-only provider fails with a message for the user', () => {
    const make = () => new ApiClient({ auth: { username: 'u', password: 'p', scheme: 'jwt' } }, defaults({ authSchemes: ['basic'] }));
    expect(make).toThrow("auth.scheme 'jwt' is not offered by this API (it offers basic): leave scheme out to sign in with Basic auth");
  });
});

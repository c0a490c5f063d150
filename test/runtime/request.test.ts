import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiClient,
  ApiError,
  InvalidResponseError,
  NotFoundError,
  type RequestEvent,
  type ResponseEvent,
} from '../../templates/runtime/index.ts';
import { defaults, fresh, json, op, startServer, type TestServer } from './server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const basicAuth = { username: 'user@example.com', password: 'pässwörd€:x' };
const client = (base: string, extra: ConstructorParameters<typeof ApiClient>[0] = {}) =>
  new ApiClient({ baseUrl: `${server.url}${base}`, auth: basicAuth, ...extra }, defaults());

describe('requests', () => {
  it('a generic API (no query style given) gets OpenAPI form style: a list repeats its name, booleans true/false', async () => {
    const base = fresh('form');
    server.route(`${base}/items`, (_req, res) => json(res, 200, {}));
    await client(base, {}).request(op('/items', { queryParams: ['tag', 'all'] }), { tag: ['a', 'b c'], all: false });
    const generic = new ApiClient({ baseUrl: `${server.url}${base}`, auth: basicAuth }, defaults({ rules: undefined, query: undefined }));
    await generic.request(op('/items', { queryParams: ['tag', 'all'] }), { tag: ['a', 'b c'], all: false });
    const [php, form] = server.requests(`${base}/items`);
    expect([...php!.query]).toEqual([['tag[]', 'a'], ['tag[]', 'b c'], ['all', '0']]);
    expect([...form!.query]).toEqual([['tag', 'a'], ['tag', 'b c'], ['all', 'false']]);
  });

  it('sends method, path, query, JSON body and Basic auth', async () => {
    const base = fresh('send');
    server.route(`${base}/service/42/dns`, (_req, res) => json(res, 200, { ok: true }));
    const spec = op('/service/{service_id}/dns', {
      method: 'POST',
      pathParams: ['service_id'],
      queryParams: ['ids', 'filter', 'flag', 'off', 'skip', 'nothing', 'rows'],
      bodyParams: ['name', 'ttl', 'absent'],
      body: 'fields',
    });
    const data = await client(base).request<{ ok: boolean }>(spec, {
      service_id: 42,
      ids: [1, 'b c'],
      filter: { status: 'active', tags: ['x'] },
      flag: true,
      off: false,
      skip: undefined,
      nothing: null,
      rows: [{ id: 1 }, { id: 2 }],
      name: 'example.com',
      ttl: 3600,
      absent: undefined,
    });
    expect(data).toEqual({ ok: true });
    const [req] = server.requests(`${base}/service/42/dns`);
    expect(req!.method).toBe('POST');
    expect([...req!.query]).toEqual([
      ['ids[]', '1'],
      ['ids[]', 'b c'],
      ['filter[status]', 'active'],
      ['filter[tags][]', 'x'],
      ['flag', '1'],
      ['off', '0'],
      ['rows[0][id]', '1'],
      ['rows[1][id]', '2'],
    ]);
    expect(req!.headers['content-type']).toBe('application/json');
    expect(req!.headers.accept).toBe('application/json');
    expect(JSON.parse(req!.body)).toEqual({ name: 'example.com', ttl: 3600 });
    const expected = Buffer.from(`${basicAuth.username}:${basicAuth.password}`, 'utf8').toString('base64');
    expect(req!.headers.authorization).toBe(`Basic ${expected}`);
  });

  it('sends {} for a fields body with nothing set, the whole body as JSON, and no body for none', async () => {
    const base = fresh('bodies');
    server.route(`${base}/x`, (_req, res) => json(res, 200, {}));
    const c = client(base);
    await c.request(op('/x', { method: 'PUT', body: 'fields', bodyParams: ['a'] }), {});
    await c.request(op('/x', { method: 'POST', body: 'whole' }), { body: [{ id: 1 }] });
    await c.request(op('/x', { method: 'DELETE', body: 'none', queryParams: ['id'] }), { id: 7 });
    const [fields, whole, none] = server.requests(`${base}/x`);
    expect(fields!.body).toBe('{}');
    expect(fields!.headers['content-type']).toBe('application/json');
    expect(whole!.body).toBe('[{"id":1}]');
    expect(none!.body).toBe('');
    expect(none!.headers['content-type']).toBeUndefined();
    expect(none!.url).toBe(`${base}/x?id=7`);
  });

  it('encodes path parameters so they cannot change the path', async () => {
    const base = fresh('paths');
    const c = client(base);
    const spec = op('/service/{a}/dns/{b}', { pathParams: ['a', 'b'] });
    await expect(c.request(spec, { a: '../x', b: 'a/b?c' })).rejects.toBeInstanceOf(NotFoundError);
    const [req] = server.requests(`${base}/service/..%2Fx/dns/a%2Fb%3Fc`);
    expect(req!.url).toBe(`${base}/service/..%2Fx/dns/a%2Fb%3Fc`);
    expect(server.requests(`${base}/service/..%2Fx/dns/a%2Fb%3Fc`)).toHaveLength(1);
  });

  it('rejects missing and dot-segment path parameters before any request', async () => {
    const base = fresh('missing');
    const c = client(base);
    const spec = op('/service/{id}/x', { pathParams: ['id'] });
    for (const id of [undefined, null, '', '.', '..']) {
      const error = await c.request(spec, { id }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).message).toContain('"id"');
    }
    await expect(c.request(spec, undefined)).rejects.toThrow(/path parameter "id"/);
    expect(server.requests(`${base}/service/x`)).toHaveLength(0);
    expect(server.requests(`${base}/x`)).toHaveLength(0);
  });

  it('joins base URL and path with exactly one slash', async () => {
    const base = fresh('join');
    server.route(`${base}/api/ping`, (_req, res) => json(res, 200, { pong: 1 }));
    for (const [b, p] of [
      [`${base}/api/`, 'ping'],
      [`${base}/api//`, '/ping'],
      [`${base}/api`, '/ping'],
      [`${base}/api`, 'ping'],
    ] as const) {
      await expect(client(b).request(op(p), {})).resolves.toEqual({ pong: 1 });
    }
    expect(server.hits(`${base}/api/ping`)).toBe(4);
  });

  it('sends no credentials for auth: false operations, even client-wide Authorization', async () => {
    const base = fresh('noauth');
    server.route(`${base}/public`, (_req, res) => json(res, 200, {}));
    await client(base, { headers: { Authorization: 'Bearer client-wide', 'X-Extra': '1' } }).request(op('/public', { auth: false }), {});
    const [req] = server.requests(`${base}/public`);
    expect(req!.headers.authorization).toBeUndefined();
    expect(req!.headers['x-extra']).toBe('1');
  });

  it('sends an API key the document puts in a cookie as that cookie, and hides it from hooks', async () => {
    const base = fresh('cookie-key');
    server.route(`${base}/x`, (_req, res) => json(res, 200, {}));
    const events: RequestEvent[] = [];
    await new ApiClient({ baseUrl: `${server.url}${base}`, auth: { apiKey: 'k-cookie' }, onRequest: (e) => events.push(e) }, defaults({ apiKey: { in: 'cookie', name: 'SESSIONID' } })).request(op('/x'), {});
    expect(server.requests(`${base}/x`)[0]!.headers.cookie).toBe('SESSIONID=k-cookie');
    expect(JSON.stringify(events)).not.toContain('k-cookie');
  });

  it('supports bearer tokens, API keys in header or query, and per-call headers', async () => {
    const base = fresh('schemes');
    server.route(`${base}/x`, (_req, res) => json(res, 200, {}));
    const baseUrl = `${server.url}${base}`;
    await new ApiClient({ baseUrl, auth: { token: 'tok-1' } }, defaults()).request(op('/x'), {}, { headers: { 'X-Call': 'yes' } });
    await new ApiClient({ baseUrl, auth: { apiKey: 'k-1' } }, defaults({ apiKey: { in: 'header', name: 'X-Key' } })).request(op('/x'), {});
    const events: RequestEvent[] = [];
    await new ApiClient(
      { baseUrl, auth: { apiKey: 'k-2' }, onRequest: (e) => events.push(e) },
      defaults({ apiKey: { in: 'query', name: 'api_key' } }),
    ).request(op('/x', { queryParams: ['q'] }), { q: 1 });
    const [bearer, header, query] = server.requests(`${base}/x`);
    expect(bearer!.headers.authorization).toBe('Bearer tok-1');
    expect(bearer!.headers['x-call']).toBe('yes');
    expect(header!.headers['x-key']).toBe('k-1');
    expect(header!.headers.authorization).toBeUndefined();
    expect(query!.query.get('api_key')).toBe('k-2');
    expect(events[0]!.url).not.toContain('k-2');
    expect(events[0]!.url).toContain('api_key=***');
  });

  it('reads credentials and base URL from the environment when none are given', async () => {
    const base = fresh('env');
    server.route(`${base}/x`, (_req, res) => json(res, 200, {}));
    const env = process.env;
    env.ENVTEST_USERNAME = 'env-user';
    env.ENVTEST_PASSWORD = 'env-pass';
    env.ENVTEST_BASE_URL = `${server.url}${base}`;
    try {
      await new ApiClient(undefined, defaults({ envPrefix: 'ENVTEST' })).request(op('/x'), {});
    } finally {
      delete env.ENVTEST_USERNAME;
      delete env.ENVTEST_PASSWORD;
      delete env.ENVTEST_BASE_URL;
    }
    expect(server.requests(`${base}/x`)[0]!.headers.authorization).toBe(`Basic ${btoa('env-user:env-pass')}`);
  });

  it('calls hooks with redacted headers and logs at debug without secrets', async () => {
    const base = fresh('hooks');
    server.route(`${base}/x`, (_req, res) => json(res, 200, {}));
    server.route(`${base}/missing`, (_req, res) => json(res, 404, { error: ['not found'] }));
    const requests: RequestEvent[] = [];
    const responses: ResponseEvent[] = [];
    const errors: ApiError[] = [];
    const lines: string[] = [];
    const log = (line: string) => void lines.push(line);
    const c = client(base, {
      onRequest: (e) => requests.push(e),
      onResponse: (e) => responses.push(e),
      onError: (e) => errors.push(e),
      logger: { debug: log, info: log, warn: log, error: log },
      logLevel: 'debug',
    });
    await c.request(op('/x', { name: 'getX' }), {});
    await expect(c.request(op('/missing'), {})).rejects.toBeInstanceOf(NotFoundError);
    expect(requests[0]).toMatchObject({ operation: 'getX', method: 'GET', url: `${server.url}${base}/x`, attempt: 1 });
    expect(requests[0]!.headers.authorization).toBe('***');
    expect(responses[0]).toMatchObject({ status: 200, attempt: 1 });
    expect(responses[0]!.durationMs).toBeGreaterThanOrEqual(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.status).toBe(404);
    expect(lines[0]).toMatch(new RegExp(`^GET ${server.url}${base}/x \\(attempt 1\\) -> 200 in \\d+ ms$`));
    expect(lines.join('\n')).not.toMatch(/Basic|pässwörd|user@example.com:/);
  });

  it('gives status and headers with withResponse, and the unread response with asResponse', async () => {
    const base = fresh('raw');
    server.route(`${base}/x`, (_req, res) => json(res, 201, { id: 5 }, { 'x-request-id': 'abc' }));
    const c = client(base);
    const { data, response } = await c.request<{ id: number }>(op('/x'), {}).withResponse();
    expect(data).toEqual({ id: 5 });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe('abc');
    const raw = await c.request(op('/x'), {}).asResponse();
    expect(raw.bodyUsed).toBe(false);
    expect(await raw.json()).toEqual({ id: 5 });
    expect(server.hits(`${base}/x`)).toBe(2);
  });
});

describe('responses', () => {
  it('resolves a Blob for binary operations and for non-JSON content types', async () => {
    const base = fresh('binary');
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    server.route(`${base}/file`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(bytes);
    });
    const c = client(base);
    for (const response of ['binary', 'json'] as const) {
      const blob = await c.request<Blob>(op('/file', { response }), {});
      expect(blob).toBeInstanceOf(Blob);
      expect(blob.type).toBe('application/pdf');
      expect(Buffer.from(await blob.arrayBuffer())).toEqual(bytes);
    }
    expect(server.requests(`${base}/file`)[0]!.headers.accept).not.toContain('json');
  });

  it('resolves undefined for an empty body and parses JSON sent as text/html', async () => {
    const base = fresh('lenient');
    server.route(`${base}/empty`, (_req, res) => res.writeHead(204).end());
    server.route(`${base}/php`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' });
      res.end(' {"servers":[1]}');
    });
    const c = client(base);
    await expect(c.request(op('/empty', { method: 'DELETE' }), {})).resolves.toBeUndefined();
    await expect(c.request(op('/php'), {})).resolves.toEqual({ servers: [1] });
  });

  it('rejects an HTML page with InvalidResponseError quoting a bounded excerpt', async () => {
    const base = fresh('html');
    server.route(`${base}/page`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html><head><style>body{color:red}</style><title>Maintenance</title></head><body>${'<p>down for maintenance</p>'.repeat(500)}</body></html>`);
    });
    const error = await client(base).request(op('/page'), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    const { message, status } = error as InvalidResponseError;
    expect(status).toBe(200);
    expect(message).toContain('Maintenance down for maintenance');
    expect(message).not.toContain('color:red');
    const quoted = message.slice(message.indexOf('got HTML: ') + 'got HTML: '.length);
    expect(quoted.length).toBeLessThanOrEqual(200);
  });

  it('rejects malformed JSON with InvalidResponseError', async () => {
    const base = fresh('malformed');
    server.route(`${base}/bad`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"servers": [1, 2');
    });
    const error = await client(base).request(op('/bad'), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain('malformed JSON: {"servers": [1, 2');
  });

  it('turns a 2xx HostBill body with error into a plain ApiError with status 200', async () => {
    const base = fresh('error200');
    server.route(`${base}/x`, (_req, res) => json(res, 200, { error: ['invalid method', ['field_required', 'name']] }));
    server.route(`${base}/ok`, (_req, res) => json(res, 200, { error: [], success: true }));
    const c = client(base);
    const error = (await c.request(op('/x'), {}).catch((e: unknown) => e)) as ApiError;
    expect(error.constructor).toBe(ApiError);
    expect(error.status).toBe(200);
    expect(error.errors).toEqual(['invalid method', 'field_required: name']);
    expect(error.message).toContain('invalid method; field_required: name');
    await expect(c.request(op('/ok'), {})).resolves.toEqual({ error: [], success: true });
    const plain = new ApiClient({ baseUrl: `${server.url}${base}` }, defaults({ rules: undefined }));
    await expect(plain.request(op('/x'), {})).resolves.toMatchObject({ error: ['invalid method', ['field_required', 'name']] });
  });

  it('parses a huge JSON body and bounds the message of a huge error page', async () => {
    const base = fresh('huge');
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ id: i, name: `server-${i}` }));
    server.route(`${base}/big`, (_req, res) => json(res, 200, rows));
    server.route(`${base}/bigerr`, (_req, res) => {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('x'.repeat(5_000_000));
    });
    const c = client(base);
    const data = await c.request<unknown[]>(op('/big'), {});
    expect(data).toHaveLength(100_000);
    const error = (await c.request(op('/bigerr'), {}).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(400);
    expect(error.message.length).toBeLessThan(300);
  });
});

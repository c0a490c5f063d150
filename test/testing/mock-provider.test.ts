import { beforeAll, describe, expect, it } from 'vitest';
import { listProviders } from '../../generator/config/load-provider.ts';
import { buildTestingCatalog } from '../../generator/render/testing-data.ts';
import { workspace } from '../../generator/workspace.ts';
import { dnsShape } from '../../templates/testing/dns.ts';
import { sampleParams } from '../helpers/sample-params.ts';
import { ROOT } from '../helpers/workspace.ts';
import { call, loadKit, type LoadedKit } from './kit-client.ts';

const providers = await listProviders(workspace(ROOT).specsDir);
const BASIC = { username: 'user@example.com', password: 'secret' };
const JWT_ROUTE = /^POST \/(login|token|revoke|logout)$/;

const kits = new Map<string, LoadedKit>();
beforeAll(async () => {
  for (const id of providers) kits.set(id, await loadKit(id));
});
const kit = (id: string) => kits.get(id) as LoadedKit;

describe.each(providers)('the mock of %s', (id) => {
  it('answers every operation that has a documented example with it, and accepts every sample call', async () => {
    const k = kit(id);
    const catalog = buildTestingCatalog(k.model, k.doc);
    const mock = k.createMockProvider({ credentials: BASIC });
    const client = k.client({ auth: BASIC, fetch: mock.fetch });
    const wrong: string[] = [];
    let documented = 0;
    for (const op of Object.values(k.operations)) {
      const route = `${op.method} ${op.path}`;
      if (JWT_ROUTE.test(route)) continue; // the JWT flow has its own tests
      const rules = catalog.operations[route];
      const result = await call(k, client, route, sampleParams(k.doc, op), { retry: false }).catch((e: Error) => e);
      if (result instanceof Error) {
        // The DNS state answers 404 for the sample ids (no such zone); anything else is a refusal.
        if (!(dnsShape(op) && (result as { status?: number }).status === 404)) wrong.push(`${route}: ${result.message}`);
      } else if (op.response === 'binary') {
        if (!(result instanceof Blob) || result.type !== (rules?.contentType ?? 'application/octet-stream')) wrong.push(`${route}: not a file`);
      } else if (rules?.documented && !dnsShape(op)) {
        documented++;
        if (JSON.stringify(result) !== JSON.stringify(rules.answer)) wrong.push(`${route}: answered ${JSON.stringify(result).slice(0, 80)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(documented).toBeGreaterThan(0);
    expect(mock.calls.every((c) => c.operation !== undefined && [undefined, '***'].includes(c.headers['authorization']))).toBe(true);
    expect(JSON.stringify(mock.calls)).not.toContain(btoa(`${BASIC.username}:${BASIC.password}`));
  });

  it('runs an ACME-style DNS flow against state: list zones, add a TXT record, read it, delete it', async () => {
    const k = kit(id);
    const mock = k.createMockProvider();
    const client = k.client({ auth: BASIC, fetch: mock.fetch });
    const listed = (await call(k, client, 'GET /dns')) as { zones: { domain_id: string; service_id: string; name: string }[] };
    const zone = listed.zones[0]!;
    const ids = { service_id: Number(zone.service_id), zone_id: Number(zone.domain_id) };
    const added = (await call(k, client, 'POST /service/{service_id}/dns/{zone_id}/records', { ...ids, name: '_acme-challenge', type: 'TXT', content: 'token-1', ttl: 60 })) as {
      record: { id: string };
    };
    const records = async () => {
      if (!k.find('GET /service/{service_id}/dns/{zone_id}')) return undefined; // BKNS documents no zone read
      const read = (await call(k, client, 'GET /service/{service_id}/dns/{zone_id}', ids)) as { records: { id: string; type: string; content: unknown }[] };
      return read.records.filter((r) => r.type === 'TXT').map((r) => r.content);
    };
    expect(await records()).toEqual(k.find('GET /service/{service_id}/dns/{zone_id}') ? ['token-1'] : undefined);
    await call(k, client, 'PUT /service/{service_id}/dns/{zone_id}/records/{record_id}', { ...ids, record_id: Number(added.record.id), content: 'token-2' });
    expect(await records()).toEqual(k.find('GET /service/{service_id}/dns/{zone_id}') ? ['token-2'] : undefined);
    await call(k, client, 'DELETE /service/{service_id}/dns/{zone_id}/records/{record_id}', { ...ids, record_id: Number(added.record.id) });
    expect(await records()).toEqual(k.find('GET /service/{service_id}/dns/{zone_id}') ? [] : undefined);
    await expect(call(k, client, 'DELETE /service/{service_id}/dns/{zone_id}/records/{record_id}', { ...ids, record_id: Number(added.record.id) })).rejects.toBeInstanceOf(k.runtime['NotFoundError']);
  });
});

describe('DNS state', () => {
  it('adds a zone that the zone list then shows, and removes it', async () => {
    const k = kit('dns-services');
    const mock = k.createMockProvider({ dns: [{ service_id: 7, zone_id: 70, name: 'seeded.test', records: [{ name: 'www', type: 'A', content: '192.0.2.1' }] }] });
    const client = k.client({ auth: BASIC, fetch: mock.fetch });
    const names = async () => ((await call(k, client, 'GET /dns')) as { zones: { name: string }[] }).zones.map((z) => z.name);
    expect(await names()).toEqual(['seeded.test']);
    const created = (await call(k, client, 'POST /service/{service_id}/dns', { service_id: 7, name: 'new.test' })) as { zone: { domain_id: string } };
    expect(await names()).toEqual(['seeded.test', 'new.test']);
    const zone = (await call(k, client, 'GET /service/{service_id}/dns/{zone_id}', { service_id: 7, zone_id: 70 })) as { records: unknown[] };
    expect(zone.records).toEqual([{ id: '1', name: 'www', type: 'A', content: '192.0.2.1' }]);
    await call(k, client, 'DELETE /service/{service_id}/dns/{zone_id}', { service_id: 7, zone_id: Number(created.zone.domain_id) });
    expect(await names()).toEqual(['seeded.test']);
    await expect(call(k, client, 'GET /service/{service_id}/dns/{zone_id}', { service_id: 8, zone_id: 70 })).rejects.toMatchObject({ status: 404 });
  });
});

describe('checks', () => {
  it('refuses a value outside an enum the way HostBill does, naming it', async () => {
    const k = kit('time4vps');
    const mock = k.createMockProvider();
    const client = k.client({ auth: BASIC, fetch: mock.fetch });
    const error = (await call(k, client, 'PUT /details', { type: 'Other' }).catch((e: unknown) => e)) as { status: number; body: unknown; errors: string[] };
    expect(error).toBeInstanceOf(k.runtime['BadRequestError']);
    expect(error.body).toEqual({ error: ['type: "Other" is not one of "Private", "Company"'] });
    expect(mock.calls[0]).toMatchObject({ status: 400, params: { type: 'Other' } });
  });

  it('refuses a value that breaks a pattern, and a path id that is no integer', async () => {
    const k = kit('brainoza');
    const client = k.client({ auth: BASIC, fetch: k.createMockProvider().fetch });
    await expect(call(k, client, 'PUT /details', { firstname: 'R2-D2' })).rejects.toMatchObject({ status: 400, errors: ['firstname: "R2-D2" does not match the pattern ^[A-Za-z]+$'] });
    await expect(call(k, client, 'GET /service/{service_id}/dns/{zone_id}', { service_id: 'ten', zone_id: 1 })).rejects.toMatchObject({
      status: 400,
      errors: ['service_id: expected integer, got "ten"'],
    });
  });

  it('refuses a JSON body field of the wrong type', async () => {
    const k = kit('dns-services');
    const client = k.client({ auth: BASIC, fetch: k.createMockProvider().fetch });
    await expect(call(k, client, 'POST /service/{service_id}/dns/{zone_id}/records', { service_id: 10, zone_id: 60, name: 'x', type: 'A', ttl: '3600' })).rejects.toMatchObject({
      status: 400,
      errors: ['ttl: expected integer, got "3600"'],
    });
  });

  it('checks Basic credentials against the configured account, and wants some', async () => {
    const k = kit('time4vps');
    const mock = k.createMockProvider({ credentials: BASIC });
    const wrong = k.client({ auth: { ...BASIC, password: 'guess' }, fetch: mock.fetch });
    await expect(call(k, wrong, 'GET /details')).rejects.toMatchObject({ status: 401, errors: ['wronglogin'] });
    const none = k.client({ fetch: mock.fetch });
    await expect(call(k, none, 'GET /details')).rejects.toMatchObject({ status: 401, errors: ['unauthorized'] });
    expect(JSON.stringify(mock.calls)).not.toContain('guess');
  });

  it('says "invalid method" for a route the API does not have', async () => {
    const mock = kit('time4vps').createMockProvider();
    const response = await mock.fetch('https://billing.time4vps.com/api/no/such/route');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: ['invalid method'] });
  });
});

describe('overrides', () => {
  const k = () => kit('dns-services');
  const balance = 'GET /balance';
  const name = () => `${k().find(balance)!.group}.${k().find(balance)!.name}`;

  it('answer with given data, by the name the client spells, a given number of times', async () => {
    const mock = k().createMockProvider();
    const client = k().client({ auth: BASIC, fetch: mock.fetch });
    mock.on(name(), { data: { success: true, details: { acc_balance: '1.00' } }, times: 1 });
    expect(await call(k(), client, balance)).toEqual({ success: true, details: { acc_balance: '1.00' } });
    expect(await call(k(), client, balance)).toMatchObject({ details: { acc_balance: '123456.55' } });
    expect(() => mock.on('dns.noSuchMethod', { data: 1 })).toThrow(/no operation "dns.noSuchMethod"/);
  });

  it('answer with an HTTP error, HostBill error entries (even with 200) or the throttle', async () => {
    const mock = k().createMockProvider();
    const client = k().client({ auth: BASIC, fetch: mock.fetch });
    mock.on(name(), { status: 503 });
    await expect(call(k(), client, balance)).rejects.toBeInstanceOf(k().runtime['InternalServerError']);
    mock.on(name(), { errors: ['invalid zone'], status: 200 });
    await expect(call(k(), client, balance)).rejects.toMatchObject({ status: 200, errors: ['invalid zone'] });
    mock.on(name(), { throttle: 24 });
    await expect(call(k(), client, balance)).rejects.toMatchObject({ name: 'ThrottleError', status: 401, waitSeconds: 24 });
    mock.off(name());
    await expect(call(k(), client, balance)).resolves.toMatchObject({ success: true });
  });

  it('delay an answer (the client times out) and drop the connection', async () => {
    const mock = k().createMockProvider();
    const client = k().client({ auth: BASIC, fetch: mock.fetch, timeout: 20 });
    mock.on(name(), { delay: 60_000 });
    await expect(call(k(), client, balance)).rejects.toBeInstanceOf(k().runtime['ApiTimeoutError']);
    mock.on(name(), { drop: true });
    const dropped = await call(k(), client, balance).catch((e: Error) => e);
    expect(dropped).toBeInstanceOf(k().runtime['ApiConnectionError']);
    expect(dropped).not.toBeInstanceOf(k().runtime['ApiTimeoutError']);
    expect(mock.calls.map((c) => c.status)).toEqual([0, 0]);
  });

  it('count only the requests they answered, and let a delay alone slow the usual answer', async () => {
    const mock = k().createMockProvider({ credentials: BASIC });
    mock.on(name(), { throttle: 5, times: 1 });
    const wrong = k().client({ auth: { ...BASIC, password: 'guess' }, fetch: mock.fetch });
    await expect(call(k(), wrong, balance)).rejects.toMatchObject({ errors: ['wronglogin'] });
    const client = k().client({ auth: BASIC, fetch: mock.fetch });
    await expect(call(k(), client, balance)).rejects.toMatchObject({ waitSeconds: 5 });
    mock.on(name(), { delay: 1 });
    await expect(call(k(), client, balance)).resolves.toMatchObject({ success: true });
  });

  it('decide per request with a function that sees the call', async () => {
    const mock = k().createMockProvider();
    const client = k().client({ auth: BASIC, fetch: mock.fetch });
    const route = 'POST /service/{service_id}/dns/{zone_id}/records';
    const op = k().find(route)!;
    mock.on(`${op.group}.${op.name}`, (seen) => (seen.params['type'] === 'TXT' ? { errors: [['wait_x_between_action', 3]], status: 401 } : undefined));
    await expect(call(k(), client, route, { service_id: 10, zone_id: 60, name: 'a', type: 'TXT', content: 'x' })).rejects.toMatchObject({ waitSeconds: 3 });
    await expect(call(k(), client, route, { service_id: 10, zone_id: 60, name: 'a', type: 'A', content: '192.0.2.1' })).resolves.toMatchObject({ record: { type: 'A' } });
  });

  it('page through a list the test provides', async () => {
    const mock = k().createMockProvider();
    const client = k().client({ auth: BASIC, fetch: mock.fetch });
    const op = k().find('GET /invoice')!;
    const items = Array.from({ length: 25 }, (_, i) => ({ id: String(i + 1) }));
    mock.on(`${op.group}.${op.name}`, { pages: { items, pageSize: 10 } });
    const pages: { invoices: { id: string }[]; page: { current: number; total: number } }[] = [];
    for await (const page of client.paginate(op, {})) pages.push(page as (typeof pages)[number]);
    expect(pages.map((p) => p.page)).toEqual([{ current: 1, total: 3 }, { current: 2, total: 3 }, { current: 3, total: 3 }]);
    expect(pages.flatMap((p) => p.invoices)).toEqual(items);
    expect(mock.calls.map((c) => new URL(c.url).searchParams.get('page'))).toEqual([null, '2', '3']);
  });
});

describe('JWT', () => {
  const k = () => kit('dns-services');
  const post = async (mock: ReturnType<LoadedKit['createMockProvider']>, route: string, body: object, bearer?: string) => {
    const response = await mock.fetch(`https://dns.services/api${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { token: string; refresh: string; error?: unknown } };
  };
  const get = async (mock: ReturnType<LoadedKit['createMockProvider']>, bearer: string) =>
    (await mock.fetch('https://dns.services/api/details', { headers: { authorization: `Bearer ${bearer}` } })).status;
  const claims = (token: string) => JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp: number; sub: string };

  it('logs in with the configured account and hands out a token with an exp', async () => {
    const now = 1_700_000_000_000;
    const mock = k().createMockProvider({ credentials: BASIC, now: () => now, tokenLifetime: 600 });
    expect(await post(mock, '/login', { username: BASIC.username, password: 'guess' })).toEqual({ status: 401, body: { error: ['wronglogin'] } });
    const { body } = await post(mock, '/login', { username: BASIC.username, password: BASIC.password });
    expect(claims(body.token)).toMatchObject({ sub: BASIC.username, exp: now / 1000 + 600 });
    expect(await get(mock, body.token)).toBe(200);
  });

  it('rotates on refresh: the old refresh token and access token stop working', async () => {
    const mock = k().createMockProvider({ credentials: BASIC });
    const first = (await post(mock, '/login', BASIC)).body;
    const second = await post(mock, '/token', { refresh_token: first.refresh });
    expect(second.status).toBe(200);
    expect(second.body.refresh).not.toBe(first.refresh);
    expect((await post(mock, '/token', { refresh_token: first.refresh })).status).toBe(401);
    expect(await get(mock, first.token)).toBe(401);
    expect(await get(mock, second.body.token)).toBe(200);
  });

  it('revoke ends both tokens, logout the access token', async () => {
    const mock = k().createMockProvider({ credentials: BASIC });
    const a = (await post(mock, '/login', BASIC)).body;
    expect((await post(mock, '/revoke', { refresh_token: a.refresh })).status).toBe(200);
    expect(await get(mock, a.token)).toBe(401);
    expect((await post(mock, '/token', { refresh_token: a.refresh })).status).toBe(401);
    const b = (await post(mock, '/login', BASIC)).body;
    expect((await post(mock, '/logout', {}, b.token)).status).toBe(200);
    expect(await get(mock, b.token)).toBe(401);
  });

  it("runs a client using scheme: 'jwt' offline: an expired token is refreshed and the call replayed", async () => {
    let now = Date.now();
    const mock = k().createMockProvider({ credentials: BASIC, now: () => now, tokenLifetime: 3600 });
    const client = k().client({ auth: { ...BASIC, scheme: 'jwt' }, fetch: mock.fetch });
    await call(k(), client, 'GET /balance');
    now += 2 * 3600 * 1000; // the mock's clock passes the token's exp; the client's does not
    await expect(call(k(), client, 'GET /balance')).resolves.toMatchObject({ success: true });
    await client.logout();
    const route = (c: (typeof mock.calls)[number]) => `${c.method} ${new URL(c.url).pathname} ${c.status}`;
    expect(mock.calls.map(route)).toEqual([
      'POST /api/login 200',
      'GET /api/balance 200',
      'GET /api/balance 401',
      'POST /api/token 200',
      'GET /api/balance 200',
      'POST /api/revoke 200',
    ]);
    expect(mock.calls[0]!.body).toEqual({ username: BASIC.username, password: '***' });
    expect(JSON.stringify(mock.calls)).not.toMatch(/secret|eyJ/);
  });
});

describe('binary operations', () => {
  it('answer bytes with the documented content type', async () => {
    const k = kit('time4vps');
    const client = k.client({ auth: BASIC, fetch: k.createMockProvider().fetch });
    const file = (await call(k, client, 'GET /certificate/{id}/crt', { id: 1 })) as Blob;
    expect(file).toBeInstanceOf(Blob);
    expect(file.type).toBe('application/x-x509-ca-cert');
    expect((await file.text()).length).toBeGreaterThan(0);
  });
});

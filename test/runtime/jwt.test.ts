import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiClient,
  ApiError,
  AuthenticationError,
  NotFoundError,
  ThrottleError,
} from '../../templates/runtime/index.ts';
import { jwtSession } from '../../templates/runtime/jwt.ts';
import type { ProviderDefaults } from '../../templates/runtime/types.ts';
import { defaults as baseDefaults, fresh, json, makeJwt, op, startServer, type TestServer } from './server.ts';

/** What a generated client of a JWT provider passes: `jwtSession` opts in to JWT support. */
const defaults = (extra: Partial<ProviderDefaults> = {}) => baseDefaults({ jwtSession, ...extra });

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const USER = 'jwt-user@example.com';
const PASS = 'correct horse battery staple';

interface ProviderOptions {
  /** Issue refresh tokens (BKNS does not). */
  refresh?: boolean;
  /** Lifetimes in seconds of the access tokens issued, in turn; 3600 after the list. */
  ttls?: number[];
  /** Seconds between the `iat` and the issue of each access token, in turn; no `iat` after the list. */
  issuedAgo?: number[];
  /** Delay of the refresh endpoint, ms. */
  tokenDelay?: number;
}

/** A HostBill-like JWT provider: rotating refresh tokens, a refresh invalidates the old tokens. */
function provider(base: string, opts: ProviderOptions = {}) {
  const state = {
    logins: [] as { body: unknown; authorization: string | undefined }[],
    refreshes: [] as string[],
    revokes: [] as { token: string; authorization: string | undefined }[],
    logouts: [] as (string | undefined)[],
    bearers: [] as string[],
    access: new Set<string>(),
    refresh: new Set<string>(),
    issued: [] as string[],
  };
  let n = 0;
  const issue = (res: Parameters<typeof json>[0]) => {
    const ttl = opts.ttls?.[n] ?? 3600;
    const ago = opts.issuedAgo?.[n];
    n++;
    const now = Math.floor(Date.now() / 1000);
    const token = makeJwt(`access-${n}`, now + ttl, ago === undefined ? undefined : now - ago);
    state.access.add(token);
    state.issued.push(token);
    const body: Record<string, string> = { token };
    if (opts.refresh !== false) {
      body.refresh = `refresh-${n}`;
      state.refresh.add(body.refresh);
    }
    json(res, 200, body);
  };
  server.route(`${base}/login`, (req, res) => {
    const body = JSON.parse(req.body) as { username?: string; password?: string };
    state.logins.push({ body, authorization: req.headers.authorization });
    if (body.username !== USER || body.password !== PASS) return json(res, 401, { error: ['wronglogin'] });
    issue(res);
  });
  server.route(`${base}/token`, (req, res) => {
    const token = (JSON.parse(req.body) as { refresh_token: string }).refresh_token;
    state.refreshes.push(token);
    setTimeout(() => {
      if (!state.refresh.delete(token)) return json(res, 401, { error: ['invalid_refresh_token'] });
      state.access.clear();
      issue(res);
    }, opts.tokenDelay ?? 0);
  });
  server.route(`${base}/revoke`, (req, res) => {
    const token = (JSON.parse(req.body) as { refresh_token: string }).refresh_token;
    state.revokes.push({ token, authorization: req.headers.authorization });
    state.refresh.delete(token);
    state.access.clear();
    json(res, 200, { success: true });
  });
  server.route(`${base}/logout`, (req, res) => {
    state.logouts.push(req.headers.authorization);
    state.access.clear();
    json(res, 200, { success: true });
  });
  server.route(`${base}/data`, (req, res) => {
    const authorization = req.headers.authorization ?? '';
    state.bearers.push(authorization);
    if (!state.access.has(authorization.replace(/^Bearer /, ''))) return json(res, 401, { error: ['unauthorized'] });
    json(res, 200, { ok: true });
  });
  server.route(`${base}/gone`, (_req, res) => json(res, 404, { error: ['not found'] }));
  return state;
}

const jwtClient = (base: string, extra: Partial<ProviderDefaults> = {}, password = PASS, lines: string[] = []) => {
  const log = (line: string) => void lines.push(line);
  return new ApiClient(
    {
      baseUrl: `${server.url}${base}`,
      auth: { username: USER, password, scheme: 'jwt' },
      logger: { debug: log, info: log, warn: log, error: log },
      logLevel: 'debug',
    },
    defaults({ authSchemes: ['basic', 'jwt'], ...extra }),
  );
};
const data = op('/data');

describe('JWT', () => {
  it('logs in lazily, once, and sends the bearer token', async () => {
    const base = fresh('login');
    const state = provider(base);
    const c = jwtClient(base);
    expect(state.logins).toHaveLength(0);
    await Promise.all(Array.from({ length: 5 }, () => c.request(data, {})));
    await c.request(data, {});
    expect(state.logins).toEqual([{ body: { username: USER, password: PASS }, authorization: undefined }]);
    expect(server.requests(`${base}/login`)[0]!.headers['content-type']).toBe('application/json');
    expect(state.bearers).toEqual(Array(6).fill(`Bearer ${state.issued[0]}`));
  });

  it('uses JWT by default when the provider offers no Basic auth', async () => {
    const base = fresh('default-jwt');
    const state = provider(base);
    const c = new ApiClient({ baseUrl: `${server.url}${base}`, auth: { username: USER, password: PASS } }, defaults({ authSchemes: ['jwt'] }));
    await expect(c.request(data, {})).resolves.toEqual({ ok: true });
    expect(state.logins).toHaveLength(1);
  });

  it('refreshes once on 401 for 10 concurrent calls and replays them', async () => {
    const base = fresh('concurrent');
    const state = provider(base, { tokenDelay: 30 });
    const c = jwtClient(base);
    await c.request(data, {});
    state.access.clear(); // the server expires the access token
    const results = await Promise.all(Array.from({ length: 10 }, () => c.request(data, {})));
    expect(results).toEqual(Array(10).fill({ ok: true }));
    expect(state.refreshes).toEqual(['refresh-1']);
    expect(state.logins).toHaveLength(1);
    // Every call went out once with the expired token and once with the refreshed one; on a loaded
    // machine the server may receive a replay before another call's first attempt, so count, not order.
    const sent = (token: unknown) => state.bearers.filter((b) => b === `Bearer ${token}`).length;
    expect([sent(state.issued[0]), sent(state.issued[1]), state.bearers.length]).toEqual([11, 10, 21]);
  });

  it('keeps the rotated refresh token', async () => {
    const base = fresh('rotate');
    const state = provider(base);
    const c = jwtClient(base);
    await c.request(data, {});
    state.access.clear();
    await c.request(data, {});
    state.access.clear();
    await c.request(data, {});
    expect(state.refreshes).toEqual(['refresh-1', 'refresh-2']);
    expect(state.logins).toHaveLength(1);
  });

  it('refreshes before the token expires', async () => {
    const base = fresh('exp');
    // An hour-long token (from its `iat`) with 10 s left: within the 30 s margin.
    const state = provider(base, { ttls: [10], issuedAgo: [3590] });
    const c = jwtClient(base);
    await c.request(data, {});
    await c.request(data, {});
    await c.request(data, {});
    expect(state.refreshes).toEqual(['refresh-1']);
    expect(state.bearers).toEqual([`Bearer ${state.issued[0]}`, `Bearer ${state.issued[1]}`, `Bearer ${state.issued[1]}`]);
    expect(server.requests(`${base}/data`).every((r) => state.bearers.includes(r.headers.authorization!))).toBe(true);
  });

  it('does not refresh a short-lived token before every call: the margin is 10 % of its lifetime', async () => {
    const base = fresh('short-lived');
    const state = provider(base, { ttls: [10] }); // 10 s: refreshed 1 s before exp, not 30 s
    const c = jwtClient(base);
    for (let i = 0; i < 3; i++) await c.request(data, {});
    expect(state.refreshes).toEqual([]);
    expect(state.logins).toHaveLength(1);
    expect(state.bearers).toEqual(Array(3).fill(`Bearer ${state.issued[0]}`));
  });

  it('falls back to one new login when the refresh token is refused', async () => {
    const base = fresh('expired-refresh');
    const state = provider(base);
    const c = jwtClient(base);
    await c.request(data, {});
    state.access.clear();
    state.refresh.clear();
    await expect(c.request(data, {})).resolves.toEqual({ ok: true });
    expect(state.refreshes).toEqual(['refresh-1']);
    expect(state.logins).toHaveLength(2);
  });

  it('logs in again when the provider issues no refresh token (BKNS)', async () => {
    const base = fresh('no-refresh');
    const state = provider(base, { refresh: false });
    const c = jwtClient(base);
    await c.request(data, {});
    state.access.clear();
    await expect(c.request(data, {})).resolves.toEqual({ ok: true });
    expect(state.refreshes).toEqual([]);
    expect(state.logins).toHaveLength(2);
  });

  it('replays only once when the new token is refused too', async () => {
    const base = fresh('replay-once');
    const state = provider(base);
    server.route(`${base}/always401`, (_req, res) => json(res, 401, { error: ['unauthorized'] }));
    const c = jwtClient(base);
    await expect(c.request(op('/always401'), {})).rejects.toBeInstanceOf(AuthenticationError);
    expect(server.hits(`${base}/always401`)).toBe(2);
    expect(state.refreshes).toHaveLength(1);
  });

  it('does not refresh on a throttle 401', async () => {
    const base = fresh('jwt-throttle');
    const state = provider(base);
    server.route(`${base}/busy`, (_req, res) => json(res, 401, { error: [['wait_x_between_action', 5]] }));
    const c = jwtClient(base);
    const error = (await c.request(op('/busy'), {}).catch((e: unknown) => e)) as ThrottleError;
    expect(error).toBeInstanceOf(ThrottleError);
    expect(error.waitSeconds).toBe(5);
    expect(state.refreshes).toHaveLength(0);
    expect(server.hits(`${base}/busy`)).toBe(1);
  });

  it('logout revokes the refresh token and forgets the tokens', async () => {
    const base = fresh('revoke');
    const state = provider(base);
    const c = jwtClient(base);
    await c.request(data, {});
    await c.logout();
    expect(state.revokes).toEqual([{ token: 'refresh-1', authorization: `Bearer ${state.issued[0]}` }]);
    await c.logout(); // nothing left to revoke
    expect(state.revokes).toHaveLength(1);
    await c.request(data, {});
    expect(state.logins).toHaveLength(2);
    expect(state.refreshes).toHaveLength(0);
  });

  it('logout uses the logout path with the access token when no revoke path is set', async () => {
    const base = fresh('logout');
    const state = provider(base, { refresh: false });
    const c = jwtClient(base, { jwt: { login: 'login', refresh: 'token', logout: '/logout' } });
    await c.request(data, {});
    await c.logout();
    expect(state.logouts).toEqual([`Bearer ${state.issued[0]}`]);
    expect(state.revokes).toEqual([]);
  });

  it('wrong credentials give AuthenticationError with no password anywhere', async () => {
    const base = fresh('wrong');
    const state = provider(base);
    const lines: string[] = [];
    const password = 'Wr0ng-P@ss-9f3k';
    const c = jwtClient(base, {}, password, lines);
    const error = (await c.request(data, {}).catch((e: unknown) => e)) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.status).toBe(401);
    expect(error.errors).toEqual(['wronglogin']);
    expect(state.logins).toHaveLength(1);
    expect(server.hits(`${base}/data`)).toBe(0);
    const surfaces = [error.message, String(error), JSON.stringify(error), error.stack ?? '', ...Object.values(error).map((v) => JSON.stringify(v)), ...lines];
    expect(lines.length).toBeGreaterThan(0);
    for (const text of surfaces) {
      expect(text).not.toContain(password);
      expect(text).not.toContain(btoa(`${USER}:${password}`));
    }
  });

  it('fails at construction when JWT is chosen but the provider defaults lack jwtSession', () => {
    const auth = { username: USER, password: PASS };
    const make = (extra: Partial<ProviderDefaults>, scheme?: 'jwt') =>
      () => new ApiClient({ baseUrl: 'http://127.0.0.1:9/api', auth: { ...auth, scheme } }, baseDefaults(extra));
    expect(make({ authSchemes: ['basic', 'jwt'] }, 'jwt')).toThrow(/JWT/);
    expect(make({ authSchemes: ['jwt'] })).toThrow(ApiError);
    expect(make({ authSchemes: ['basic', 'jwt'] })).not.toThrow(); // Basic is the default when offered
  });

  it('never puts the access or refresh token in errors, logs or hook events', async () => {
    const base = fresh('no-token-leak');
    const state = provider(base);
    const lines: string[] = [];
    const events: unknown[] = [];
    const log = (line: string) => void lines.push(line);
    const c = new ApiClient(
      {
        baseUrl: `${server.url}${base}`,
        auth: { username: USER, password: PASS, scheme: 'jwt' },
        logger: { debug: log, info: log, warn: log, error: log },
        logLevel: 'debug',
        onRequest: (e) => events.push(e),
        onResponse: (e) => events.push(e),
        onError: (e) => events.push(e),
      },
      defaults({ authSchemes: ['jwt'] }),
    );
    await c.request(data, {});
    state.access.clear();
    await c.request(data, {}); // refresh + replay
    const error = (await c.request(op('/gone'), {}).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(NotFoundError);
    const secrets = [...state.issued, 'refresh-1', 'refresh-2', PASS];
    expect(state.issued).toHaveLength(2);
    const surfaces = [error.message, String(error), JSON.stringify(error), JSON.stringify(events), ...lines];
    for (const text of surfaces) for (const secret of secrets) expect(text).not.toContain(secret);
    expect(JSON.stringify(events)).toContain('"authorization":"***"');
  });
});

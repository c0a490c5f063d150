import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, DnsServicesClient, operations } from '../../generated/dns-services/src/index.ts';
import { sendJson, startServer, type TestServer } from '../helpers/server.ts';

const jwt = (exp: number, id: string): string =>
  ['{"alg":"RS256"}', JSON.stringify({ exp, id })].map((p) => Buffer.from(p).toString('base64url')).join('.') + '.sig';

/** The generated DNS.services client with JWT auth against a real HTTP server on 127.0.0.1. */
describe('generated DNS.services client with JWT', () => {
  let server: TestServer;
  let logins = 0;
  const password = 'jwt-secret-pass';

  beforeAll(async () => {
    server = await startServer((req, res) => {
      if (req.url === '/api/login') {
        const body = JSON.parse(req.body) as { username: string; password: string };
        if (body.password !== password) return sendJson(res, 401, { error: ['wronglogin'] });
        logins++;
        return sendJson(res, 200, { token: jwt(Math.floor(Date.now() / 1000) + 3600, `t${logins}`), refresh: `r${logins}` });
      }
      if (!req.headers.authorization?.startsWith('Bearer ')) return sendJson(res, 401, { error: ['unauthorized'] });
      return sendJson(res, 200, { client: { email: 'user@example.com' } });
    });
  });
  afterAll(() => server.close());

  it('documents login, token and revoke as operations that send no credentials', () => {
    expect(operations.login).toMatchObject({ method: 'POST', path: '/login', auth: false });
    expect(operations.refreshToken).toMatchObject({ auth: false });
    expect(operations.revoke).toMatchObject({ auth: false });
    expect(operations.getDetails).toMatchObject({ auth: true });
  });

  it('logs in lazily once and sends the bearer token on every call', async () => {
    const client = new DnsServicesClient({ baseUrl: `${server.url}/api`, auth: { username: 'user@example.com', password, scheme: 'jwt' } });
    expect(server.requests).toHaveLength(0);
    await Promise.all([client.clientarea.getDetails(), client.billing.getBalance(), client.dns.getDns()]);
    const login = server.requests.filter((r) => r.url === '/api/login');
    expect(login).toHaveLength(1);
    expect(login[0]?.headers.authorization).toBeUndefined();
    const calls = server.requests.filter((r) => r.url !== '/api/login');
    expect(calls.map((r) => r.headers.authorization)).toEqual([0, 1, 2].map(() => expect.stringMatching(/^Bearer /)));
  });

  it('reports wrong credentials as an AuthenticationError without the password', async () => {
    const client = new DnsServicesClient({ baseUrl: `${server.url}/api`, auth: { username: 'user@example.com', password: 'wrong-pass-123', scheme: 'jwt' } });
    const error = await client.clientarea.getDetails().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(`${String(error)} ${JSON.stringify(error)} ${(error as Error).stack}`).not.toContain('wrong-pass-123');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations, Time4vpsClient } from '../../generated/time4vps/src/index.ts';
import { sendJson, startServer, type TestServer } from '../helpers/server.ts';

/** The generated Time4VPS client against a real HTTP server on 127.0.0.1. */
describe('generated Time4VPS client', () => {
  let server: TestServer;
  let client: Time4vpsClient;
  const auth = { username: 'api@example.com', password: 's3cret-pass' };

  beforeAll(async () => {
    server = await startServer((req, res) => {
      if (req.url.startsWith('/api/certificate/')) {
        res.writeHead(200, { 'content-type': 'application/x-x509-ca-cert' });
        res.end('-----BEGIN CERTIFICATE-----');
        return;
      }
      sendJson(res, 200, { ok: true, method: req.method, url: req.url });
    });
    client = new Time4vpsClient({ baseUrl: `${server.url}/api`, auth });
  });
  afterAll(() => server.close());

  const last = () => server.requests[server.requests.length - 1]!;

  it('has all 73 operations, none with an @ placeholder left', () => {
    const all = Object.values(operations);
    expect(all).toHaveLength(73);
    expect(all.filter((op) => op.path.includes('@'))).toEqual([]);
    expect(operations.getLogindetails).toMatchObject({ method: 'GET', path: '/vpn/logindetails', group: 'vpn', name: 'getLogindetails' });
    for (const [id, op] of Object.entries(operations)) {
      const group = (client as unknown as Record<string, Record<string, unknown>>)[op.group];
      expect(typeof group?.[op.name], id).toBe('function');
    }
  });

  it('names methods as verbs on resources, and the 0.1.x names still send the same requests', async () => {
    // [current name, its 0.1.x name (none where a current method took it over), the request both send]
    const calls: [() => Promise<unknown>, (() => Promise<unknown>) | undefined, string][] = [
      [() => client.dns.getZone({ service_id: 10, zone_id: 3 }), () => client.dns.getServiceDnsByZoneId({ service_id: 10, zone_id: 3 }), 'GET /api/service/10/dns/3'],
      [() => client.dns.listZones(), () => client.dns.getDns(), 'GET /api/dns'],
      [() => client.servers.reboot({ server_id: 5 }), () => client.serverManagement.postServerReboot({ server_id: 5 }), 'POST /api/server/5/reboot'],
      [() => client.billing.listInvoices(), undefined, 'GET /api/invoice'],
      [() => client.billing.getInvoice({ id: 7 }), undefined, 'GET /api/invoice/7'],
      [() => client.account.updateDetails({ email: 'a@example.com' }), () => client.clientarea.putDetails({ email: 'a@example.com' }), 'PUT /api/details'],
    ];
    for (const [current, legacy, want] of calls) {
      await current();
      expect(`${last().method} ${last().url}`).toBe(want);
      if (!legacy) continue;
      await legacy();
      expect(`${last().method} ${last().url}`).toBe(want);
    }
  });

  it('sends GET with path parameters and Basic auth, and parses the JSON response', async () => {
    const result = await client.dns.getServiceDnsByZoneId({ service_id: 10, zone_id: 3 });
    expect(last().method).toBe('GET');
    expect(last().url).toBe('/api/service/10/dns/3');
    expect(last().headers.authorization).toBe(`Basic ${Buffer.from('api@example.com:s3cret-pass').toString('base64')}`);
    expect(result).toMatchObject({ ok: true });
  });

  it('sends POST fields as a JSON body, without the path parameter', async () => {
    await client.dns.postServiceDnsRecords({ service_id: 10, zone_id: 3, name: 'www', type: 'A', content: '192.0.2.1', ttl: 300 });
    expect(last().method).toBe('POST');
    expect(last().url).toBe('/api/service/10/dns/3/records');
    expect(last().headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(last().body)).toEqual({ name: 'www', type: 'A', content: '192.0.2.1', ttl: 300 });
  });

  it('sends an empty JSON object for a POST without fields', async () => {
    await client.serverManagement.postServerReboot({ server_id: 5 });
    expect(last().url).toBe('/api/server/5/reboot');
    expect(last().body).toBe('{}');
  });

  it('sends GET query parameters', async () => {
    await client.clientarea.getNotifications({ rel_type: 'Hosting', rel_id: '7' });
    expect(last().url).toBe('/api/notifications?rel_type=Hosting&rel_id=7');
  });

  it('encodes path parameter values so they cannot change the path', async () => {
    await client.services.getServiceById({ id: '../x' as unknown as number });
    expect(last().url).toBe('/api/service/..%2Fx');
    await client.services.getServiceById({ id: 'a/b?c' as unknown as number });
    expect(last().url).toBe('/api/service/a%2Fb%3Fc');
  });

  it('returns the certificate download as a Blob', async () => {
    const file = await client.sslCertificates.getCertificateCrt({ id: 1 });
    expect(file).toBeInstanceOf(Blob);
    expect(await file.text()).toBe('-----BEGIN CERTIFICATE-----');
  });
});

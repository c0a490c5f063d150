import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../templates/testing/server.ts';
import { call, loadKit, type LoadedKit } from './kit-client.ts';

const BASIC = { username: 'user@example.com', password: 'secret' };
let kit: LoadedKit;
let server: MockServer;

beforeAll(async () => {
  kit = await loadKit('dns-services');
  server = await kit.startMockServer({ credentials: BASIC });
});
afterAll(async () => {
  await server?.close();
});

describe('startMockServer', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves the mock over HTTP: a client, state and checks work as in-process', async () => {
    const client = kit.client({ auth: BASIC, baseUrl: server.url });
    const records = 'POST /service/{service_id}/dns/{zone_id}/records';
    await call(kit, client, records, { service_id: 10, zone_id: 60, name: '_acme-challenge', type: 'TXT', content: 'over-http' });
    const zone = (await call(kit, client, 'GET /service/{service_id}/dns/{zone_id}', { service_id: 10, zone_id: 60 })) as { records: { content: unknown }[] };
    expect(zone.records.map((r) => r.content)).toContain('over-http');
    await expect(call(kit, client, records, { service_id: 10, zone_id: 60, name: 'x', type: 'A', ttl: 'soon' })).rejects.toMatchObject({ status: 400 });
    expect(server.mock.calls.map((c) => c.status)).toEqual([200, 200, 400]);
  });

  it('answers any HTTP client with HostBill bodies (here a raw node:http request)', async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${server.url}/balance`, { headers: { authorization: 'Basic bm9ib2R5Om5vdGhpbmc=' } }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject).end();
    });
    expect(status).toBe(401);
    expect(JSON.parse(body)).toEqual({ error: ['wronglogin'] });
  });

  it('drops the connection for real when told to', async () => {
    const op = kit.find('GET /balance')!;
    server.mock.on(`${op.group}.${op.name}`, { drop: true, times: 1 });
    const client = kit.client({ auth: BASIC, baseUrl: server.url });
    await expect(call(kit, client, 'GET /balance')).rejects.toBeInstanceOf(kit.runtime['ApiConnectionError']);
    await expect(call(kit, client, 'GET /balance')).resolves.toMatchObject({ success: true });
  });

  it('listens on the port asked for, and stops: nothing listens after close()', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const other = await kit.startMockServer({ port });
    expect(other.url).toBe(`http://127.0.0.1:${port}`);
    expect((await fetch(`${other.url}/details`)).status).toBe(401);
    await other.close();
    await expect(fetch(`${other.url}/details`)).rejects.toThrow();
  });
});

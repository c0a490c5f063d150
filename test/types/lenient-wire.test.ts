import { describe, expect, it } from 'vitest';
import { Time4vpsClient } from '../../generated/time4vps/src/index.ts';

/** What a HostBill client sends for lenient parameters (README, "Lenient inputs"). */
describe('lenient parameters on the wire', () => {
  const sent: { url: string; body: string | undefined }[] = [];
  const fetchStub: typeof fetch = async (input, init) => {
    sent.push({ url: String(input), body: typeof init?.body === 'string' ? init.body : undefined });
    return new Response('{"info":["ok"]}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const client = new Time4vpsClient({ auth: { username: 'u@example.com', password: 'p' }, baseUrl: 'https://billing.example.com/api', fetch: fetchStub, maxRetries: 0 });

  it('leaves a null field out of the body, sends numeric strings as given and string ids in the path', async () => {
    sent.length = 0;
    await client.dns.createRecord({ service_id: '10', zone_id: 3, name: 'www', type: 'A', content: '192.0.2.1', ttl: '3600', priority: null });
    expect(sent).toEqual([{ url: 'https://billing.example.com/api/service/10/dns/3/records', body: '{"name":"www","ttl":"3600","type":"A","content":"192.0.2.1"}' }]);
  });
});

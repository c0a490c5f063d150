/**
 * One DNS automation routine, written once against `HostBillClient`, accepts every HostBill
 * provider's client. Compiled by tsc (types.test.ts), never run.
 */
import type { HostBillClient } from '../../generated/time4vps/src/index.ts';
import { BalVpsClient } from '../../generated/balvps/src/index.ts';
import { BknsClient } from '../../generated/bkns/src/index.ts';
import { BrainozaClient } from '../../generated/brainoza/src/index.ts';
import { DnsServicesClient } from '../../generated/dns-services/src/index.ts';
import { Time4vpsClient } from '../../generated/time4vps/src/index.ts';

async function addARecord(client: HostBillClient, serviceId: number, zoneId: number): Promise<unknown> {
  await client.clientarea.getDetails();
  await client.billing.getBalance();
  return client.dns.postServiceDnsRecords({ service_id: serviceId, zone_id: zoneId, name: 'www', type: 'A', content: '192.0.2.1', ttl: 300 });
}

export async function everyProvider(): Promise<void> {
  const auth = { username: 'user@example.com', password: 'secret' };
  await addARecord(new Time4vpsClient({ auth }), 1, 2);
  await addARecord(new BrainozaClient({ auth }), 1, 2);
  await addARecord(new DnsServicesClient({ auth: { ...auth, scheme: 'jwt' } }), 1, 2);
  await addARecord(new BalVpsClient({ auth }), 1, 2);
  await addARecord(new BknsClient({ auth }), 1, 2);
}

import { describe, expect, it } from 'vitest';
import { groupClassNames, groupName, nameOperations, typeStems, type OperationInput } from '../../generator/naming/index.ts';

const op = (method: string, path: string, tag?: string, operationId?: string): OperationInput => ({ pointer: `${method} ${path}`, method, path, tag, operationId });
const names = (ops: OperationInput[], hostbill: boolean) => {
  const plan = nameOperations(ops, { hostbill });
  return ops.map((o) => plan.names.get(o.pointer));
};

describe('groupName', () => {
  it.each([
    ['Server Management', 'serverManagement'],
    ['DNS', 'dns'],
    [undefined, 'default_'],
    ['', 'default_'],
    ['request', 'requestApi'],
    ['paginate', 'paginateApi'],
    ['delete', 'delete_'],
    ['123', '_123'],
  ])('%j → %s', (tag, want) => expect(groupName(tag)).toBe(want));
});

describe('nameOperations: HostBill documents name methods as verbs on the route\'s resources', () => {
  it.each([
    [op('get', '/service/{id}/dns/{zone_id}', 'DNS', 'dns_get_zone'), { group: 'dns', method: 'getZone', key: 'getZone', legacy: { group: 'dns', method: 'getServiceDnsByZoneId' } }],
    [op('put', '/details', 'Clientarea', 'postDetails'), { group: 'account', method: 'updateDetails', key: 'updateDetails', legacy: { group: 'clientarea', method: 'putDetails' } }],
    [op('get', '/invoice', 'Billing'), { group: 'billing', method: 'listInvoices', key: 'listInvoices', legacy: { group: 'billing', method: 'getInvoice' } }],
    [op('post', '/server/@id/reboot', 'Servers'), { group: 'servers', method: 'reboot', key: 'reboot', legacy: { group: 'servers', method: 'postServerReboot' } }],
    [op('get', '/balance', 'Billing'), { group: 'billing', method: 'getBalance', key: 'getBalance' }],
    [op('get', '/weird/thing', 'Own Tag'), { group: 'ownTag', method: 'getThing', key: 'getThing', legacy: { group: 'ownTag', method: 'getWeirdThing' } }],
  ])('%j', (input, want) => expect(names([input], true)).toEqual([want]));

  it('qualifies the more specific of two routes that get one name, and keeps 0.1.x names where even that does not separate them', () => {
    expect(names([op('get', '/dns', 'DNS'), op('get', '/service/{service_id}/dns', 'DNS')], true).map((n) => n?.method)).toEqual(['listZones', 'listServiceZones']);
    expect(names([op('get', '/location/state/{id}/city', 'L'), op('get', '/location/state/city/{name}', 'L')], true).map((n) => n?.method)).toEqual(['getLocationStateCity', 'getLocationStateCityByName']);
  });

  it('keys a method name two groups share by group + method', () => {
    expect(names([op('get', '/server', 'A'), { ...op('get', '/vpn/servers', 'B'), pointer: 'second' }], true).map((n) => [n?.group, n?.method, n?.key])).toEqual([
      ['servers', 'listServers', 'serversListServers'],
      ['vpn', 'listServers', 'vpnListServers'],
    ]);
  });

  it('reports routes that no rule can tell apart', () => {
    const plan = nameOperations([op('get', '/a-b', 'T'), op('get', '/a_b', 'T')], { hostbill: true });
    expect(plan.clashes).toEqual([{ pointer: 'get /a_b', other: 'get /a-b', name: 't.getAb' }]);
  });

  it('ignores the operationIds and tags of known resources, so the same route has the same name in every provider', () => {
    expect(names([op('get', '/dns', 'DNS', 'dns_get')], true)).toEqual(names([op('get', '/dns', 'Zones', 'listZones')], true).map((n) => n && { ...n, legacy: { group: 'dns', method: 'getDns' } }));
  });
});

describe('nameOperations: other documents keep their operationIds', () => {
  it.each([
    ['dns_get_zone', 'dnsGetZone'],
    ['listIPv4', 'listIPv4'],
    ['VPN Management_getServers', 'vpnManagementGetServers'],
    ['constructor', 'constructor_'],
    ['123 start', '_123start'],
    ['   ', 'getThings'],
    [undefined, 'getThings'],
  ])('%j → %s', (operationId, want) => expect(names([op('get', '/things', 'T', operationId)], false)[0]?.method).toBe(want));

  it('renames the newcomer whose method name is taken: the long route name, else a number', () => {
    const plan = nameOperations([op('get', '/a', 'T', 'list'), op('get', '/b/{id}', 'U', 'List'), op('get', '/c', 'V', 'list ')], { hostbill: false });
    expect([...plan.names.values()].map((n) => n.key)).toEqual(['list', 'getBById', 'getC']);
    expect(plan.renamed.map((r) => r.pointer)).toEqual(['get /b/{id}', 'get /c']);
  });

  it('takes a normalised document\'s operationIds as the method names they already are', () => {
    expect(nameOperations([op('get', '/a', 'T', '_123Start')], { hostbill: false, normalised: true }).names.get('get /a')?.method).toBe('_123Start');
  });
});

describe('typeStems and groupClassNames', () => {
  it('are unique per package', () => {
    expect([...typeStems(['getIps', 'get_ips', 'dnsGetZone', '_1st']).values()]).toEqual(['GetIps', 'GetIps2', 'DnsGetZone', '_1st']);
    expect([...groupClassNames(['dns', 'DNS', 'serverManagement']).values()]).toEqual(['DnsApi', 'DnsApi2', 'ServerManagementApi']);
  });
});

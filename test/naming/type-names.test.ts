import { describe, expect, it } from 'vitest';
import { exampleSchemaBaseName, resourceTypeName, schemaTypeNames, shareSchemaNames, type ExampleSchemaRole } from '../../generator/naming/index.ts';

describe('resourceTypeName', () => {
  const cases: [group: string | undefined, noun: string, want: string][] = [
    ['dns', 'zone', 'DnsZone'],
    ['dns', 'record', 'DnsRecord'],
    ['dns', 'dns', 'Dns'],
    ['services', 'service', 'Service'],
    ['services', 'vm', 'ServiceVm'],
    ['servers', 'task', 'ServerTask'],
    ['billing', 'invoice', 'Invoice'],
    ['support', 'ticket', 'Ticket'],
    [undefined, 'pet', 'Pet'],
    ['dns', '', 'Dns'],
    [undefined, '', 'Item'],
  ];
  it.each(cases)('%s + %s → %s', (group, noun, want) => expect(resourceTypeName(group, noun)).toBe(want));
});

describe('exampleSchemaBaseName', () => {
  const body = (method: string, path: string, key: string, wrapped = false, hostbill = true): ExampleSchemaRole => ({ kind: 'body', method, path, key, hostbill, wrapped });
  const cases: [role: ExampleSchemaRole, want: string][] = [
    [body('get', '/service/{service_id}/dns/{zone_id}', 'getZone'), 'DnsZone'],
    [body('get', '/service/{id}', 'getService'), 'Service'],
    [body('get', '/details', 'getDetails'), 'Details'],
    [body('get', '/service/{id}/label', 'getLabel'), 'ServiceLabel'],
    [body('get', '/invoice/{id}', 'getInvoice', true), 'GetInvoiceResult'],
    [body('get', '/invoice', 'listInvoices'), 'ListInvoicesResult'],
    [body('post', '/service/{service_id}/dns', 'createZone'), 'CreateZoneResult'],
    [body('post', '/server/{server_id}/reboot', 'reboot'), 'RebootResult'],
    [body('get', '/pet/{petId}', 'getPetById', false, false), 'GetPetByIdResponse'],
    [{ kind: 'wrapped', method: 'get', path: '/invoice/{id}' }, 'Invoice'],
    [{ kind: 'element', method: 'get', path: '/invoice', property: 'invoices' }, 'Invoice'],
    [{ kind: 'element', method: 'get', path: '/service/{service_id}/dns/{zone_id}', property: 'records' }, 'DnsRecord'],
    [{ kind: 'element', method: 'get', path: '/dns', property: 'zones' }, 'DnsZone'],
    [{ kind: 'element', method: 'get', path: '/server' }, 'Server'],
    [{ kind: 'element', method: 'get', path: '/service/{id}/vms', property: 'vps' }, 'ServiceVps'],
    [{ kind: 'element', method: 'get', path: '/service' }, 'Service'],
  ];
  it.each(cases)('%j → %s', (role, want) => expect(exampleSchemaBaseName(role)).toBe(want));
});

describe('shareSchemaNames', () => {
  it('shares a name between equal shapes and numbers different ones, in request order', () => {
    const requests = [
      { base: 'DnsRecord', schema: 'a' },
      { base: 'DnsZone', schema: 'z' },
      { base: 'DnsRecord', schema: 'b' },
      { base: 'DnsRecord', schema: 'a' },
      { base: 'Invoice', schema: 'i' },
    ];
    expect(shareSchemaNames(requests, (x, y) => x === y, (name) => name === 'Invoice')).toEqual(['DnsRecord', 'DnsZone', 'DnsRecord2', 'DnsRecord', 'Invoice2']);
  });

  it('gives a different shape its variant first (a list\'s items: InvoiceListItem), then numbers', () => {
    const requests = [
      { base: 'Invoice', schema: 'full' },
      { base: 'Invoice', variant: 'InvoiceListItem', schema: 'summary' },
      { base: 'Invoice', variant: 'InvoiceListItem', schema: 'other' },
      { base: 'Invoice', variant: 'InvoiceListItem', schema: 'full' },
    ];
    expect(shareSchemaNames(requests, (x, y) => x === y, () => false)).toEqual(['Invoice', 'InvoiceListItem', 'InvoiceListItem2', 'Invoice']);
  });
});

describe('schemaTypeNames', () => {
  const reserved = new Set(['Time4vpsClient', 'DnsApi', 'GetZoneParams', 'GetZoneResponse', 'ApiError', 'operations', 'components']);
  const cases: [schema: string, want: string][] = [
    ['DnsZone', 'DnsZone'],
    ['pet-owner', 'PetOwner'],
    ['Time4vpsClient', 'Time4vpsClientSchema'],
    ['ApiError', 'ApiErrorSchema'],
    ['GetZoneParams', 'GetZoneParamsSchema'],
    ['Record', 'RecordSchema'],
    ['Error', 'ErrorSchema'],
    ['123', '_123'],
  ];
  it.each(cases)('%s → %s', (schema, want) => expect(schemaTypeNames([schema], reserved).get(schema)).toBe(want));

  it('numbers names that meet after identifier-making, in the order given', () => {
    expect([...schemaTypeNames(['pet_owner', 'PetOwner', 'pet owner'], reserved).values()]).toEqual(['PetOwner', 'PetOwnerSchema', 'PetOwnerSchema2']);
  });

  it('keeps a reserved name that means the same schema (a `<Key>Response` component)', () => {
    expect(schemaTypeNames(['GetZoneResponse'], reserved, (schema, alias) => schema === 'GetZoneResponse' && alias === 'GetZoneResponse').get('GetZoneResponse')).toBe('GetZoneResponse');
  });
});

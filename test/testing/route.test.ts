import { describe, expect, it } from 'vitest';
import type { OperationSpec } from '../../templates/runtime/types.ts';
import { createRouter } from '../../templates/testing/route.ts';

const op = (method: OperationSpec['method'], path: string): OperationSpec => ({
  method, path, group: 'g', name: `${method} ${path}`, pathParams: [], queryParams: [], bodyParams: [], body: 'none', auth: true, response: 'json',
});
const route = createRouter({
  byId: op('GET', '/category/{category_id}/product'),
  literal: op('GET', '/category/available/vps'),
  record: op('PUT', '/service/{service_id}/dns/{zone_id}/records/{record_id}'),
});

describe('createRouter', () => {
  it('prefers literal segments where templates overlap', () => {
    expect(route('GET', '/category/available/vps')).toMatchObject({ route: { key: 'literal', path: {} } });
    expect(route('GET', '/category/7/product')).toMatchObject({ route: { key: 'byId', path: { category_id: '7' } } });
  });

  it('decodes path values and tells a wrong method from an unknown route', () => {
    expect(route('put', '/service/1/dns/2/records/a%20b')).toMatchObject({ route: { key: 'record', path: { service_id: '1', zone_id: '2', record_id: 'a b' } } });
    expect(route('DELETE', '/service/1/dns/2/records/3')).toEqual({ wrongMethod: true });
    expect(route('GET', '/service/1/dns')).toBeUndefined();
  });
});

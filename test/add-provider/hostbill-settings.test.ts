/** HostBill settings from the document, provider.json's overrides, and the group rule for documents with tags of their own. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_JWT, detectHostBillSettings } from '../../generator/config/hostbill-settings.ts';
import { loadProvider } from '../helpers/load-provider.ts';
import { hostbillGroupTags, hostbillSectionOf } from '../../generator/naming/index.ts';
import { defaultConfig, ROOT, smallSwagger, tempWorkspace } from '../helpers/workspace.ts';

const fixture = JSON.parse(await readFile(path.join(ROOT, 'test/fixtures/hostbill-openapi3/openapi.json'), 'utf8')) as Record<string, unknown>;
const post = (operationId: string, responses: object = { 200: { description: 'Success' } }) => ({ post: { operationId, responses } });

describe('detectHostBillSettings', () => {
  it('reads the OpenAPI 3 fixture: /api prefix, bearer only, refresh_token in the answers', () => {
    expect(detectHostBillSettings(fixture)).toEqual({ apiPrefix: '/api', auth: ['jwt'], jwt: { ...DEFAULT_JWT, refreshField: 'refresh_token' } });
  });

  it('gives the defaults for a HostBill export: no prefix, Basic, HostBill routes and fields', async () => {
    const text = await readFile(path.join(ROOT, 'specs/time4vps/swagger.json'), 'utf8');
    const { parseDocumentText } = await import('../../generator/load/load-document.ts');
    expect(detectHostBillSettings(parseDocumentText(text, 'swagger.json') as Record<string, unknown>)).toEqual({ apiPrefix: '', auth: ['basic'], jwt: DEFAULT_JWT });
  });

  it('finds endpoints by operationId where the routes are not HostBill\'s, and token names in schemas and fenced examples', () => {
    const doc = {
      openapi: '3.0.3',
      paths: {
        '/auth/signin': post('signIn', { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Tokens' } } } } }),
        '/auth/refresh': post('refreshToken'),
        '/auth/signout': post('sign_out'),
        '/other': post('login'),
      },
      components: { securitySchemes: { basic: { type: 'http', scheme: 'Basic' }, jwt: { type: 'http', scheme: 'bearer' } }, schemas: { Tokens: { properties: { access_token: {}, refresh_token: {} } } } },
    };
    expect(detectHostBillSettings(doc)).toEqual({
      apiPrefix: '',
      auth: ['basic', 'jwt'],
      jwt: { login: '/auth/signin', refresh: '/auth/refresh', revoke: '/revoke', logout: '/auth/signout', tokenField: 'access_token', refreshField: 'refresh_token' },
    });
    const swagger = { swagger: '2.0', paths: { '/login': post('x', { 200: { description: '```json\n{"token": "eyJ…", "refresh_token": "abc"}\n```' } }) } };
    expect(detectHostBillSettings(swagger).jwt).toMatchObject({ tokenField: 'token', refreshField: 'refresh_token' });
  });

  it('needs every path under /api to move the prefix', () => {
    expect(detectHostBillSettings({ openapi: '3.0.0', paths: { '/api/a': {}, '/apis/b': {} } }).apiPrefix).toBe('');
    expect(detectHostBillSettings({ openapi: '3.0.0', paths: {} }).apiPrefix).toBe('');
  });
});

describe('loadProvider: provider.json overrides what the document implies', () => {
  const openapi = { ...fixture };
  it('takes auth from the document when provider.json lists none, and adds the prefix to a base URL without it', async () => {
    const config = { displayName: 'X', packageName: '@clientgen/x', baseUrl: 'https://api.example.test', hostbill: true };
    const root = await tempWorkspace([{ id: 'x', config, files: { 'openapi.json': openapi } }]);
    const { config: loaded } = await loadProvider(path.join(root, 'specs'), 'x');
    expect(loaded).toMatchObject({ baseUrl: 'https://api.example.test/api', auth: ['jwt'], hostbillApi: { apiPrefix: '/api', jwt: { refreshField: 'refresh_token' } } });
  });

  it('keeps what provider.json says: auth, apiPrefix "" and JWT settings', async () => {
    const config = { ...defaultConfig('y'), auth: ['basic', 'jwt'], apiPrefix: '', jwt: { refreshField: 'refresh', login: '/auth/login' } };
    const root = await tempWorkspace([{ id: 'y', config, files: { 'openapi.json': openapi } }]);
    const { config: loaded } = await loadProvider(path.join(root, 'specs'), 'y');
    expect(loaded).toMatchObject({ baseUrl: 'https://y.example.test/api', auth: ['basic', 'jwt'], hostbillApi: { apiPrefix: '', jwt: { ...DEFAULT_JWT, login: '/auth/login' } } });
  });

  it('names the setting that is wrong', async () => {
    for (const [extra, message] of [
      [{ jwt: { refreshField: 'a b' } }, 'provider.json at #/jwt/refreshField: "refreshField" must be a JSON member name'],
      [{ jwt: { login: 'login' } }, 'provider.json at #/jwt/login: "login" must be a path starting with "/"'],
      [{ jwt: { logn: '/x' } }, 'provider.json at #/jwt/logn: unknown JWT setting "logn"'],
      [{ apiPrefix: 3 }, 'provider.json at #/apiPrefix: 3 must be a path starting with "/"'],
    ] as const) {
      const root = await tempWorkspace([{ id: 'z', config: { ...defaultConfig('z'), ...extra }, files: { 'swagger.json': smallSwagger() } }]);
      await expect(loadProvider(path.join(root, 'specs'), 'z')).rejects.toThrow(message);
    }
  });

  it('leaves generic providers as they are: no document read, no HostBill settings', async () => {
    const root = await tempWorkspace([{ id: 'g', config: { ...defaultConfig('g'), hostbill: false }, files: { 'swagger.json': smallSwagger() } }]);
    expect((await loadProvider(path.join(root, 'specs'), 'g')).config.hostbillApi).toBeUndefined();
  });
});

describe('HostBill groups for documents with tags of their own', () => {
  it.each([
    ['/login', 'Clientarea'],
    ['/service/{id}', 'Services'],
    ['/service/{service_id}/dns/{zone_id}/records', 'DNS'],
    ['/service/@id/addon', 'Cart'],
    ['/invoice/{id}', 'Billing'],
    ['/tickets/{number}', 'Support'],
    ['/certificate/{id}/crt', 'SSL Certificates'],
    ['/server/{id}/reboot', undefined],
  ])('%s → %s', (route, section) => expect(hostbillSectionOf(route)).toBe(section));

  it("follows the route where no tag is a HostBill section, keeping a tag the table does not cover; else keeps every tag", () => {
    const own = [{ path: '/login', tag: 'Authentication' }, { path: '/service/{id}/dns', tag: 'Service' }, { path: '/server', tag: 'Servers' }];
    expect(hostbillGroupTags(own)).toEqual(['Clientarea', 'DNS', 'Servers']);
    const sections = [{ path: '/domain/coupons/x', tag: 'Bkns_coupons' }, { path: '/login', tag: 'Clientarea' }];
    expect(hostbillGroupTags(sections)).toEqual(['Bkns_coupons', 'Clientarea']);
  });
});

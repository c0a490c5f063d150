import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { syncProvider } from '../../generator/sync/sync-provider.ts';
import { workspace } from '../../generator/workspace.ts';
import type { TestServer } from '../helpers/server.ts';
import { defaultConfig, tempWorkspace } from '../helpers/workspace.ts';
import { committedSwagger, operationCount, PAGE, PAGE_TEXT, republishedSwagger, startProviderServer } from './fixtures.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startProviderServer();
});
afterAll(async () => {
  await server.close();
});

async function providerWith(specUrl: string, files: Record<string, string> = { 'swagger.json': committedSwagger }, id = 'acme'): Promise<string> {
  return tempWorkspace([{ id, config: { ...defaultConfig(id), specUrl }, files }]);
}

async function specFiles(root: string, id = 'acme'): Promise<Record<string, string>> {
  const dir = path.join(root, 'specs', id);
  const names = (await readdir(dir)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n), 'utf8')] as const)));
}

const sync = (root: string, extra: { url?: string; timeoutMs?: number; dryRun?: boolean } = {}, id = 'acme') =>
  syncProvider(workspace(root), id, { timeoutMs: 10_000, ...extra });

describe('syncProvider: documents', () => {
  it('writes a changed document byte for byte and reports sizes and operation counts', async () => {
    const root = await providerWith(`${server.url}/swagger`);
    const result = await sync(root);
    const published = republishedSwagger();
    expect(result).toEqual({
      id: 'acme',
      url: `${server.url}/swagger`,
      kind: 'document',
      files: [{ file: 'specs/acme/swagger.json', bytesBefore: Buffer.byteLength(committedSwagger), bytesAfter: Buffer.byteLength(published), changed: true }],
      operationsBefore: operationCount(committedSwagger),
      operationsAfter: operationCount(committedSwagger) + 1,
    });
    expect((await specFiles(root))['swagger.json']).toBe(published);
  });

  it('leaves an unchanged document alone', async () => {
    const root = await providerWith(`${server.url}/same`);
    const result = await sync(root);
    expect(result.files[0]?.changed).toBe(false);
    expect(await specFiles(root)).toEqual({ 'provider.json': expect.any(String), 'swagger.json': committedSwagger });
  });

  it('in a dry run writes nothing', async () => {
    const root = await providerWith(`${server.url}/swagger`);
    expect((await sync(root, { dryRun: true })).files[0]?.changed).toBe(true);
    expect((await specFiles(root))['swagger.json']).toBe(committedSwagger);
  });

  it('names a new spec file after the document: swagger.json for JSON, swagger.yaml for YAML', async () => {
    const json = await providerWith(`${server.url}/swagger`, {});
    expect((await sync(json)).files[0]?.file).toBe('specs/acme/swagger.json');
    const yaml = await providerWith(`${server.url}/yaml`, {});
    const result = await sync(yaml);
    expect(result.files[0]).toMatchObject({ file: 'specs/acme/swagger.yaml', changed: true });
    expect(result.operationsAfter).toBe(1);
  });

  it('sends credentials in the URL as Basic auth, not in the request line', async () => {
    const root = await providerWith(server.url.replace('http://', 'http://user:hunter2@') + '/same');
    const result = await sync(root);
    expect(result.url).not.toContain('hunter2');
    const request = server.requests.at(-1);
    expect(request?.url).toBe('/same');
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from('user:hunter2').toString('base64')}`);
  });

  const failures: [string, string, RegExp, Record<string, string>?][] = [
    ['a non-200 answer', '/server-error', /^http:\/\/127\.0\.0\.1:\d+\/server-error: HTTP 503 Service Unavailable \(expected 200\)$/],
    ['a 404', '/nowhere', /HTTP 404 Not Found/],
    ['HTML where JSON was expected', '/html', /expected a Swagger\/OpenAPI document but got an HTML page \(content-type text\/html; charset=utf-8\)/],
    ['HTML labelled as JSON', '/html-as-json', /got an HTML page \(content-type application\/json\)/],
    ['JSON that does not parse, with line and column', '/broken', /\/broken:4:\d+: invalid JSON/],
    ['JSON that is not Swagger or OpenAPI', '/not-swagger', /neither a "swagger": "2\.0" nor an "openapi": "3\.x" field/],
    ['a document without operations', '/no-operations', /at #\/paths: the document declares no operations/],
    ['an empty answer', '/empty', /the answer is empty/],
    ['YAML for a provider whose spec file is JSON', '/yaml', /the answer is not JSON, but the provider's spec file is swagger\.json/],
  ];
  it.each(failures)('%s: a GeneratorError naming the URL, the committed spec untouched', async (_name, route, message) => {
    const root = await providerWith(`${server.url}${route}`);
    const before = await specFiles(root);
    const error = await sync(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as Error).message).toMatch(message);
    expect(await specFiles(root)).toEqual(before);
  });

  it('a refused connection is an error naming the cause', async () => {
    const { startServer } = await import('../helpers/server.ts');
    const closed = await startServer(() => undefined);
    await closed.close();
    const root = await providerWith(`${closed.url}/swagger`);
    await expect(sync(root)).rejects.toThrow(/cannot fetch: .*ECONNREFUSED/);
    expect((await specFiles(root))['swagger.json']).toBe(committedSwagger);
  });

  it('a server that never answers times out', async () => {
    const root = await providerWith(`${server.url}/hang`);
    await expect(sync(root, { timeoutMs: 200 })).rejects.toThrow(/no answer within 0\.2 s/);
    expect((await specFiles(root))['swagger.json']).toBe(committedSwagger);
  });

  it('a fetch that fails with credentials in the URL never repeats them', async () => {
    const root = await providerWith('http://user:hunter2@127.0.0.1:9/swagger?token=s3cret');
    const failing = (async () => {
      throw new TypeError('fetch failed', { cause: new Error('boom at http://127.0.0.1:9/swagger?token=s3cret') });
    }) as unknown as typeof fetch;
    const error = (await syncProvider(workspace(root), 'acme', { timeoutMs: 1000, fetch: failing }).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/cannot fetch: boom at/);
    expect(error.message).not.toMatch(/hunter2|s3cret/);
  });
});

describe('syncProvider: API pages', () => {
  it('saves the page as userapi-docs.html and its text as userapi-docs.txt, counting routes', async () => {
    const root = await providerWith(`${server.url}/userapi`, { 'userapi-docs.txt': 'GET /balance\n' }, 'page');
    const result = await sync(root, {}, 'page');
    expect(result.kind).toBe('page');
    expect(result.files).toEqual([
      { file: 'specs/page/userapi-docs.html', bytesBefore: undefined, bytesAfter: Buffer.byteLength(PAGE), changed: true },
      { file: 'specs/page/userapi-docs.txt', bytesBefore: 13, bytesAfter: Buffer.byteLength(PAGE_TEXT), changed: true },
    ]);
    expect([result.operationsBefore, result.operationsAfter]).toEqual([1, 2]);
    expect(await specFiles(root, 'page')).toEqual({ 'provider.json': expect.any(String), 'userapi-docs.html': PAGE, 'userapi-docs.txt': PAGE_TEXT });
    const again = await sync(root, {}, 'page');
    expect(again.files.map((f) => f.changed)).toEqual([false, false]);
  });

  it.each([
    ['a page without routes (a login page)', '/login-page/userapi', /lists no API routes/],
    ['JSON where the page was expected', '/json-page/userapi', /expected the HTML API page but got application\/json/],
  ])('%s is an error and nothing is written', async (_name, route, message) => {
    const root = await providerWith(`${server.url}${route}`, { 'userapi-docs.txt': 'GET /balance\n' }, 'page');
    await expect(sync(root, {}, 'page')).rejects.toThrow(message);
    expect(await specFiles(root, 'page')).toEqual({ 'provider.json': expect.any(String), 'userapi-docs.txt': 'GET /balance\n' });
  });
});

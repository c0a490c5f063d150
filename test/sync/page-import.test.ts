/**
 * From a fetched API page to a Swagger document: sync saves the page and its text, and the importer
 * (`npm run import-docs`) reads that text. The page is a small HostBill-style (Slate) page built for
 * the test, served from 127.0.0.1.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocs } from '../../generator/import-docs/index.ts';
import { syncProvider } from '../../generator/sync/sync-provider.ts';
import { workspace } from '../../generator/workspace.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { defaultConfig, tempWorkspace } from '../helpers/workspace.ts';

const page = await readFile(path.join(import.meta.dirname, 'fixtures/userapi-page.html'), 'utf8');
let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' });
    res.end(page);
  });
});
afterAll(async () => {
  await server.close();
});

describe('an API page through sync and the importer', () => {
  it('syncs the page and its text, and the text imports to the documented operations', async () => {
    const root = await tempWorkspace([{ id: 'pagehost', config: { ...defaultConfig('pagehost'), specUrl: `${server.url}/userapi` }, files: {} }]);
    const result = await syncProvider(workspace(root), 'pagehost', { timeoutMs: 10_000 });
    expect([result.kind, result.operationsAfter]).toEqual(['page', 2]);
    const dir = path.join(root, 'specs/pagehost');
    expect(await readFile(path.join(dir, 'userapi-docs.html'), 'utf8')).toBe(page);
    const text = await readFile(path.join(dir, 'userapi-docs.txt'), 'utf8');
    expect(text).toContain('bash php python\n');
    expect(text).toContain('\nParameter Type Description\nusername string\n\nYour acount email address\n\npassword string\n\nAccount password\n');
    expect(text).toContain('curl -X POST "https://my.example.com/api/login" \\\n   -H "Content-Type: application/json" \\\n');

    const imported = importDocs(text, { file: 'specs/pagehost/userapi-docs.txt' });
    expect(imported.operationCount).toBe(2);
    const paths = imported.document.paths as unknown as Record<string, Record<string, { summary?: string; parameters?: { name: string; in: string }[] }>>;
    expect(Object.keys(paths).sort()).toEqual(['/balance', '/login']);
    expect(paths['/login']?.post?.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(['query:username', 'query:password']);
    expect(paths['/balance']?.get?.summary).toBe('Account balance');
  });
});

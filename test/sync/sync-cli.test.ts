import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendJson, startServer, type TestServer } from '../helpers/server.ts';
import { defaultConfig, ROOT, runCli, tempWorkspace } from '../helpers/workspace.ts';

const committedSwagger = await readFile(path.join(ROOT, 'specs/time4vps/swagger.json'), 'utf8');

/** The committed Time4VPS document with `/token` removed: what a provider republishing would look like. */
function publishedSwagger(): string {
  const doc = JSON.parse(committedSwagger.replace(/[\u0000-\u001f]/g, (c) => (c === '\n' || c === '\r' || c === '\t' ? c : ' '))) as { paths: Record<string, unknown> };
  delete doc.paths['/token'];
  doc.paths['/new-thing'] = { get: { summary: 'New', responses: { 200: { description: 'ok' } } } };
  return JSON.stringify(doc, null, 2);
}

const PAGE = `<!doctype html><html><head><title>API</title></head><body><div class="content">
<h1>Introduction</h1><p>Our HTTP REST API.</p>
<h2>Login</h2><pre><code>POST /login</code></pre><h2>Balance</h2><pre><code>GET /balance</code></pre>
</div></body></html>`;

let server: TestServer;
const routes = new Map<string, (res: import('node:http').ServerResponse) => void>();

beforeAll(async () => {
  server = await startServer((req, res) => {
    const route = routes.get(req.url);
    if (route) route(res);
    else sendJson(res, 404, { error: 'not found' });
  });
  routes.set('/swagger', (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(publishedSwagger());
  });
  routes.set('/same', (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(committedSwagger);
  });
  routes.set('/html', (res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html><body><form>Login</form></body></html>');
  });
  routes.set('/html-as-json', (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('<html><body>Maintenance</body></html>');
  });
  routes.set('/broken', (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{\n  "swagger": "2.0",\n  "paths": {\n    "/a": { "get": }\n  }\n}');
  });
  routes.set('/not-swagger', (res) => sendJson(res, 200, { error: ['Unknown action'] }));
  routes.set('/server-error', (res) => sendJson(res, 503, { error: 'busy' }));
  routes.set('/hang', () => undefined); // never answers
  routes.set('/userapi', (res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  routes.set('/login-page/userapi', (res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><body><p>Please log in</p></body></html>');
  });
  routes.set('/json-page/userapi', (res) => sendJson(res, 200, { swagger: '2.0' }));
});

afterAll(async () => {
  await server.close();
});

async function workspaceWith(specUrl: string, extra: Record<string, string> = {}, id = 'acme'): Promise<string> {
  return tempWorkspace([{ id, config: { ...defaultConfig(id), specUrl }, files: { 'swagger.json': committedSwagger, ...extra } }]);
}

async function specFiles(root: string, id = 'acme'): Promise<Record<string, string>> {
  const dir = path.join(root, 'specs', id);
  const names = (await readdir(dir)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n), 'utf8')] as const)));
}

describe('sync CLI: documents', () => {
  it('writes a changed document byte for byte and reports bytes and operations before and after', async () => {
    const root = await workspaceWith(`${server.url}/swagger`);
    const result = await runCli('sync', [], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const published = publishedSwagger();
    expect((await specFiles(root))['swagger.json']).toBe(published);
    const before = Buffer.byteLength(committedSwagger);
    const after = Buffer.byteLength(published);
    expect(result.stdout).toBe(`acme: specs/acme/swagger.json updated (${before} → ${after} bytes); 64 → 64 operations\n`.replace('64 → 64 operations', result.stdout.match(/; (.*)\n/)?.[1] ?? ''));
    expect(result.stdout).toMatch(/; (\d+) → (\d+) operations\n$/);
    const [, b, a] = /; (\d+) → (\d+) operations/.exec(result.stdout) as RegExpExecArray;
    expect(Number(a)).toBe(Number(b)); // one removed, one added

    const again = await runCli('sync', [], root);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`acme: specs/acme/swagger.json unchanged (${after} bytes); ${a} operations\n`);
  });

  it('leaves an unchanged document alone', async () => {
    const root = await workspaceWith(`${server.url}/same`);
    const result = await runCli('sync', ['--provider', 'acme'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^acme: specs\/acme\/swagger\.json unchanged \(\d+ bytes\); \d+ operations\n$/);
    expect((await specFiles(root))['swagger.json']).toBe(committedSwagger);
  });

  it('--dry-run reports the change and writes nothing', async () => {
    const root = await workspaceWith(`${server.url}/swagger`);
    const result = await runCli('sync', ['--dry-run'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/specs\/acme\/swagger\.json would change \(\d+ → \d+ bytes\)/);
    expect((await specFiles(root))['swagger.json']).toBe(committedSwagger);
  });

  it('--url overrides specUrl for one provider', async () => {
    const root = await workspaceWith('https://unreachable.invalid/?cmd=userapi&action=swagger');
    const result = await runCli('sync', ['--provider', 'acme', '--url', `${server.url}/swagger`], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect((await specFiles(root))['swagger.json']).toBe(publishedSwagger());
  });

  it('names a new spec file after the document when the provider has none yet', async () => {
    const root = await tempWorkspace([{ id: 'fresh', config: { ...defaultConfig('fresh'), specUrl: `${server.url}/swagger` }, files: {} }]);
    const result = await runCli('sync', [], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^fresh: specs\/fresh\/swagger\.json created \(\d+ bytes\); \d+ operations\n$/);
    expect(Object.keys(await specFiles(root, 'fresh'))).toEqual(['provider.json', 'swagger.json']);
  });

  const failures: [string, string, RegExp][] = [
    ['a non-200 answer', '/server-error', /HTTP 503 Service Unavailable \(expected 200\)/],
    ['a 404', '/nowhere', /HTTP 404 Not Found/],
    ['HTML where JSON was expected', '/html', /expected a Swagger\/OpenAPI document but got an HTML page \(content-type text\/html; charset=utf-8\)/],
    ['HTML labelled as JSON', '/html-as-json', /got an HTML page/],
    ['a document that does not parse', '/broken', /\/broken:4:\d+: invalid JSON/],
    ['JSON that is not a Swagger or OpenAPI document', '/not-swagger', /neither a "swagger": "2\.0" nor an "openapi": "3\.x" field/],
  ];
  it.each(failures)('%s: exit 1, a clear message, the committed spec untouched', async (_name, route, message) => {
    const root = await workspaceWith(`${server.url}${route}`);
    const before = await specFiles(root);
    const result = await runCli('sync', [], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: acme: /);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('committed files left as they were');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await specFiles(root)).toEqual(before);
  });

  it('a refused connection is an error, not a hang', async () => {
    const closed = await startServer(() => undefined);
    const url = `${closed.url}/swagger`;
    await closed.close();
    const root = await workspaceWith(url);
    const result = await runCli('sync', [], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot fetch: .*ECONNREFUSED/);
    expect((await specFiles(root))['swagger.json']).toBe(committedSwagger);
  });

  it('a server that never answers times out', async () => {
    const root = await workspaceWith(`${server.url}/hang`);
    const result = await runCli('sync', ['--timeout', '300'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no answer within 0.3 s');
    expect((await specFiles(root))['swagger.json']).toBe(committedSwagger);
  });

  it('one provider failing does not stop the others, and the run still exits 1', async () => {
    const root = await tempWorkspace([
      { id: 'bad', config: { ...defaultConfig('bad'), specUrl: `${server.url}/server-error` }, files: { 'swagger.json': committedSwagger } },
      { id: 'good', config: { ...defaultConfig('good'), specUrl: `${server.url}/swagger` }, files: { 'swagger.json': committedSwagger } },
      { id: 'nourl', files: { 'swagger.json': committedSwagger } },
    ]);
    const result = await runCli('sync', [], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: bad: .*HTTP 503/m);
    expect(result.stdout).toMatch(/^good: specs\/good\/swagger\.json updated/m);
    expect(result.stdout).toMatch(/^nourl: skipped, no specUrl$/m);
    expect((await specFiles(root, 'good'))['swagger.json']).toBe(publishedSwagger());
    expect((await specFiles(root, 'bad'))['swagger.json']).toBe(committedSwagger);
  });

  it('never prints credentials from the URL', async () => {
    const root = await workspaceWith(server.url.replace('http://', 'http://user:hunter2@') + '/server-error?token=s3cret');
    const result = await runCli('sync', [], root);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).not.toMatch(/hunter2|s3cret/);
  });
});

describe('sync CLI: API pages', () => {
  it('saves the page as userapi-docs.html and its text as userapi-docs.txt, counting routes', async () => {
    const root = await tempWorkspace([{ id: 'page', config: { ...defaultConfig('page'), specUrl: `${server.url}/userapi` }, files: { 'userapi-docs.txt': 'GET /balance\n' } }]);
    const result = await runCli('sync', [], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const files = await specFiles(root, 'page');
    expect(files['userapi-docs.html']).toBe(PAGE);
    expect(files['userapi-docs.txt']).toBe('Introduction\n\nOur HTTP REST API.\n\nLogin\n\nPOST /login\n\nBalance\n\nGET /balance\n');
    expect(result.stdout).toBe(
      `page: specs/page/userapi-docs.html created (${Buffer.byteLength(PAGE)} bytes), specs/page/userapi-docs.txt updated (13 → ${Buffer.byteLength(files['userapi-docs.txt'] as string)} bytes); 1 → 2 routes\n`,
    );
    const again = await runCli('sync', [], root);
    expect(again.stdout).toMatch(/userapi-docs\.html unchanged .*userapi-docs\.txt unchanged .*; 2 routes\n$/);
  });

  it.each([
    ['a page without routes (a login page)', '/login-page/userapi', /lists no API routes/],
    ['JSON where the page was expected', '/json-page/userapi', /expected the HTML API page but got application\/json/],
  ])('%s is an error and nothing is written', async (_name, route, message) => {
    const root = await tempWorkspace([{ id: 'page', config: { ...defaultConfig('page'), specUrl: `${server.url}${route}` }, files: { 'userapi-docs.txt': 'GET /balance\n' } }]);
    const result = await runCli('sync', [], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(await specFiles(root, 'page')).toEqual({ 'provider.json': expect.any(String), 'userapi-docs.txt': 'GET /balance\n' });
  });
});

describe('sync CLI: usage', () => {
  it('--help exits 0; bad options exit 2', async () => {
    const root = await tempWorkspace([]);
    const help = await runCli('sync', ['--help'], root);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--provider');
    expect(help.stdout).toContain('--url');
    expect((await runCli('sync', ['--timeout', 'soon'], root)).code).toBe(2);
    const urlWithoutProvider = await runCli('sync', ['--url', 'http://127.0.0.1:9/x'], root);
    expect(urlWithoutProvider.code).toBe(2);
    expect(urlWithoutProvider.stderr).toContain('--url needs exactly one --provider');
  });

  it('an unknown provider is a usage error', async () => {
    const root = await workspaceWith(`${server.url}/swagger`);
    const result = await runCli('sync', ['--provider', 'nope'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown provider "nope"');
  });

  it('a provider named explicitly without a specUrl is an error', async () => {
    const root = await tempWorkspace([{ id: 'nourl', files: { 'swagger.json': committedSwagger } }]);
    await writeFile(path.join(root, 'specs/nourl/extra.txt'), 'x');
    const result = await runCli('sync', ['--provider', 'nourl'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no "specUrl": nothing to sync from');
  });
});

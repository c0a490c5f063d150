/**
 * `add-provider` end to end, in this process: from a billing host on 127.0.0.1 that serves a
 * Swagger export, from one that serves only its `/userapi` page, and from a saved OpenAPI 3 document
 * (test/fixtures/hostbill-openapi3/). Each run writes specs/<id>/ and generates generated/<id>/ in a
 * throwaway workspace.
 */
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../generator/cli/command.ts';
import { command } from '../../generator/cli/commands/add-provider.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { ROOT, smallSwagger, type CliResult } from '../helpers/workspace.ts';

const FIXTURE = path.join(ROOT, 'test/fixtures/hostbill-openapi3/openapi.json');
const PAGE = await readFile(path.join(ROOT, 'test/sync/fixtures/userapi-page.html'), 'utf8');
const SWAGGER = `${JSON.stringify(smallSwagger(), null, 2)}\n`;

async function emptyWorkspace(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'clientgen-add-'));
  await mkdir(path.join(root, 'specs'));
  return root;
}

async function addProvider(root: string, args: readonly string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCommand(command, args, { io: { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) }, root, cwd: ROOT });
  return { code, stdout, stderr };
}

const readJson = async (file: string): Promise<unknown> => JSON.parse(await readFile(file, 'utf8')) as unknown;

let swaggerHost: TestServer;
let pageHost: TestServer;
let emptyHost: TestServer;
beforeAll(async () => {
  swaggerHost = await startServer((req, res) => {
    if (req.url === '/?cmd=userapi&action=swagger') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(SWAGGER);
    } else res.writeHead(404).end();
  });
  // HostBill without the Swagger export answers its client area (HTML) at that URL.
  pageHost = await startServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' });
    res.end(req.url === '/userapi' ? PAGE : '<!doctype html><html><body>Client area</body></html>');
  });
  emptyHost = await startServer((_req, res) => void res.writeHead(404).end());
});
afterAll(async () => {
  await Promise.all([swaggerHost.close(), pageHost.close(), emptyHost.close()]);
});

describe('add-provider from a billing host', () => {
  it('finds the Swagger export, copies it byte for byte, writes provider.json from it and generates the package', async () => {
    const root = await emptyWorkspace();
    const result = await addProvider(root, ['--id', 'small', '--from', swaggerHost.url]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(swaggerHost.requests.map((r) => r.url)).toEqual(['/?cmd=userapi&action=swagger']);
    expect(await readFile(path.join(root, 'specs/small/swagger.json'), 'utf8')).toBe(SWAGGER);
    expect(await readJson(path.join(root, 'specs/small/provider.json'))).toEqual({
      displayName: 'Small API',
      packageName: '@clientgen/small',
      baseUrl: 'https://small.example.test/api',
      specUrl: `${swaggerHost.url}/?cmd=userapi&action=swagger`,
      auth: ['basic'],
      hostbill: true,
    });
    expect(result.stdout).toContain('small: found a Swagger/OpenAPI document at');
    expect(result.stdout).toContain('  auth:         basic (the document declares none: HostBill Basic)\n');
    expect(result.stdout).toMatch(/small: 2 operations, \d+ corrections, 0 warnings\n/);
    expect(result.stdout).toContain('report: generated/small/normalisation-report.md\n');
    expect(await readFile(path.join(root, 'generated/small/src/client.ts'), 'utf8')).toContain("baseUrl: 'https://small.example.test/api'");
  });

  it('falls back to the /userapi page, saves it with its text and imports it', async () => {
    const root = await emptyWorkspace();
    const result = await addProvider(root, ['--id', 'paged', '--from', pageHost.url, '--display-name', 'Paged Hosting']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(pageHost.requests.map((r) => r.url)).toEqual(['/?cmd=userapi&action=swagger', '/userapi']);
    expect((await readdir(path.join(root, 'specs/paged'))).sort()).toEqual(['provider.json', 'swagger.json', 'userapi-docs.html', 'userapi-docs.txt']);
    expect(await readFile(path.join(root, 'specs/paged/userapi-docs.html'), 'utf8')).toBe(PAGE);
    const config = (await readJson(path.join(root, 'specs/paged/provider.json'))) as Record<string, unknown>;
    expect(config).toMatchObject({ displayName: 'Paged Hosting', baseUrl: 'https://my.example.com/api', specUrl: `${pageHost.url}/userapi`, hostbill: true });
    const paths = ((await readJson(path.join(root, 'specs/paged/swagger.json'))) as { paths: object }).paths;
    expect(Object.keys(paths).sort()).toEqual(['/balance', '/login']);
    expect(result.stdout).toContain('paged: found an API page (imported into swagger.json)');
    expect(result.stdout).toMatch(/paged: 2 operations/);
  });

  it('fails with both reasons and writes nothing when the host has neither', async () => {
    const root = await emptyWorkspace();
    const result = await addProvider(root, ['--id', 'nothing', '--from', emptyHost.url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no HostBill document found: .*HTTP 404.*; .*HTTP 404/);
    expect(await readdir(path.join(root, 'specs'))).toEqual([]);
  });
});

describe('add-provider from a saved OpenAPI 3 HostBill document', () => {
  let root: string;
  let result: CliResult;
  beforeAll(async () => {
    root = await emptyWorkspace();
    result = await addProvider(root, ['--id', 'example', '--from', path.relative(ROOT, FIXTURE)]);
  });

  it('copies the document byte for byte and detects its settings', async () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await readFile(path.join(root, 'specs/example/openapi.json'))).toEqual(await readFile(FIXTURE));
    expect(await readJson(path.join(root, 'specs/example/provider.json'))).toEqual({
      displayName: 'Example Cloud',
      packageName: '@clientgen/example',
      baseUrl: 'https://api.example.test/api',
      auth: ['jwt'],
      hostbill: true,
    });
    expect(result.stdout).toContain("  base URL:     https://api.example.test/api (the paths' /api prefix moved into it)\n");
    expect(result.stdout).toContain('  auth:         jwt (declared by the document)\n');
    expect(result.stdout).toContain('  JWT:          login /login, refresh /token, revoke /revoke, logout /logout; answers carry "token" and "refresh_token"\n');
  });

  it('names every endpoint it shares with DNS.services as DNS.services does, whatever its operationIds and tags', async () => {
    type Ops = Record<string, { method: string; path: string; group: string; name: string; auth: boolean }>;
    const own = (await import(path.join(root, 'generated/example/src/operations.ts'))) as { operations: Ops };
    const other = (await import(path.join(ROOT, 'generated/dns-services/src/operations.ts'))) as { operations: Ops };
    const byRoute = new Map(Object.values(other.operations).map((op) => [`${op.method} ${op.path}`, `${op.group}.${op.name}`]));
    const shared = Object.values(own.operations).filter((op) => byRoute.has(`${op.method} ${op.path}`));
    expect(shared.length).toBeGreaterThanOrEqual(18);
    for (const op of shared) expect(`${op.group}.${op.name}`, `${op.method} ${op.path}`).toBe(byRoute.get(`${op.method} ${op.path}`));
    expect(Object.values(own.operations).every((op) => !op.path.startsWith('/api'))).toBe(true);
  });

  it('types the responses from the examples on media types, schemas and properties', async () => {
    const types = await readFile(path.join(root, 'generated/example/src/types.ts'), 'utf8');
    // Only GET /tickets/{number} documents no example at all.
    expect(types.match(/Response = unknown;/g)).toEqual(['Response = unknown;']);
    expect(types).toContain('export type GetTicketResponse = unknown;');
    const report = await readFile(path.join(root, 'generated/example/normalisation-report.md'), 'utf8');
    expect(report).toContain('inferred from content.application/json.examples.zones.value');
    expect(report).toContain('inferred from content.application/json.schema.properties.\\*.example');
    expect(report).toContain('GET /payment (repaired: json5)');
  });

  it('signs in with JWT under /api, sends only the bearer token, and refreshes with refresh_token', async () => {
    const jwt = (exp: number, id: string) => ['{"alg":"RS256"}', JSON.stringify({ exp, id })].map((p) => Buffer.from(p).toString('base64url')).join('.') + '.sig';
    const issued: string[] = [];
    // Tokens already past their `exp`, so the second call refreshes instead of reusing the first.
    const answer = () => {
      issued.push(jwt(Math.floor(Date.now() / 1000) - 60, `t${issued.length + 1}`));
      return { token: issued.at(-1), refresh_token: `r${issued.length}` };
    };
    const server = await startServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(req.url === '/api/login' || req.url === '/api/token' ? answer() : { client: { id: '26', email: 'user@example.com' } }));
    });
    try {
      const { ExampleCloudClient } = (await import(path.join(root, 'generated/example/src/index.ts'))) as {
        ExampleCloudClient: new (options: object) => { clientarea: { getDetails(): Promise<unknown> } };
      };
      const client = new ExampleCloudClient({ baseUrl: `${server.url}/api`, auth: { username: 'user@example.com', password: 'jwt-pass-123' } });
      await client.clientarea.getDetails();
      await client.clientarea.getDetails();
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/login', 'GET /api/details', 'POST /api/token', 'GET /api/details']);
      const [login, first, refresh, second] = server.requests;
      expect(JSON.parse(login?.body ?? '')).toEqual({ username: 'user@example.com', password: 'jwt-pass-123' });
      expect(JSON.parse(refresh?.body ?? '')).toEqual({ refresh_token: 'r1' });
      expect([first?.headers.authorization, second?.headers.authorization]).toEqual(issued.map((token) => `Bearer ${token}`));
      expect([login?.headers.authorization, refresh?.headers.authorization]).toEqual([undefined, undefined]);
    } finally {
      await server.close();
    }
  });
});

describe('add-provider refuses what it cannot do', () => {
  it('refuses an existing id unless --force, which replaces the folder', async () => {
    const root = await emptyWorkspace();
    await mkdir(path.join(root, 'specs/example'));
    await writeFile(path.join(root, 'specs/example/overlay.yaml'), 'overlay: 1.0.0\n');
    const refused = await addProvider(root, ['--id', 'example', '--from', FIXTURE]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('error: specs/example/ already exists; pass --force to replace it\n');
    expect(await readdir(path.join(root, 'specs/example'))).toEqual(['overlay.yaml']);
    const forced = await addProvider(root, ['--id', 'example', '--from', FIXTURE, '--force']);
    expect(forced.code).toBe(0);
    expect((await readdir(path.join(root, 'specs/example'))).sort()).toEqual(['openapi.json', 'provider.json']);
    expect((await readdir(path.join(root, 'specs'))).sort()).toEqual(['example']);
  });

  it('exits 2 on a bad id, a missing option or a missing file, and 0 with --help', async () => {
    const root = await emptyWorkspace();
    expect((await addProvider(root, ['--id', 'Bad Id', '--from', FIXTURE])).code).toBe(2);
    expect((await addProvider(root, ['--id', 'x'])).code).toBe(2);
    expect((await addProvider(root, ['--id', 'x', '--from', 'no/such/file.json'])).code).toBe(2);
    const empty = path.join(root, 'empty.json');
    await writeFile(empty, '{"openapi": "3.0.3", "info": {"title": "x", "version": "1"}, "paths": {}}');
    expect(await addProvider(root, ['--id', 'x', '--from', empty])).toEqual({ code: 1, stdout: '', stderr: `error: ${empty} at #/paths: the document declares no operations\n` });
    const help = await addProvider(root, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes: 0 added');
    expect(await readdir(path.join(root, 'specs'))).toEqual([]);
  });
});

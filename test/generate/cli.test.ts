import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.ts';
import { runCli, smallSwagger, tempWorkspace } from '../helpers/workspace.ts';

async function listTree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

/** The entry itself runs as a process of its own here; the rest of this file runs the command in this process. */
describe('generate CLI', () => {
  it('prints help and exits 0; unknown flags exit 2', async () => {
    const root = await tempWorkspace([]);
    const help = await runCli('generate', ['--help'], root);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--provider');
    const bad = await runCli('generate', ['--no-such-flag'], root);
    expect(bad.code).toBe(2);
    const unknown = await runCli('generate', ['--provider', 'nope'], root);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown provider "nope"');
  });

  it('generates a package, reports it, and check passes until a file is edited by hand', async () => {
    const root = await tempWorkspace([{ id: 'small', files: { 'swagger.json': smallSwagger() } }]);
    const result = await runCli('generate', [], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^small: 2 operations, \d+ corrections, rendered in [\d.]+ s\nsmall: \d+ files written to generated\/small\/ in [\d.]+ s\n$/);
    const files = await listTree(path.join(root, 'generated/small'));
    expect(files).toEqual(expect.arrayContaining(['package.json', 'openapi.json', 'normalisation-report.md', 'README.md', 'src/index.ts', 'src/client.ts']));
    const upToDate = await runCli('check', [], root);
    expect(upToDate.stderr).toBe('');
    expect(upToDate.code).toBe(0);
    const client = path.join(root, 'generated/small/src/client.ts');
    await writeFile(client, `${await readFile(client, 'utf8')}\n// edited\n`);
    const check = await runInProcess('check', [], root);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('differs: generated/small/src/client.ts');
  });
});

describe('bad input: a clear message naming the file and place, exit 1, nothing written', () => {
  async function expectFailure(files: Record<string, string | object>, message: RegExp, config?: Record<string, unknown>) {
    const root = await tempWorkspace([{ id: 'bad', files, config }]);
    await mkdir(path.join(root, 'generated/bad/src'), { recursive: true });
    await writeFile(path.join(root, 'generated/bad/src/index.ts'), 'previous output');
    const result = await runInProcess('generate', [], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace for input errors
    expect(await listTree(path.join(root, 'generated'))).toEqual(['bad', 'bad/src', 'bad/src/index.ts']);
    expect(await readFile(path.join(root, 'generated/bad/src/index.ts'), 'utf8')).toBe('previous output');
  }

  it('a missing spec file', async () => {
    await expectFailure({}, /specs\/bad: no spec file found/);
  });

  it('a spec named in provider.json that does not exist', async () => {
    await expectFailure({}, /specs\/bad\/gone\.json: file not found/, {
      displayName: 'Bad', packageName: 'bad', baseUrl: 'https://x.test', auth: ['basic'], hostbill: true, spec: 'gone.json',
    });
  });

  it('invalid JSON, with line and column', async () => {
    await expectFailure({ 'swagger.json': '{\n  "swagger": "2.0",\n  "paths": {,}\n}' }, /specs\/bad\/swagger\.json:3:13: invalid JSON/);
  });

  it('invalid YAML, with line and column', async () => {
    await expectFailure({ 'openapi.yaml': 'openapi: 3.0.0\npaths:\n  /a: [\n' }, /specs\/bad\/openapi\.yaml:\d+:\d+: invalid YAML/);
  });

  it('a document that is neither Swagger 2.0 nor OpenAPI 3.x', async () => {
    await expectFailure({ 'swagger.json': { asyncapi: '2.0.0', info: {} } }, /swagger\.json at #: neither a "swagger": "2\.0" nor an "openapi": "3\.x"/);
  });

  it('a $ref that does not resolve', async () => {
    const doc = smallSwagger();
    (doc.paths as Record<string, Record<string, Record<string, unknown>>>)['/details']!.get!.responses = { 200: { description: 'ok', schema: { $ref: '#/definitions/Missing' } } };
    await expectFailure({ 'swagger.json': doc }, /swagger\.json at #\/paths\/~1details\/get\/responses\/200\/schema\/\$ref: \$ref "#\/definitions\/Missing" does not resolve/);
  });

  it('a duplicate operationId is a warning, not a refusal: the second operation is renamed', async () => {
    const doc = {
      openapi: '3.0.3',
      info: { title: 'Dup', version: '1' },
      paths: {
        '/a': { get: { operationId: 'getThing', tags: ['things'], responses: { 200: { description: 'ok' } } } },
        '/b': { get: { operationId: 'getThing', tags: ['things'], responses: { 200: { description: 'ok' } } } },
      },
    };
    const root = await tempWorkspace([{ id: 'dup', files: { 'openapi.json': doc }, config: { displayName: 'Dup', packageName: 'dup', baseUrl: 'https://x.test', auth: [], hostbill: false } }]);
    const result = await runInProcess('generate', [], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  warning: operationId "getThing" is also used at #/paths/~1a/get/operationId (operationIds must be unique) (#/paths/~1b/get/operationId)\n');
  });

  it('a provider config that names an unknown auth scheme', async () => {
    await expectFailure({ 'swagger.json': smallSwagger() }, /provider\.json at #\/auth\/1: unknown auth scheme "oauth2"/, {
      displayName: 'Bad', packageName: 'bad', baseUrl: 'https://x.test', auth: ['basic', 'oauth2'], hostbill: true,
    });
  });

  it('one bad provider stops the run before any provider is written', async () => {
    const root = await tempWorkspace([
      { id: 'agood', files: { 'swagger.json': smallSwagger() } },
      { id: 'zbad', files: { 'swagger.json': '{' } },
    ]);
    const result = await runInProcess('generate', [], root);
    expect(result.code).toBe(1);
    await expect(readdir(path.join(root, 'generated'))).rejects.toThrow();
  });
});

describe('what generate prints', () => {
  it('each warning under its package\'s line, with its pointer', async () => {
    const doc = smallSwagger();
    const details = (doc.paths as Record<string, Record<string, Record<string, unknown>>>)['/details']!.get!;
    details.parameters = [{ name: 'ghost', in: 'path', type: 'integer', required: true }];
    const root = await tempWorkspace([{ id: 'warned', files: { 'swagger.json': doc } }]);
    const result = await runInProcess('generate', [], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^warned: 2 operations, \d+ corrections, 1 warning, rendered in [\d.]+ s\n {2}warning: path parameter "ghost" is not in the path template; removed \(#\/paths\/~1details\/get\/parameters\/0\)\nwarned: \d+ files written to generated\/warned\/ in [\d.]+ s\n$/,
    );
  });

  it('a line per package as it is rendered, then a line per package written', async () => {
    const root = await tempWorkspace([
      { id: 'one', files: { 'swagger.json': smallSwagger() } },
      { id: 'two', files: { 'swagger.json': smallSwagger() } },
    ]);
    const result = await runInProcess('generate', [], root);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 2).sort()).toEqual([expect.stringMatching(/^one: 2 operations, \d+ corrections, rendered in [\d.]+ s$/), expect.stringMatching(/^two: 2 operations, \d+ corrections, rendered in [\d.]+ s$/)]);
    expect(lines.slice(2)).toEqual([expect.stringMatching(/^one: \d+ files written to generated\/one\/ in [\d.]+ s$/), expect.stringMatching(/^two: \d+ files written to generated\/two\/ in [\d.]+ s$/)]);
  });

  it('--spec writes one package to --out (relative to the working folder), and leaves it alone when unchanged', async () => {
    const dir = await tempWorkspace([]);
    await writeFile(path.join(dir, 'small.json'), JSON.stringify(smallSwagger()));
    const first = await runInProcess('generate', ['--spec', 'small.json', '--out', 'client'], dir, { cwd: dir });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    // The package is named after info.title ("Small API"), as openapi-typescript's peers name it.
    // Its paths use HostBill's @name placeholders, read here as a generic document: one warning says so.
    expect(first.stdout).toMatch(/^small-api: 2 operations, \d+ corrections, 1 warning, rendered in [\d.]+ s\n {2}warning: the paths use HostBill's @name placeholders: [^\n]*--hostbill[^\n]*\nsmall-api: \d+ files written to client\/ in [\d.]+ s\n$/);
    expect(await readFile(path.join(dir, 'client/src/schema.ts'), 'utf8')).toContain('small.json');
    const again = await runInProcess('generate', ['--spec', 'small.json', '--out', 'client'], dir, { cwd: dir });
    expect(again.stdout).toBe('small-api: up to date (inputs unchanged), client/ left as it is\n');
  });
});

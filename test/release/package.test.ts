/**
 * A generated package is publishable: it builds to dist/esm (ESM + .d.ts) and dist/cjs (CommonJS + .d.ts),
 * packs only what should ship, passes publint and Are the Types Wrong (its default profile, node10 and
 * CommonJS included), and installs from its tarball into fresh ESM and CommonJS projects that
 * type-check and run against a local server. Uses the committed generated/time4vps, copied to a
 * temporary folder so the repository is not touched.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../helpers/check-project.ts';
import { sendJson, startServer, type TestServer } from '../helpers/server.ts';
import { ROOT } from '../helpers/workspace.ts';
import { OFFLINE, run, type Run } from './git-repo.ts';

type Json = Record<string, any>;

const LONG = 600_000;
const BIN = path.join(ROOT, 'node_modules/.bin');
/** The package's build script runs `tsc`; outside the workspace it comes from the root's node_modules. */
const withRootBin = { ...OFFLINE, PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ''}` };

let tmp: string;
let pkgDir: string;
let tarball: string;
let packed: { files: { path: string }[]; name: string; version: string };
let server: TestServer;

async function listTree(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listTree(path.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

/** `tsc -p <project>`, emitting (in this process: check-project.ts). */
async function tsc(project: string): Promise<Run> {
  const { code, output } = checkProject(project, { cwd: path.dirname(project), emit: true });
  return { code, stdout: output, stderr: '' };
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'clientgen-pkg-'));
  pkgDir = path.join(tmp, 'time4vps');
  await cp(path.join(ROOT, 'generated/time4vps'), pkgDir, { recursive: true, filter: (src) => !/[\\/](dist|node_modules)$/.test(src) });
  // `npm pack` runs the prepack script, which builds dist/ from scratch.
  const pack = await run('npm', ['pack', '--json', '--pack-destination', tmp], pkgDir, withRootBin);
  expect(pack.code, pack.stderr).toBe(0);
  const json = pack.stdout.slice(pack.stdout.indexOf('['));
  packed = (JSON.parse(json) as (typeof packed & { filename: string })[])[0] as typeof packed & { filename: string };
  tarball = path.join(tmp, (packed as unknown as { filename: string }).filename);
  server = await startServer((req, res) => {
    if (req.method === 'GET' && req.url === '/api/details') sendJson(res, 200, { client: { id: '26', email: 'api@example.com' } });
    else sendJson(res, 404, { error: ['not found'] });
  });
}, LONG);

afterAll(async () => {
  await server?.close();
});

describe('a generated package (time4vps) as published', () => {
  it('builds every module to ESM and to CommonJS JavaScript, each with declarations', async () => {
    const src = (await listTree(path.join(pkgDir, 'src'))).filter((f) => f.endsWith('.ts'));
    const dist = await listTree(path.join(pkgDir, 'dist'));
    expect(src.length).toBeGreaterThan(5);
    for (const format of ['esm', 'cjs']) {
      for (const file of src) {
        expect(dist).toContain(`${format}/${file.replace(/\.ts$/, '.js')}`);
        expect(dist).toContain(`${format}/${file.replace(/\.ts$/, '.d.ts')}`);
      }
    }
    expect(await readFile(path.join(pkgDir, 'dist/esm/index.js'), 'utf8')).toMatch(/^export /m);
    expect(await readFile(path.join(pkgDir, 'dist/cjs/index.js'), 'utf8')).toMatch(/^"use strict";\nObject\.defineProperty\(exports, "__esModule"/);
    expect(JSON.parse(await readFile(path.join(pkgDir, 'dist/cjs/package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
  });

  it('packs only dist (with its maps), the TypeScript sources they map to, README, CHANGELOG, openapi.json and package.json', () => {
    const files = packed.files.map((f) => f.path).sort();
    for (const file of files) expect(file).toMatch(/^(?:dist\/(?:esm|cjs)\/.+\.(?:js|d\.ts)(?:\.map)?|dist\/cjs\/package\.json|src\/.+\.ts|testing\/package\.json|README\.md|CHANGELOG\.md|LICENSE|openapi\.json|package\.json)$/);
    expect(files).toEqual(expect.arrayContaining(['README.md', 'openapi.json', 'package.json', 'dist/esm/index.js', 'dist/esm/index.d.ts', 'dist/cjs/index.js', 'dist/cjs/index.d.ts', 'dist/cjs/package.json', 'dist/esm/runtime/index.js', 'testing/package.json']));
    expect(files).toEqual(expect.arrayContaining(['src/client.ts', 'dist/esm/client.d.ts.map', 'dist/esm/client.js.map', 'dist/cjs/client.d.ts.map', 'dist/cjs/client.js.map']));
  });

  it('maps every declaration and script, ESM and CommonJS, to a TypeScript source the tarball ships (go-to-definition lands in src/)', async () => {
    const files = new Set(packed.files.map((f) => f.path));
    const maps = [...files].filter((f) => f.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(20);
    for (const map of maps) {
      expect(files.has(map.replace(/\.map$/, '')), map).toBe(true);
      const { sources } = JSON.parse(await readFile(path.join(pkgDir, map), 'utf8')) as { sources: string[] };
      expect(sources, map).toHaveLength(1);
      const source = path.posix.normalize(path.posix.join(path.posix.dirname(map), sources[0] as string));
      expect(source, map).toMatch(/^src\/.+\.ts$/);
      expect(files.has(source), `${map} → ${source}`).toBe(true);
    }
  });

  it('declares what a published ESM package needs, with no runtime dependencies', async () => {
    const pkg = JSON.parse(await readFile(path.join(pkgDir, 'package.json'), 'utf8')) as Json;
    expect(pkg).toMatchObject({
      name: '@clientgen/time4vps',
      type: 'module',
      sideEffects: false,
      license: 'MIT',
      engines: { node: '>=20' },
      repository: { type: 'git', directory: 'generated/time4vps' },
      exports: {
        '.': { import: { types: './dist/esm/index.d.ts', default: './dist/esm/index.js' }, require: { types: './dist/cjs/index.d.ts', default: './dist/cjs/index.js' } },
        './testing': { import: { types: './dist/esm/testing/index.d.ts', default: './dist/esm/testing/index.js' }, require: { types: './dist/cjs/testing/index.d.ts', default: './dist/cjs/testing/index.js' } },
        './package.json': './package.json',
      },
      devDependencies: { typescript: expect.stringMatching(/^\d+\.\d+\.\d+$/) },
      files: expect.arrayContaining(['dist']),
      publishConfig: { access: 'public' },
      clientgen: { specVersion: expect.any(String), specHash: expect.stringMatching(/^sha256-/) },
    });
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.peerDependencies).toBeUndefined();
  });

  it('passes publint (strict, suggestions included)', async () => {
    const buffer = await readFile(tarball);
    const { messages } = await publint({ pkgDir: 'package', level: 'suggestion', strict: true, pack: { tarball: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer } });
    expect(messages).toEqual([]);
  });

  it('passes Are the Types Wrong under its default profile (ESM, CommonJS and node10 resolution)', async () => {
    const attw = await run(process.execPath, [path.join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball, '--format', 'json'], tmp);
    expect(attw.code, attw.stdout.slice(0, 2000) + attw.stderr).toBe(0);
    const report = JSON.parse(attw.stdout) as { problems: Record<string, unknown[]> };
    expect(Object.values(report.problems).flat()).toEqual([]);
  });

  it('is required from a CommonJS project (main entry and ./testing), types included', async () => {
    const consumer = path.join(tmp, 'cjs-consumer');
    await mkdir(consumer);
    await writeFile(path.join(consumer, 'package.json'), JSON.stringify({ name: 'cjs-consumer', private: true, type: 'commonjs' }));
    const install = await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', tarball], consumer, OFFLINE);
    expect(install.code, install.stderr).toBe(0);
    const tsconfig = { compilerOptions: { target: 'ES2022', module: 'Node16', moduleResolution: 'Node16', lib: ['ES2022', 'DOM'], strict: true, types: [], outDir: 'out', skipLibCheck: false }, files: ['main.ts'] };
    await writeFile(path.join(consumer, 'tsconfig.json'), JSON.stringify(tsconfig));
    await writeFile(
      path.join(consumer, 'main.ts'),
      `import { Time4vpsClient, operations, type AccountGetDetailsResponse } from '@clientgen/time4vps';
import { createMockProvider } from '@clientgen/time4vps/testing';

async function main(): Promise<void> {
  const client = new Time4vpsClient({ baseUrl: ${JSON.stringify(`${server.url}/api`)}, auth: { username: 'user@example.test', password: 'pw' }, maxRetries: 0 });
  const details: AccountGetDetailsResponse = await client.account.getDetails();
  console.log(JSON.stringify({ email: details.client?.email, operations: Object.keys(operations).length, mock: typeof createMockProvider }));
}
void main();
`,
    );
    const check = await tsc(path.join(consumer, 'tsconfig.json'));
    expect(check.stdout + check.stderr).toBe('');
    // tsc emitted require() calls: the CommonJS build is what runs.
    expect(await readFile(path.join(consumer, 'out/main.js'), 'utf8')).toMatch(/require\("@clientgen\/time4vps"\)/);
    const program = await run(process.execPath, [path.join(consumer, 'out/main.js')], consumer);
    expect(program.stderr).toBe('');
    expect(JSON.parse(program.stdout)).toEqual({ email: 'api@example.com', operations: expect.any(Number), mock: 'function' });
    const direct = await run(process.execPath, ['-e', "const m = require('@clientgen/time4vps'); process.stdout.write(typeof m.Time4vpsClient + ' ' + require.resolve('@clientgen/time4vps'))"], consumer);
    expect(direct.stdout).toMatch(/^function .*dist[\\/]cjs[\\/]index\.js$/);
  }, LONG);

  it('installs from the tarball into a new project, type-checks and runs against a local server', async () => {
    const consumer = path.join(tmp, 'consumer');
    await mkdir(consumer);
    await writeFile(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    const install = await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', tarball], consumer, OFFLINE);
    expect(install.code, install.stderr).toBe(0);
    const tsconfig = { compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], strict: true, types: [], outDir: 'out', skipLibCheck: false }, files: ['main.ts'] };
    await writeFile(path.join(consumer, 'tsconfig.json'), JSON.stringify(tsconfig));
    await writeFile(
      path.join(consumer, 'main.ts'),
      `import { Time4vpsClient, operations, type AccountGetDetailsResponse } from '@clientgen/time4vps';
import spec from '@clientgen/time4vps/openapi.json' with { type: 'json' };

const client = new Time4vpsClient({ baseUrl: ${JSON.stringify(`${server.url}/api`)}, auth: { username: 'user@example.test', password: 'pw' }, maxRetries: 0 });
const details: AccountGetDetailsResponse = await client.account.getDetails();
console.log(JSON.stringify({ email: details.client?.email, operations: Object.keys(operations).length, title: spec.info.title }));
`,
    );
    await writeFile(path.join(consumer, 'tsconfig.json'), JSON.stringify({ ...tsconfig, compilerOptions: { ...tsconfig.compilerOptions, resolveJsonModule: true } }));
    const check = await tsc(path.join(consumer, 'tsconfig.json'));
    expect(check.stdout + check.stderr).toBe('');
    expect(check.code).toBe(0);
    const program = await run(process.execPath, [path.join(consumer, 'out/main.js')], consumer);
    expect(program.stderr).toBe('');
    expect(JSON.parse(program.stdout)).toEqual({ email: 'api@example.com', operations: expect.any(Number), title: 'Time4VPS User API' });
    const request = server.requests.at(-1);
    expect(request?.url).toBe('/api/details');
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from('user@example.test:pw').toString('base64')}`);

    // The types are real: a misspelt method and a wrongly typed field do not compile.
    await writeFile(path.join(consumer, 'main.ts'), `import { Time4vpsClient } from '@clientgen/time4vps';\nconst client = new Time4vpsClient();\nawait client.clientarea.getDetailz();\nconst n: number = (await client.clientarea.getDetails()).client!.email!;\n`);
    const broken = await tsc(path.join(consumer, 'tsconfig.json'));
    expect(broken.code).not.toBe(0);
    expect(broken.stdout).toMatch(/error TS2551: Property 'getDetailz' does not exist/);
    expect(broken.stdout).toMatch(/error TS2322: Type 'string' is not assignable to type 'number'/);
  }, LONG);
});

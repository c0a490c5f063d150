/**
 * A generated package is publishable: it builds to dist/ (ESM + .d.ts), packs only what should ship,
 * passes publint and Are the Types Wrong, and installs from its tarball into a fresh project that
 * type-checks and runs against a local server. Uses the committed generated/time4vps, copied to a
 * temporary folder so the repository is not touched.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const tsc = (project: string): Promise<Run> => run(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project], path.dirname(project));

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
  it('builds every module to ESM JavaScript with declarations', async () => {
    const src = (await listTree(path.join(pkgDir, 'src'))).filter((f) => f.endsWith('.ts'));
    const dist = await listTree(path.join(pkgDir, 'dist'));
    expect(src.length).toBeGreaterThan(5);
    for (const file of src) {
      expect(dist).toContain(file.replace(/\.ts$/, '.js'));
      expect(dist).toContain(file.replace(/\.ts$/, '.d.ts'));
    }
    expect(await readFile(path.join(pkgDir, 'dist/index.js'), 'utf8')).toMatch(/^export /m);
  });

  it('packs only dist, README, CHANGELOG, openapi.json and package.json', () => {
    const files = packed.files.map((f) => f.path).sort();
    for (const file of files) expect(file).toMatch(/^(?:dist\/.+\.(?:js|d\.ts)|README\.md|CHANGELOG\.md|LICENSE|openapi\.json|package\.json)$/);
    expect(files).toEqual(expect.arrayContaining(['README.md', 'openapi.json', 'package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/runtime/index.js']));
    expect(files.some((f) => f.startsWith('src/'))).toBe(false);
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
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' },
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

  it('passes Are the Types Wrong for an ESM-only package', async () => {
    const attw = await run(process.execPath, [path.join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball, '--profile', 'esm-only', '--format', 'json'], tmp);
    expect(attw.code, attw.stdout.slice(0, 2000) + attw.stderr).toBe(0);
    const report = JSON.parse(attw.stdout) as { problems: Record<string, { resolutionKind?: string }[]> };
    // The esm-only profile ignores CommonJS (node16-cjs) and node10 resolution; anything else is a real problem.
    const real = Object.values(report.problems).flat().filter((p) => p.resolutionKind !== 'node16-cjs' && p.resolutionKind !== 'node10');
    expect(real).toEqual([]);
  });

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
      `import { Time4vpsClient, operations, type GetDetailsResponse } from '@clientgen/time4vps';
import spec from '@clientgen/time4vps/openapi.json' with { type: 'json' };

const client = new Time4vpsClient({ baseUrl: ${JSON.stringify(`${server.url}/api`)}, auth: { username: 'user@example.test', password: 'pw' }, maxRetries: 0 });
const details: GetDetailsResponse = await client.clientarea.getDetails();
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

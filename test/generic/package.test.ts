/**
 * A package made from any document is as publishable as the HostBill ones: named and described by its
 * document (or `--name`), no `hostbill` keyword, no repository unless given, a build that works on its
 * own, and a README whose authentication matches the document's security schemes. `--overlay` and
 * `--config` are for users who regenerate their own documents repeatedly.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { publint } from 'publint';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.ts';
import { ROOT } from '../helpers/workspace.ts';
import { OFFLINE, run } from '../release/git-repo.ts';

type Json = Record<string, any>;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'clientgen-generic-'));
});

const pets = (securitySchemes: Record<string, unknown>, info: Record<string, unknown> = {}) => ({
  openapi: '3.0.3',
  info: { title: 'Pet Store', version: '2.1.0', description: 'Pets, their owners and visits.\n\nMore prose.', ...info },
  servers: [{ url: 'https://pets.example.test/v2' }],
  ...(Object.keys(securitySchemes).length > 0 ? { security: [Object.fromEntries(Object.keys(securitySchemes).map((k) => [k, []]))] } : {}),
  paths: { '/pets': { get: { operationId: 'listPets', responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } } } } } } },
  components: { securitySchemes },
});

async function generate(name: string, doc: object, args: string[] = []) {
  await writeFile(path.join(dir, `${name}.json`), JSON.stringify(doc));
  const result = await runInProcess('generate', ['--spec', `${name}.json`, '--out', name, ...args], dir, { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const read = (file: string) => readFile(path.join(dir, name, file), 'utf8');
  return { stdout: result.stdout, read, pkg: JSON.parse(await read('package.json')) as Json };
}

describe('package.json of a generic package', () => {
  it('takes its name from info.title and its description from info, with no hostbill keyword and no repository', async () => {
    const { pkg } = await generate('bearer', pets({ token: { type: 'http', scheme: 'bearer' } }));
    expect(pkg.name).toBe('pet-store');
    expect(pkg.description).toBe('Pets, their owners and visits.');
    expect(pkg.keywords).toEqual(['api', 'client', 'sdk', 'pet-store']);
    expect(pkg.repository).toBeUndefined();
    expect(pkg.devDependencies).toEqual({ typescript: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(pkg.scripts.build).toMatch(/tsc -p tsconfig\.json && tsc -p tsconfig\.cjs\.json/);
    expect(pkg.exports['.'].require).toEqual({ types: './dist/cjs/index.d.ts', default: './dist/cjs/index.js' });
  });

  it('takes --name (scoped too) and --repository when given', async () => {
    const { pkg } = await generate('named', pets({}), ['--name', '@acme/pets', '--repository', 'git+https://example.test/acme/pets.git']);
    expect(pkg.name).toBe('@acme/pets');
    expect(pkg.repository).toEqual({ type: 'git', url: 'git+https://example.test/acme/pets.git' });
  });
});

describe('a generic package as published', () => {
  it('packs (building ESM and CommonJS), and passes publint strict and Are the Types Wrong under its default profile', async () => {
    await generate('publish', pets({ token: { type: 'http', scheme: 'bearer' } }));
    const withRootBin = { ...OFFLINE, PATH: `${path.join(ROOT, 'node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}` };
    const pack = await run('npm', ['pack', '--json', '--pack-destination', dir], path.join(dir, 'publish'), withRootBin);
    expect(pack.code, pack.stderr).toBe(0);
    const [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    expect(packed!.files.map((f) => f.path)).toEqual(expect.arrayContaining(['dist/esm/index.js', 'dist/cjs/index.js', 'dist/cjs/index.d.ts', 'dist/esm/testing/index.d.ts', 'testing/package.json']));
    const tarball = path.join(dir, packed!.filename);
    const buffer = await readFile(tarball);
    const { messages } = await publint({ pkgDir: 'package', level: 'suggestion', strict: true, pack: { tarball: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer } });
    expect(messages).toEqual([]);
    const attw = await run(process.execPath, [path.join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball, '--format', 'json'], dir);
    expect(attw.code, attw.stdout.slice(0, 2000) + attw.stderr).toBe(0);
    expect(Object.values((JSON.parse(attw.stdout) as { problems: Record<string, unknown[]> }).problems).flat()).toEqual([]);
  }, 300_000);
});

describe('README authentication of a generic package', () => {
  it('shows a bearer token for a bearer API, never Basic credentials', async () => {
    const { read } = await generate('bearer-readme', pets({ token: { type: 'http', scheme: 'bearer' } }));
    const readme = await read('README.md');
    expect(readme).toContain('- Bearer token: `auth: { token }`, sent as `Authorization: Bearer <token>`.');
    expect(readme).toContain("const client = new PetStoreClient({ auth: { token: 'your-access-token' } });");
    expect(readme).not.toMatch(/username|_PASSWORD|declares no authentication|ThrottleError/);
  });

  it('names the API key header of an apiKey API', async () => {
    const { read } = await generate('key', pets({ key: { type: 'apiKey', in: 'header', name: 'X-Pet-Key' } }));
    const readme = await read('README.md');
    expect(readme).toContain('- API key: `auth: { apiKey }`, sent in the `X-Pet-Key` header.');
    expect(readme).toContain("new PetStoreClient({ auth: { apiKey: 'your-api-key' } })");
  });

  it('sends an API key the document puts in a cookie as that cookie (it said the document declared no authentication)', async () => {
    const { read } = await generate('cookie', pets({ session: { type: 'apiKey', in: 'cookie', name: 'PETSESSION' } }));
    expect(await read('README.md')).toContain('- API key: `auth: { apiKey }`, sent in the `PETSESSION` cookie (Node, Deno, Bun; a browser forbids fetch to set cookies and sends its own).');
    expect(await read('src/client.ts')).toContain("apiKey: { in: 'cookie', name: 'PETSESSION' }");
  });

  it('says there is no authentication, and shows none, when the document declares none', async () => {
    const { read } = await generate('open', pets({}));
    const readme = await read('README.md');
    expect(readme).toContain('The document declares no authentication');
    expect(readme).toContain('const client = new PetStoreClient();');
    expect(readme).not.toMatch(/auth: \{/);
  });
});

describe('--overlay and --config', () => {
  it('applies an OpenAPI Overlay given with --overlay', async () => {
    const overlay = 'overlay: 1.0.0\ninfo: { title: fixes, version: 1.0.0 }\nactions:\n  - target: "$.info"\n    update: { title: Renamed Store }\n';
    await writeFile(path.join(dir, 'fixes.yaml'), overlay);
    const { pkg, read } = await generate('overlaid', pets({}), ['--overlay', 'fixes.yaml']);
    expect(pkg.name).toBe('pet-store'); // named from the document as published; the overlay corrects its content
    expect(JSON.parse(await read('openapi.json')).info.title).toBe('Renamed Store');
    expect(await read('normalisation-report.md')).toContain('overlay');
  });

  it('generates every package a config file lists, paths relative to the file', async () => {
    await writeFile(path.join(dir, 'a.json'), JSON.stringify(pets({}, { title: 'Alpha' })));
    await writeFile(path.join(dir, 'b.json'), JSON.stringify(pets({}, { title: 'Beta' })));
    const config = { packages: [{ spec: 'a.json', out: 'clients/a' }, { spec: 'b.json', out: 'clients/b', name: 'beta-client', repository: 'git+https://example.test/b.git' }] };
    await writeFile(path.join(dir, 'clientgen.config.json'), JSON.stringify(config));
    const result = await runInProcess('generate', ['--config', 'clientgen.config.json'], dir, { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^alpha: \d+ files written to clients\/a\/ in/m);
    expect(result.stdout).toMatch(/^beta-client: \d+ files written to clients\/b\/ in/m);
    const b = JSON.parse(await readFile(path.join(dir, 'clients/b/package.json'), 'utf8')) as Json;
    expect([b.name, b.repository.url]).toEqual(['beta-client', 'git+https://example.test/b.git']);
  });

  it('refuses an unknown setting in the config file, naming its pointer, with nothing written', async () => {
    await writeFile(path.join(dir, 'bad.config.json'), JSON.stringify({ packages: [{ spec: 'a.json', out: 'clients/c', outdir: 'x' }] }));
    const result = await runInProcess('generate', ['--config', 'bad.config.json'], dir, { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad\.config\.json at #\/packages\/0\/outdir: unknown setting "outdir"/);
  });

  it('refuses --config combined with --spec as a usage error', async () => {
    const result = await runInProcess('generate', ['--config', 'clientgen.config.json', '--spec', 'a.json'], dir, { cwd: dir });
    expect(result.code).toBe(2);
  });
});

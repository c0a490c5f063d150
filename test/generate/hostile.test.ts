import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { typecheckPackages } from '../helpers/batch-typecheck.ts';
import { identifiersIn } from '../helpers/typescript.ts';
import { runInProcess } from '../helpers/in-process.ts';
import { ROOT, runCli, tempWorkspace } from '../helpers/workspace.ts';

let pkg: string;
let out: string;
/** Both packages' tsc diagnostics by folder, from one program with their own tsconfig (one parse of the DOM lib, one check of the shared runtime and kit, not two). */
let diagnostics: Map<string, string[]>;

beforeAll(async () => {
  [pkg, out] = [await hostileSpecPackage(), await hostileNamePackage()];
  const configs = await Promise.all([pkg, out].map((dir) => readFile(path.join(dir, 'tsconfig.json'), 'utf8')));
  expect(configs[0]).toBe(configs[1]);
  const { byDir, byPackage } = await typecheckPackages(await mkdtemp(path.join(tmpdir(), 'clientgen-hostile-check-')), [pkg, out], { extendsConfig: path.join(pkg, 'tsconfig.json'), shareCopies: true });
  // tsc's output outside both packages (a bad option, a crash) would be grouped under "(other)".
  expect(byPackage.get('(other)') ?? []).toEqual([]);
  diagnostics = byDir;
}, 240_000);

/**
 * A spec written to attack the generator: comment terminators, template-literal syntax, backticks,
 * prototype names and reserved words in every text field. The package must compile and contain no
 * code that came from the spec.
 */
async function hostileSpecPackage(): Promise<string> {
  const root = await tempWorkspace([
    {
      id: 'hostile',
      files: {},
      config: { displayName: 'Hostile */ pwned', packageName: '@clientgen/hostile', baseUrl: 'https://hostile.example.test/api', auth: ['basic'], hostbill: true },
    },
  ]);
  await cp(path.join(ROOT, 'test/fixtures/hostile/swagger.json'), path.join(root, 'specs/hostile/swagger.json'));
  const result = await runInProcess('generate', [], root);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return path.join(root, 'generated/hostile');
}

describe('hostile spec', () => {
  it('generates a package that type-checks under strict', () => {
    expect(diagnostics.get(pkg) ?? []).toEqual([]);
  });

  it('emits no code taken from hostile text', async () => {
    const files = (await readdir(path.join(pkg, 'src'), { recursive: true })).map(String).filter((f) => f.endsWith('.ts') && !f.startsWith('runtime') && (!f.startsWith('testing') || f === 'testing/index.ts'));
    // runtime/ and the test kit beside testing/index.ts are copied verbatim: no spec text reaches them.
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) {
      // Names derived from spec text (getAPwned) are fine; the bare identifiers of the payloads are not.
      const ids = identifiersIn(await readFile(path.join(pkg, 'src', file), 'utf8'));
      expect([...ids].filter((id) => id === 'pwned' || id === 'globalThis'), file).toEqual([]);
    }
  });

  it('keeps prototype names as inert keys and members', async () => {
    const operations = await readFile(path.join(pkg, 'src/operations.ts'), 'utf8');
    expect(operations).toContain("'__proto__'");
    const client = await readFile(path.join(pkg, 'src/client.ts'), 'utf8');
    expect(client).not.toMatch(/readonly __proto__\b/);
    expect(client).not.toMatch(/readonly constructor\b/);
  });

  it('keeps the nulls of a Swagger 2.0 enum and default (swagger2openapi deleted them, openapi-typescript then crashed)', async () => {
    const schema = await readFile(path.join(pkg, 'src/schema.ts'), 'utf8');
    expect(schema).toMatch(/state\?: null \| 1;/);
    const openapi = JSON.parse(await readFile(path.join(pkg, 'openapi.json'), 'utf8')) as { paths: Record<string, any> };
    const level = (openapi.paths['/c'].delete.parameters as { name: string; schema: { enum: unknown[] } }[]).find((p) => p.name === 'level');
    expect(level?.schema.enum).toEqual([null, 1, 2]);
  });

  it('escapes the README and package.json', async () => {
    const manifest = JSON.parse(await readFile(path.join(pkg, 'package.json'), 'utf8')) as { description: string };
    expect(manifest.description).toContain('*/ pwned');
    const readme = await readFile(path.join(pkg, 'README.md'), 'utf8');
    expect(readme).not.toContain('<script>');
  });
});

const HTML = ['<script>pwned()</script>', '<img src=x onerror=pwned()>', '[click](javascript:pwned())'];

/**
 * `generate --spec` with a hostile file name (U+2028 and U+2029 would end the `//` header line and
 * start code) and Markdown/HTML payloads in the title and operationIds (which the normalisation
 * report quotes).
 */
async function hostileNamePackage(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'clientgen-hostile-name-'));
  const spec = path.join(root, 'api\u2028export const pwned = 1;\u2029pwned().json');
  await writeFile(
    spec,
    JSON.stringify({
      openapi: '3.0.3',
      info: { title: `Evil ${HTML.join(' ')}`, version: '1' },
      paths: {
        '/a': { get: { operationId: HTML[1], responses: { 200: { description: 'ok' } } } },
        '/b': { get: { operationId: HTML[2], responses: { 200: { description: 'ok' } } } },
        '/c': { get: { operationId: HTML[0], responses: { 200: { description: 'ok' } } } },
      },
    }),
  );
  const out = path.join(root, 'out');
  // A process of its own: the file name reaches the command through the operating system's argv.
  const result = await runCli('generate', ['--spec', spec, '--out', out, '--name', 'evil', '--force'], root);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return out;
}

describe('hostile file name and report text', () => {
  it('keeps the file name inside the one-line header of every TypeScript file', async () => {
    const files = (await readdir(path.join(out, 'src'), { recursive: true })).map(String).filter((f) => f.endsWith('.ts') && !f.startsWith('runtime') && (!f.startsWith('testing') || f === 'testing/index.ts'));
    // runtime/ and the test kit beside testing/index.ts are copied verbatim: no spec text reaches them.
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) {
      const text = await readFile(path.join(out, 'src', file), 'utf8');
      const header = text.split('\n')[0] as string;
      expect(header, file).toMatch(/^\/\/ Generated by clientgen from api export const pwned = 1; pwned\(\)\.json\. Do not edit/);
      expect(text, file).not.toMatch(/[\u2028\u2029]/);
      expect([...identifiersIn(text)].filter((id) => id === 'pwned'), file).toEqual([]);
    }
    expect(diagnostics.get(out) ?? []).toEqual([]);
  }, 240_000);

  it('escapes the title and operationIds in normalisation-report.md', async () => {
    const report = await readFile(path.join(out, 'normalisation-report.md'), 'utf8');
    expect(report).toContain('pwned');
    // Every < that Markdown could pass through as HTML is escaped, and no link can be formed.
    expect(report).not.toMatch(/(?<!\\)</);
    expect(report).not.toMatch(/(?<!\\)\]\(/);
    expect(report).toContain('\\<script\\>');
    expect(report).toContain('\\[click\\](javascript:pwned())');
  });
});

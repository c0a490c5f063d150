import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listProviders } from '../../generator/config/load-provider.ts';
import { workspace } from '../../generator/workspace.ts';
import { renderProvider } from '../helpers/render.ts';
import { typecheckPackages } from '../helpers/batch-typecheck.ts';
import { copyPackages } from '../helpers/shared-copies.ts';
import { ROOT, runCli } from '../helpers/workspace.ts';

const ws = workspace(ROOT);
const providers = await listProviders(ws.specsDir);

describe('committed packages', () => {
  it('exist for every provider under specs/', async () => {
    expect(providers.length).toBeGreaterThan(0);
    const generated = await readdir(ws.generatedDir);
    for (const id of providers) expect(generated).toContain(id);
  });

  // One tsc program for every package (one parse of the DOM lib, one check of the runtime), with the
  // options of the packages' own tsconfig.json, which they all share.
  let typecheck: Awaited<ReturnType<typeof typecheckPackages>>;
  beforeAll(async () => {
    const dirs = providers.map((id) => path.join(ws.generatedDir, id));
    const configs = await Promise.all(dirs.map((dir) => readFile(path.join(dir, 'tsconfig.json'), 'utf8')));
    expect(new Set(configs).size).toBe(1);
    // Copies, so their runtime and test kit can be checked once (shared-copies.ts) without touching generated/.
    const root = await mkdtemp(path.join(tmpdir(), 'clientgen-packages-'));
    const copies = await copyPackages(root, dirs);
    typecheck = await typecheckPackages(root, copies, { extendsConfig: path.join(copies[0] as string, 'tsconfig.json'), shareCopies: true });
  }, 240_000);

  it.each(providers)('%s type-checks under strict as .ts source', (id) => {
    // tsc's output outside every package (a bad option, a crash) would be grouped under "(other)".
    expect(typecheck.byPackage.get('(other)') ?? []).toEqual([]);
    expect(typecheck.byPackage.get(id) ?? []).toEqual([]);
    expect(typecheck.code).toBe(0);
  });

  it.each(providers)('%s: operation summary matches the reviewed snapshot', async (id) => {
    const { operations } = (await import(path.join(ws.generatedDir, id, 'src/operations.ts'))) as {
      operations: Record<string, { method: string; path: string; group: string; name: string; pathParams: string[]; queryParams: string[]; bodyParams: string[]; auth: boolean; response: string }>;
    };
    const lines = Object.entries(operations).map(
      ([opId, op]) =>
        `${op.method} ${op.path} → ${op.group}.${op.name} [${opId}] path(${op.pathParams.join(',')}) query(${op.queryParams.join(',')}) body(${op.bodyParams.join(',')})${op.auth ? '' : ' no-auth'}${op.response === 'json' ? '' : ` ${op.response}`}`,
    );
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot(`__snapshots__/${id}.operations.txt`);
  });
});

describe('determinism', () => {
  it('two renders of a provider are byte-identical', async () => {
    const id = providers[0] as string;
    const [a, b] = [await renderProvider(ws, id), await renderProvider(ws, id)];
    expect([...a.files.keys()]).toEqual([...b.files.keys()]);
    for (const [name, content] of a.files) expect(b.files.get(name), name).toBe(content);
  });

  it('output does not depend on time zone or locale', async () => {
    const result = await runCli('check', ['--full'], ROOT, { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // The child renders all five providers; runCli gives it 120 s, so the test waits as long.
  }, 120_000);
});

import { lstat, mkdtemp, readFile, readlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PackageResult } from '../generator/engine/package-result.ts';
import { testKitFiles } from '../generator/render/runtime-files.ts';
import { workspace } from '../generator/workspace.ts';
import { renderProvider } from './helpers/render.ts';
import { shareCopiedFiles, writeLinkedPackage } from './helpers/shared-copies.ts';
import { smallSwagger, tempWorkspace } from './helpers/workspace.ts';

/** The test helper the fuzz and oas-examples suites write their packages with (helpers/shared-copies.ts). */
describe('writeLinkedPackage', () => {
  let result: PackageResult;
  let root: string;

  beforeAll(async () => {
    const ws = workspace(await tempWorkspace([{ id: 'small', files: { 'swagger.json': smallSwagger() } }]));
    result = await renderProvider(ws, 'small');
    root = await mkdtemp(path.join(tmpdir(), 'clientgen-linked-'));
  });

  it('writes the first package whole and links the next one’s runtime and test kit to it', async () => {
    const first = path.join(root, 'first');
    const second = path.join(root, 'second');
    await writeLinkedPackage(first, result.files, undefined);
    await writeLinkedPackage(second, result.files, first);
    expect((await lstat(path.join(first, 'src/runtime'))).isDirectory()).toBe(true);
    expect(await readlink(path.join(second, 'src/runtime'))).toBe(path.join(first, 'src/runtime'));
    for (const kit of (await testKitFiles()).keys()) expect(await readlink(path.join(second, kit))).toBe(path.join(first, kit));
    // The package's own files are written as rendered, the test kit's rendered entry among them.
    expect(await readFile(path.join(second, 'src/testing/index.ts'), 'utf8')).toBe(result.files.get('src/testing/index.ts'));
    expect(await readFile(path.join(second, 'src/client.ts'), 'utf8')).toBe(result.files.get('src/client.ts'));
    // shareCopiedFiles takes the linked package as it is and excludes its links from the program.
    const { excluded } = await shareCopiedFiles(root, [first, second]);
    expect(excluded).toContain('second/src/runtime');
    expect(excluded).not.toContain('first/src/runtime');
  });

  it('refuses a package whose copy differs from the template it copies, writing nothing', async () => {
    const tampered = new Map(result.files);
    const name = [...tampered.keys()].find((n) => n.startsWith('src/runtime/')) as string;
    tampered.set(name, `${tampered.get(name)}\nexport const extra = 1;\n`);
    const dir = path.join(root, 'tampered');
    await expect(writeLinkedPackage(dir, tampered, path.join(root, 'first'))).rejects.toThrow(`${dir}/${name} is not byte-identical to the template it copies`);
    await expect(lstat(dir)).rejects.toThrow(/ENOENT/);
  });
});

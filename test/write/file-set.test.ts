import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffFileSet, writeFileSet } from '../../generator/write/file-set.ts';

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'clientgen-write-'));
}

describe('writeFileSet', () => {
  it('replaces the folder with exactly the new files and keeps dist/', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'pkg');
    await mkdir(path.join(dir, 'dist'), { recursive: true });
    await writeFile(path.join(dir, 'stale.ts'), 'old');
    await writeFile(path.join(dir, 'dist', 'index.js'), 'built');
    await writeFileSet(dir, new Map([['src/index.ts', 'new'], ['package.json', '{}']]));
    expect((await readdir(dir)).sort()).toEqual(['dist', 'package.json', 'src']);
    expect(await readFile(path.join(dir, 'dist', 'index.js'), 'utf8')).toBe('built');
    expect(await readdir(root)).toEqual(['pkg']);
  });

  it('leaves the previous output untouched when a write fails midway', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'pkg');
    await mkdir(dir);
    await writeFile(path.join(dir, 'index.ts'), 'previous');
    // "a" is written as a file, so "a/b" cannot be created: the second write fails.
    const files = new Map([['a', 'x'], ['a/b', 'y']]);
    await expect(writeFileSet(dir, files)).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['index.ts']);
    expect(await readFile(path.join(dir, 'index.ts'), 'utf8')).toBe('previous');
    expect(await readdir(root)).toEqual(['pkg']);
  });
});

describe('diffFileSet', () => {
  it('names changed, missing and extra files', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'same.ts'), 'same');
    await writeFile(path.join(dir, 'edited.ts'), 'edited by hand');
    await writeFile(path.join(dir, 'extra.ts'), 'extra');
    const diff = await diffFileSet(dir, new Map([['same.ts', 'same'], ['edited.ts', 'generated'], ['missing.ts', 'm']]));
    expect(diff).toEqual({ changed: ['edited.ts'], missing: ['missing.ts'], extra: ['extra.ts'] });
  });
});

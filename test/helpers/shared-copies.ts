import { cp, mkdir, readdir, readFile, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { testKitFiles } from '../../generator/render/runtime-files.ts';

/**
 * Every package carries the same runtime (`src/runtime/`) and test kit (`src/testing/` beside its
 * rendered index.ts), copied verbatim (render/runtime-files.ts): about 250 kB that a tsc program
 * over many packages would check once per package. Once every package's copies are asserted
 * byte-identical to the first package's, checking the first package's checks them all. So the
 * other packages' copies become symlinks to the first package's, which the program resolves to
 * their real paths (check-project.ts, `realPaths`): one SourceFile serves every package. The
 * tsconfig excludes the links (`excluded`) so they do not also enter the program as root files.
 *
 * Only for packages in a folder of the test's own: the copies are replaced on disk.
 */
export async function shareCopiedFiles(root: string, packageDirs: readonly string[]): Promise<{ excluded: string[] }> {
  const [reference, ...others] = packageDirs;
  if (reference === undefined) return { excluded: [] };
  const kit = [...(await testKitFiles()).keys()];
  const runtime = await filesUnder(reference, 'src/runtime');
  const copies = [...runtime, ...kit];
  const referenceText = await Promise.all(copies.map((name) => readFile(path.join(reference, name), 'utf8')));
  // A file's module format follows the package.json above its real path: the reference's must be every package's.
  const format = await moduleType(reference);
  const excluded: string[] = [];
  for (const dir of others) {
    const own = await filesUnder(dir, 'src/runtime');
    if (own.join('\n') !== runtime.join('\n')) throw new Error(`${dir}: src/runtime holds ${JSON.stringify(own)}, not ${JSON.stringify(runtime)} as ${reference} does`);
    for (const [i, name] of copies.entries()) {
      if ((await readFile(path.join(dir, name), 'utf8')) !== referenceText[i]) throw new Error(`${dir}/${name} is not byte-identical to ${reference}/${name}`);
    }
    if ((await moduleType(dir)) !== format) throw new Error(`${dir}: package.json "type" differs from ${reference}'s`);
    for (const link of ['src/runtime', ...kit]) {
      await rm(path.join(dir, link), { recursive: true });
      await symlink(path.join(reference, link), path.join(dir, link));
      excluded.push(path.relative(root, path.join(dir, link)).split(path.sep).join('/'));
    }
  }
  return { excluded };
}

/**
 * Copies of committed packages (their package.json, tsconfig files and src/) in `root`, one folder
 * per package named as its own, for a batch check that shares their runtime (shareCopiedFiles)
 * without touching generated/.
 */
export async function copyPackages(root: string, packageDirs: readonly string[]): Promise<string[]> {
  const copies: string[] = [];
  for (const dir of packageDirs) {
    const copy = path.join(root, path.basename(dir));
    await mkdir(copy, { recursive: true });
    for (const name of await readdir(dir)) {
      if (name === 'src' || name === 'package.json' || /^tsconfig.*\.json$/.test(name)) await cp(path.join(dir, name), path.join(copy, name), { recursive: true });
    }
    copies.push(copy);
  }
  return copies;
}

async function filesUnder(dir: string, folder: string): Promise<string[]> {
  return (await readdir(path.join(dir, folder), { recursive: true, withFileTypes: true }))
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

async function moduleType(dir: string): Promise<unknown> {
  return (JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { type?: unknown }).type;
}

import { readdir, readFile, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { runtimeFiles, testKitFiles } from '../../generator/render/runtime-files.ts';

/**
 * Every package carries the same runtime and test kit, copied verbatim (render/runtime-files.ts):
 * about 100 kB that a tsc program over many packages would check once per package. Once each copy
 * is asserted byte-identical to the generator's own files, checking one of them checks them all.
 * So the other packages' copies become symlinks to the first package's; TypeScript resolves an
 * import to the file's real path, so one SourceFile serves every package, and the tsconfig excludes
 * the links (`excluded`) so they do not also enter the program as root files of their own.
 *
 * Only for packages written to a temporary folder: the copies are replaced on disk.
 */
export async function shareCopiedFiles(root: string, packageDirs: readonly string[]): Promise<{ excluded: string[] }> {
  const runtime = await runtimeFiles();
  const kit = await testKitFiles();
  const [reference, ...others] = packageDirs;
  if (reference === undefined) return { excluded: [] };
  // A file's module format follows the package.json above its real path: the reference's must be every package's.
  const format = await moduleType(reference);
  for (const dir of packageDirs) {
    await assertVerbatim(dir, runtime, kit);
    if ((await moduleType(dir)) !== format) throw new Error(`${dir}: package.json "type" differs from ${reference}'s`);
  }
  const excluded: string[] = [];
  for (const dir of others) {
    const links = ['src/runtime', ...kit.keys()];
    for (const link of links) {
      await rm(path.join(dir, link), { recursive: true });
      await symlink(path.join(reference, link), path.join(dir, link));
      excluded.push(path.relative(root, path.join(dir, link)).split(path.sep).join('/'));
    }
  }
  return { excluded };
}

/** The package's runtime is exactly the generator's (no file more or less) and its kit files are the generator's. */
async function assertVerbatim(dir: string, runtime: ReadonlyMap<string, string>, kit: ReadonlyMap<string, string>): Promise<void> {
  const present = (await readdir(path.join(dir, 'src/runtime'), { recursive: true, withFileTypes: true }))
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  const expected = [...runtime.keys()].sort();
  if (present.join('\n') !== expected.join('\n')) {
    throw new Error(`${dir}: src/runtime holds ${JSON.stringify(present)}, not the generator's runtime files ${JSON.stringify(expected)}`);
  }
  for (const [name, content] of [...runtime, ...kit]) {
    if ((await readFile(path.join(dir, name), 'utf8')) !== content) throw new Error(`${dir}/${name} is not the generator's copy, byte for byte`);
  }
}

async function moduleType(dir: string): Promise<unknown> {
  return (JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { type?: unknown }).type;
}

import { cp, lstat, mkdir, readdir, readFile, readlink, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { runtimeFiles, testKitFiles } from '../../generator/render/runtime-files.ts';
import { writeFileSet, type FileSet } from '../../generator/write/file-set.ts';

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
  const { links, kit } = await templateCopies();
  const runtime = await filesUnder(reference, 'src/runtime');
  const copies = [...runtime, ...kit];
  const referenceText = await Promise.all(copies.map((name) => readFile(path.join(reference, name), 'utf8')));
  // A file's module format follows the package.json above its real path: the reference's must be every package's.
  const format = await moduleType(reference);
  const excluded: string[] = [];
  for (const dir of others) {
    // A package writeLinkedPackage wrote links already, its copies asserted; any other's are compared and linked here.
    if (!(await linkedTo(dir, reference, links))) {
      const own = await filesUnder(dir, 'src/runtime');
      if (own.join('\n') !== runtime.join('\n')) throw new Error(`${dir}: src/runtime holds ${JSON.stringify(own)}, not ${JSON.stringify(runtime)} as ${reference} does`);
      for (const [i, name] of copies.entries()) {
        if ((await readFile(path.join(dir, name), 'utf8')) !== referenceText[i]) throw new Error(`${dir}/${name} is not byte-identical to ${reference}/${name}`);
      }
      for (const link of links) {
        await rm(path.join(dir, link), { recursive: true });
        await symlink(path.join(reference, link), path.join(dir, link));
      }
    }
    if ((await moduleType(dir)) !== format) throw new Error(`${dir}: package.json "type" differs from ${reference}'s`);
    excluded.push(...links.map((link) => path.relative(root, path.join(dir, link)).split(path.sep).join('/')));
  }
  return { excluded };
}

/**
 * Writes a rendered package for a batch check that shares copies: with no `reference`, all of it;
 * otherwise its own files through writeFileSet, and its runtime and test kit as links to the
 * reference's, once every copy in `files` is asserted byte-identical to the template it copies.
 * shareCopiedFiles then takes the package as it is, instead of the package writing ~35 copies that
 * are read back, compared and replaced by the same links.
 */
export async function writeLinkedPackage(dir: string, files: FileSet, reference: string | undefined): Promise<void> {
  if (reference === undefined) return writeFileSet(dir, files);
  const { copies, links } = await templateCopies();
  for (const [name, text] of copies) {
    if (files.get(name) !== text) throw new Error(`${dir}/${name} is not byte-identical to the template it copies`);
  }
  await writeFileSet(dir, new Map([...files].filter(([name]) => !copies.has(name))));
  await mkdir(path.join(dir, 'src/testing'), { recursive: true });
  for (const link of links) await symlink(path.join(reference, link), path.join(dir, link));
}

/** The verbatim copies every package carries (read once), the test kit's file names, and what links them: `src/runtime` and each kit file. */
let copiesOnce: Promise<{ copies: Map<string, string>; kit: string[]; links: string[] }> | undefined;
function templateCopies(): Promise<{ copies: Map<string, string>; kit: string[]; links: string[] }> {
  copiesOnce ??= Promise.all([runtimeFiles(), testKitFiles()]).then(([runtime, kitFiles]) => {
    const kit = [...kitFiles.keys()];
    return { copies: new Map([...runtime, ...kitFiles]), kit, links: ['src/runtime', ...kit] };
  });
  return copiesOnce;
}

/** True when each of `links` in `dir` is a link to the same path in `reference` (writeLinkedPackage). */
async function linkedTo(dir: string, reference: string, links: readonly string[]): Promise<boolean> {
  for (const link of links) {
    const at = path.join(dir, link);
    const isLink = await lstat(at).then((s) => s.isSymbolicLink(), () => false);
    if (!isLink || (await readlink(at)) !== path.join(reference, link)) return false;
  }
  return true;
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

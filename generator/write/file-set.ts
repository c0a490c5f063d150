import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertOwnedOrEmpty, BUILD_FOLDERS } from './ownership.ts';
import { clearStaleStaging, stagingPaths } from './staging.ts';

export { clearStaleStaging, findStaleStaging, type StagingFolder } from './staging.ts';
export { isGeneratedPackage } from './ownership.ts';

/** Every file of one package, by path relative to the package root, rendered before anything is written. */
export type FileSet = ReadonlyMap<string, string>;

/** Every file below `dir` by relative path, sorted; node_modules and dist are not part of a package's output. */
export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (BUILD_FOLDERS.includes(entry.name)) continue;
      out.push(...(await listFiles(path.join(dir, entry.name), rel)));
    } else out.push(rel);
  }
  return out.sort();
}

/**
 * Throws the UsageError `writeFileSet` would throw for `dir` (see `ownership.ts`), writing nothing:
 * a command writing several packages checks them all before writing the first.
 */
export async function assertWritable(dir: string, files: FileSet): Promise<void> {
  await assertOwnedOrEmpty(dir, files, (d) => listFiles(d));
}

export interface FileSetDifference {
  readonly changed: string[];
  readonly missing: string[];
  readonly extra: string[];
}

/** Compares a rendered file set with what is on disk (ignoring node_modules and dist). */
export async function diffFileSet(dir: string, files: FileSet): Promise<FileSetDifference> {
  const onDisk = new Set(await listFiles(dir));
  const changed: string[] = [];
  const missing: string[] = [];
  for (const [name, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    if (!onDisk.has(name)) missing.push(name);
    else if ((await readFile(path.join(dir, name), 'utf8')) !== content) changed.push(name);
    onDisk.delete(name);
  }
  return { changed, missing, extra: [...onDisk] };
}

/**
 * Writes the file set as the new content of `dir`, atomically at the directory level: everything
 * goes to a sibling staging folder first, then one rename swaps it in. A failure before the swap
 * leaves the previous output untouched. `dist` and `node_modules` of the old folder are carried
 * over, since they are build products, not generator output.
 *
 * `dir` must be new, empty, or a package clientgen wrote (see `ownership.ts`); anything else is a
 * UsageError and nothing is touched. Staging folders that killed runs left beside `dir` are removed
 * first (never a live process's).
 */
export async function writeFileSet(dir: string, files: FileSet): Promise<void> {
  await clearStaleStaging(path.dirname(dir));
  await assertWritable(dir, files);
  const { staging, old } = stagingPaths(dir);
  await rm(staging, { recursive: true, force: true });
  const moved: string[] = [];
  let swappedOut = false;
  try {
    for (const [name, content] of files) {
      const target = path.join(staging, name);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    for (const keep of BUILD_FOLDERS) {
      if (await rename(path.join(dir, keep), path.join(staging, keep)).then(() => true, () => false)) moved.push(keep);
    }
    await rm(old, { recursive: true, force: true });
    swappedOut = await rename(dir, old).then(
      () => true,
      () => false,
    );
    await rename(staging, dir);
    if (swappedOut) await rm(old, { recursive: true, force: true });
  } catch (error) {
    // Put the previous package back as it was (with its build folders) before dropping the staging folder.
    if (swappedOut) await rename(old, dir).catch(() => undefined);
    for (const keep of moved) await rename(path.join(staging, keep), path.join(dir, keep)).catch(() => undefined);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

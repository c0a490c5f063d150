import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Every file of one package, by path relative to the package root, rendered before anything is written. */
export type FileSet = ReadonlyMap<string, string>;

/** Every file below `dir` by relative path, sorted; node_modules and dist are not part of a package's output. */
export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      out.push(...(await listFiles(path.join(dir, entry.name), rel)));
    } else out.push(rel);
  }
  return out.sort();
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
 */
export async function writeFileSet(dir: string, files: FileSet): Promise<void> {
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  const staging = path.join(parent, `.${base}.staging-${process.pid}`);
  const old = path.join(parent, `.${base}.old-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    for (const [name, content] of files) {
      const target = path.join(staging, name);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    for (const keep of ['node_modules', 'dist']) {
      await rename(path.join(dir, keep), path.join(staging, keep)).catch(() => undefined);
    }
    await rm(old, { recursive: true, force: true });
    const hadOld = await rename(dir, old).then(
      () => true,
      () => false,
    );
    await rename(staging, dir);
    if (hadOld) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The sibling folders `writeFileSet` builds a package in (`.<name>.staging-<pid>`) and moves the
 * previous package to during the swap (`.<name>.old-<pid>`). A run killed midway leaves one behind;
 * the pid in the name tells a dead run's leftovers from another process's live work.
 */
import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

const STAGING_NAME = /^\.(.+)\.(staging|old)-(\d+)$/;

export interface StagingFolder {
  /** The folder's name inside the parent folder. */
  readonly name: string;
  /** The package folder it belongs to (`bkns` for `.bkns.old-5905`). */
  readonly packageName: string;
  readonly kind: 'staging' | 'old';
  readonly pid: number;
}

export function stagingPaths(dir: string): { staging: string; old: string } {
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  return { staging: path.join(parent, `.${base}.staging-${process.pid}`), old: path.join(parent, `.${base}.old-${process.pid}`) };
}

export function parseStagingName(name: string): StagingFolder | undefined {
  const match = STAGING_NAME.exec(name);
  if (!match) return undefined;
  return { name, packageName: match[1] as string, kind: match[2] as 'staging' | 'old', pid: Number(match[3]) };
}

/** True when a process with this pid exists (signal 0 only checks; EPERM means it exists but is not ours). */
export function processIsAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Every staging or old folder of this generator's naming directly inside `parentDir` (e.g.
 * `generated/`), sorted by name, live or not: `check` fails on any, since `git add generated` would
 * commit them.
 */
export async function findStaleStaging(parentDir: string): Promise<StagingFolder[]> {
  const names = await readdir(parentDir).catch(() => [] as string[]);
  return names
    .map(parseStagingName)
    .filter((f): f is StagingFolder => f !== undefined)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Clears what killed runs left beside `dir`: staging and old folders whose process is gone (a live
 * one belongs to a run still writing, and stays). When `dir` itself is missing because a run died
 * between its two renames, its previous package is still in the old folder and is moved back first.
 */
export async function removeStaleStaging(dir: string): Promise<void> {
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  // This process's own folders for other packages may be another write in progress; for `dir` they are ours to clear.
  const dead = (await findStaleStaging(parent)).filter((f) => (f.pid === process.pid ? f.packageName === base : !processIsAlive(f.pid)));
  const dirExists = await stat(dir).then(
    () => true,
    () => false,
  );
  const orphan = dirExists ? undefined : dead.find((f) => f.packageName === base && f.kind === 'old');
  if (orphan) await rename(path.join(parent, orphan.name), dir);
  for (const folder of dead) {
    if (folder !== orphan) await rm(path.join(parent, folder.name), { recursive: true, force: true });
  }
}

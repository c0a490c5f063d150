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
 * Clears what killed runs left in `parentDir` (e.g. `generated/`): staging and old folders whose
 * process is gone. A live process's folders stay, this process's too (its writes clear their own).
 * When a package folder is missing because a run died between its two renames, its previous
 * package is still in the old folder and is moved back instead of removed. Returns what it did.
 */
export async function clearStaleStaging(parentDir: string): Promise<{ removed: string[]; restored: string[] }> {
  const dead = (await findStaleStaging(parentDir)).filter((f) => f.pid !== process.pid && !processIsAlive(f.pid));
  const removed: string[] = [];
  const restored: string[] = [];
  for (const folder of dead) {
    const from = path.join(parentDir, folder.name);
    const packageDir = path.join(parentDir, folder.packageName);
    const packageMissing = await stat(packageDir).then(
      () => false,
      () => true,
    );
    if (folder.kind === 'old' && packageMissing) {
      await rename(from, packageDir);
      restored.push(folder.packageName);
    } else {
      await rm(from, { recursive: true, force: true });
      removed.push(folder.name);
    }
  }
  return { removed, restored };
}

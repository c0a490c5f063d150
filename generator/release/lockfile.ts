/** Keeps package-lock.json in step with the versions of the workspace packages under generated/. */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { GeneratorError } from '../errors.ts';

async function readJson(file: string): Promise<Record<string, unknown> | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new GeneratorError({ file }, 'invalid JSON');
  }
}

/** The package.json fields npm copies into a workspace's lockfile entry and `npm ci` checks. */
const DEPENDENCY_FIELDS = ['name', 'version', 'dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

function stableJson(value: unknown): string {
  if (value === undefined || (typeof value === 'object' && value !== null && Object.keys(value).length === 0)) return '';
  return JSON.stringify(value, (_k, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/**
 * The generated packages whose name, version or dependencies package-lock.json does not record (missing entries
 * included); empty when the lockfile is in step, or when the root has no lockfile at all.
 */
export async function staleLockEntries(root: string): Promise<string[]> {
  const lock = await readJson(path.join(root, 'package-lock.json'));
  if (!lock) return [];
  const packages = (lock.packages ?? {}) as Record<string, Record<string, unknown>>;
  const dirs = (await readdir(path.join(root, 'generated'), { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  const stale: string[] = [];
  for (const dir of dirs) {
    const pkg = await readJson(path.join(root, 'generated', dir, 'package.json'));
    if (!pkg) continue;
    const entry = packages[`generated/${dir}`];
    if (!entry || DEPENDENCY_FIELDS.some((field) => stableJson(entry[field]) !== stableJson(pkg[field]))) stale.push(`generated/${dir}`);
  }
  return stale;
}

/** `npm install --package-lock-only --ignore-scripts`: rewrites the lockfile only, installs nothing, runs no scripts. */
export function updateLockfile(root: string): Promise<void> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return new Promise((resolve, reject) => {
    execFile(
      npm,
      ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'],
      { cwd: root, maxBuffer: 16 * 1024 * 1024, timeout: 300_000 },
      (error, _stdout, stderr) => {
        if (error) reject(new GeneratorError({ file: path.join(root, 'package-lock.json') }, `npm install --package-lock-only failed: ${stderr.trim() || error.message}`));
        else resolve();
      },
    );
  });
}

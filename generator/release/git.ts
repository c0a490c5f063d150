/** Reading files as they were at a git ref, relative to the workspace root (which may be a subfolder of the repository). */
import { execFile } from 'node:child_process';
import { GeneratorError, UsageError } from '../errors.ts';

interface GitResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function git(cwd: string, args: readonly string[]): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(new GeneratorError({ file: cwd }, `cannot run git (${error.message})`));
        return;
      }
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

/** Fails with a usage error when `ref` names no commit, and with an error when `root` is not in a git repository. */
export async function verifyRef(root: string, ref: string): Promise<string> {
  const inside = await git(root, ['rev-parse', '--is-inside-work-tree']);
  if (inside.code !== 0) throw new GeneratorError({ file: root }, `not a git repository: ${inside.stderr.trim()}`);
  if (ref.startsWith('-')) throw new UsageError(`invalid git ref "${ref}"`);
  const result = await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (result.code !== 0) throw new UsageError(`unknown git ref "${ref}" (no such commit, branch or tag)`);
  return result.stdout.trim();
}

/** A file's content at `ref`, or undefined when the file does not exist there. `file` is relative to `root`. */
export async function showFile(root: string, ref: string, file: string): Promise<string | undefined> {
  const spec = `${ref}:./${file}`;
  if ((await git(root, ['cat-file', '-e', spec])).code !== 0) return undefined;
  const result = await git(root, ['show', spec]);
  if (result.code !== 0) throw new GeneratorError({ file }, `git show ${spec} failed: ${result.stderr.trim()}`);
  return result.stdout;
}

/** Files under `dir` (relative to `root`) at `ref`, relative to `dir`, sorted. */
export async function listFiles(root: string, ref: string, dir: string): Promise<string[]> {
  const result = await git(root, ['ls-tree', '-r', '-z', '--name-only', ref, '--', `${dir}/`]);
  if (result.code !== 0) throw new GeneratorError({ file: dir }, `git ls-tree ${ref} failed: ${result.stderr.trim()}`);
  const prefix = `${dir}/`;
  return result.stdout
    .split('\0')
    .filter((f) => f.startsWith(prefix))
    .map((f) => f.slice(prefix.length))
    .sort();
}

/**
 * The npm scripts run the CLIs compiled by generator/build/bundle.mjs (through launch.mjs); the
 * other tests run the TypeScript sources. These check that the compiled CLI gives the committed
 * output and that it is rebuilt whenever the sources change, so it never runs older code.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileFingerprints, sameFingerprints } from '../../generator/build/file-fingerprints.mjs';
import { ROOT, type CliResult } from '../helpers/workspace.ts';

// @ts-expect-error plain JavaScript modules without declarations
const { STAMP_FILE } = (await import('../../generator/build/bundle.mjs')) as { STAMP_FILE: string };
// @ts-expect-error plain JavaScript modules without declarations
const { sourceFiles, sourceStamp } = (await import('../../generator/build/source-stamp.mjs')) as { sourceFiles(root: string): Promise<string[]>; sourceStamp(root: string): Promise<string> };


function launch(args: readonly string[], root: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'generator/build/launch.mjs'), ...args], { cwd: ROOT, env: { ...process.env, CLIENTGEN_ROOT: root }, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('the compiled CLI', () => {
  it('is stamped with every module esbuild bundles, those the generator imports from templates/ included', async () => {
    const files = await sourceFiles(ROOT);
    // A capability rule there was changed and the compiled CLI kept running the old one.
    expect(files).toEqual(expect.arrayContaining(['generator/engine/render-package.ts', 'templates/runtime/contracts.ts', 'templates/runtime/types.ts', 'tsconfig.json']));
    // Templates read from disk at run time do not need a rebuild.
    expect(files.some((f) => f.endsWith('.hbs'))).toBe(false);
  });

  it('is rebuilt when the recorded sources are not the current ones, then runs', async () => {
    await mkdir(path.dirname(STAMP_FILE), { recursive: true });
    await writeFile(STAMP_FILE, '"not the sources"\n');
    const result = await launch(['generate', '--help'], ROOT);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: generate');
    expect(JSON.parse(await readFile(STAMP_FILE, 'utf8')).stamp).toBe(await sourceStamp(ROOT));
  });

  it('renders what the TypeScript sources rendered: check passes on a committed package', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'clientgen-compiled-'));
    await cp(path.join(ROOT, 'specs/brainoza'), path.join(root, 'specs/brainoza'), { recursive: true });
    await cp(path.join(ROOT, 'generated/brainoza'), path.join(root, 'generated/brainoza'), { recursive: true, filter: (src) => !/[\\/](node_modules|dist)$/.test(src) });
    const result = await launch(['check', '--full'], root);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('brainoza: up to date\n');
    expect(result.code).toBe(0);
  });

  it('passes its arguments on and keeps the exit codes: a usage error is 2', async () => {
    const result = await launch(['generate', '--provider', 'no-such-provider'], ROOT);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown provider "no-such-provider"');
  });

  it('refuses an unknown command with a usage line', async () => {
    const result = await launch(['no-such-command'], ROOT);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^usage: node generator\/build\/launch\.mjs <generate\|check\|/);
  });
});

describe('the source stamp', () => {
  it('changes with any file under generator/ (edited, added) and nothing else', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'clientgen-stamp-'));
    await mkdir(path.join(root, 'generator/engine'), { recursive: true });
    await writeFile(path.join(root, 'generator/engine/a.ts'), 'export const a = 1;\n');
    const first = await sourceStamp(root);
    await writeFile(path.join(root, 'README.md'), 'not a source\n');
    expect(await sourceStamp(root)).toBe(first);
    await writeFile(path.join(root, 'generator/engine/a.ts'), 'export const a = 2;\n');
    const edited = await sourceStamp(root);
    expect(edited).not.toBe(first);
    await writeFile(path.join(root, 'generator/engine/b.ts'), '');
    expect(await sourceStamp(root)).not.toBe(edited);
  });
});

describe('file fingerprints', () => {
  it('match while no file is edited, added, removed or missing, and survive a trip through JSON', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'clientgen-fingerprints-'));
    await writeFile(path.join(root, 'a.ts'), 'export const a = 1;\n');
    await writeFile(path.join(root, 'b.ts'), '');
    const recorded = JSON.parse(JSON.stringify(await fileFingerprints(root, ['a.ts', 'b.ts']))) as unknown;
    expect(sameFingerprints(recorded, await fileFingerprints(root, ['a.ts', 'b.ts']))).toBe(true);
    expect(sameFingerprints(recorded, await fileFingerprints(root, ['a.ts']))).toBe(false);
    expect(sameFingerprints(recorded, await fileFingerprints(root, ['a.ts', 'b.ts', 'c.ts']))).toBe(false);
    await writeFile(path.join(root, 'b.ts'), 'x');
    expect(sameFingerprints(recorded, await fileFingerprints(root, ['a.ts', 'b.ts']))).toBe(false);
    const missing = await fileFingerprints(root, ['gone.ts']);
    expect(sameFingerprints(missing, missing)).toBe(false);
    expect(sameFingerprints('not a record', missing)).toBe(false);
  });
});

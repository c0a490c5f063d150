import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocs, serialiseDocument } from '../../generator/import-docs/index.ts';
import { runInProcess } from '../helpers/in-process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'generator/cli/import-docs.ts');
/** tsx's loader by URL, so the CLI can run from a temporary folder without node_modules. */
const TSX = import.meta.resolve('tsx');

let temp: string;

/** The command in this process, as the entry runs it with the root and working folder set to `temp`. */
async function run(args: string[]) {
  return runInProcess('import-docs', args, temp, { cwd: temp });
}

/** The entry itself, as a process of its own. */
function runProcess(args: string[], cwd = temp) {
  const result = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], {
    cwd,
    env: { ...process.env, CLIENTGEN_ROOT: temp },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  temp = mkdtempSync(path.join(os.tmpdir(), 'import-docs-cli-'));
  mkdirSync(path.join(temp, 'specs', 'brainoza'), { recursive: true });
  copyFileSync(path.join(ROOT, 'specs/brainoza/userapi-docs.txt'), path.join(temp, 'specs/brainoza/userapi-docs.txt'));
  writeFileSync(path.join(temp, 'empty.txt'), 'Introduction\n\nNothing here.\n');
});

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

describe('import-docs CLI', () => {
  it('imports a provider into specs/<id>/swagger.json, the same bytes every time', async () => {
    const first = await run(['--provider', 'brainoza']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('specs/brainoza/userapi-docs.txt: 13 operations, 2 notes');
    expect(first.stderr).toContain('note: line 88: POST /login hands out tokens');
    const out = path.join(temp, 'specs/brainoza/swagger.json');
    const written = readFileSync(out, 'utf8');
    const page = readFileSync(path.join(temp, 'specs/brainoza/userapi-docs.txt'), 'utf8');
    expect(written).toBe(serialiseDocument(importDocs(page, { file: 'specs/brainoza/userapi-docs.txt' }).document));
    expect(written.endsWith('}\n')).toBe(true);

    expect((await run(['--provider', 'brainoza'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(written);
    expect(readdirSync(path.dirname(out)).sort()).toEqual(['swagger.json', 'userapi-docs.txt']);
  });

  it('prints the document for a page file, or writes it with --out', async () => {
    const printed = runProcess(['specs/brainoza/userapi-docs.txt']);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout).swagger).toBe('2.0');
    expect(printed.stderr).toContain('13 operations');

    const written = await run(['specs/brainoza/userapi-docs.txt', '--out', 'out.json']);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(path.join(temp, 'out.json'), 'utf8')).toBe(printed.stdout);
  });

  it('exits 1 with <file>:<line>: on a page it cannot import', async () => {
    const result = await run(['empty.txt']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: empty\.txt:1: no "HTTP Request" block found/m);
    expect(result.stdout).toBe('');
  });

  it.each([
    [[], /give a page file or --provider/],
    [['empty.txt', '--provider', 'brainoza'], /either a file or --provider, not both/],
    [['--provider', 'nope'], /provider "nope" has no API page/],
    [['--provider', '../etc'], /invalid provider id/],
    [['missing.txt'], /no such file: missing\.txt/],
    [['--bogus'], /unknown option '--bogus'/],
  ])('exits 2 on usage error %j', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('shows help and exits 0', () => {
    const result = runProcess(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--provider <id>');
    expect(result.stdout).toContain('Exit codes: 0 imported, 1 import error');
  });
});

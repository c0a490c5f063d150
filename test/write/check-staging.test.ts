import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand, type CliCommand } from '../../generator/cli/command.ts';
import { command as check } from '../../generator/cli/commands/check.ts';
import { command as generate } from '../../generator/cli/commands/generate.ts';
import { smallSwagger, tempWorkspace } from '../helpers/workspace.ts';

/** Issue 13, point 3: `check` fails on a staging folder a killed `generate` left in generated/, and the next `generate` removes it. */
describe('left-over staging folders', () => {
  let root = '';
  afterAll(() => rm(root, { recursive: true, force: true }));

  const run = async (command: CliCommand, argv: string[]) => {
    let stderr = '';
    const code = await runCommand(command, argv, { root, cwd: root, io: { stdout: () => {}, stderr: (s: string) => void (stderr += s) } });
    return { code, stderr };
  };

  it('check names the folder and exits 1; generate removes it; check is clean again', async () => {
    root = await tempWorkspace([{ id: 'small', files: { 'swagger.json': smallSwagger() } }]);
    expect((await run(generate, [])).code).toBe(0);
    expect(await run(check, [])).toEqual({ code: 0, stderr: '' });
    // pid 999999999 is far above any pid_max, so no live process owns this folder.
    const leftOver = path.join(root, 'generated', '.small.staging-999999999');
    await mkdir(leftOver, { recursive: true });
    const stale = await run(check, []);
    expect(stale.stderr).toContain('left over: generated/.small.staging-999999999');
    expect(stale.code).toBe(1);
    expect((await run(generate, [])).code).toBe(0);
    expect(await run(check, [])).toEqual({ code: 0, stderr: '' });
  });
});

/** The `add-provider` entry as its own process (`npm run add-provider` runs this file): help, and a refused id. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempWorkspace } from '../helpers/workspace.ts';

describe('generator/cli/add-provider.ts', () => {
  it('prints its help with exit 0 and refuses an existing id with exit 2', async () => {
    const root = await tempWorkspace([]);
    const help = await runCli('add-provider', ['--help'], root);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: add-provider [options]');
    expect(help.stdout).toContain('--from <url-or-file>');
    await mkdir(path.join(root, 'specs/taken'), { recursive: true });
    const refused = await runCli('add-provider', ['--id', 'taken', '--from', 'https://my.example.com'], root);
    expect([refused.code, refused.stderr]).toEqual([2, 'error: specs/taken/ already exists; pass --force to replace it\n']);
  });
});

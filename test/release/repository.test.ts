/** The repository itself: the lockfile lists every generated package, and the README's release commands exist as written. */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleLockEntries } from '../../generator/release/lockfile.ts';
import { ROOT, runCli } from '../helpers/workspace.ts';

const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; workspaces?: string[] };

/** The shell commands in the code blocks of the README's "Release loop" section, comments removed. */
function releaseLoopCommands(): string[] {
  const section = readme.slice(readme.indexOf('## Release loop'));
  const end = section.indexOf('\n## ', 5);
  const body = end < 0 ? section : section.slice(0, end);
  return [...body.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) =>
    (m[1] as string)
      .split('\n')
      .map((l) => l.replace(/\s+#.*$/, '').trim())
      .filter(Boolean),
  );
}

describe('repository', () => {
  it('npm workspaces cover generated/*, and package-lock.json records every generated package at its version', async () => {
    expect(pkg.workspaces).toEqual(['generated/*']);
    expect(await staleLockEntries(ROOT)).toEqual([]);
  });

  it('has the release scripts', () => {
    // The generator's commands run the compiled CLI through launch.mjs, with node's flags before it.
    for (const command of ['sync', 'diff', 'release']) expect(pkg.scripts[command]).toMatch(new RegExp(`^node (--[\\w-]+=\\S+ )*generator/build/launch\\.mjs ${command}$`));
    expect(pkg.scripts.build).toBe('npm run build --workspaces --if-present');
  });

  it('every command in the README release loop names a real script, option and tool', async () => {
    const commands = releaseLoopCommands();
    expect(commands.length).toBeGreaterThan(10);
    const helps = new Map<string, string>();
    for (const command of commands) {
      const npmRun = /^npm run ([\w-]+)(?: -w \S+)?(?: -- (.*))?$/.exec(command);
      if (npmRun) {
        const [, script, args = ''] = npmRun as unknown as [string, string, string?];
        expect(Object.keys(pkg.scripts), command).toContain(script);
        const cli = /^node generator\/build\/launch\.mjs ([\w-]+)$/.exec(pkg.scripts[script] ?? '');
        if (!cli) continue;
        const name = cli[1] as string;
        if (!helps.has(name)) helps.set(name, (await runCli(name, ['--help'], ROOT)).stdout);
        for (const [flag] of args.matchAll(/--[\w-]+/g)) expect(helps.get(name), `${command}: ${flag}`).toContain(flag);
        continue;
      }
      const npx = /^npx (\S+)/.exec(command);
      if (npx) {
        await expect(access(path.join(ROOT, 'node_modules/.bin', npx[1] as string)), command).resolves.toBeUndefined();
        continue;
      }
      expect(command, 'a command the test does not know').toMatch(/^(?:npm pack --dry-run -w generated\/\S+|git add .*|tag=.*git push origin "\$tag")$/);
    }
  });
});

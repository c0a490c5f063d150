/**
 * publish.yml publishes only from tags on the default branch, with npm's trusted publishing (OIDC):
 * the branch guard is run for real against throwaway repositories.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/workspace.ts';
import { git, run } from '../release/git-repo.ts';

type Step = { name?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, unknown> };
const workflow = parse(await readFile(path.join(ROOT, '.github/workflows/publish.yml'), 'utf8')) as { on: any; permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const guard = steps.find((s) => s.run?.includes('merge-base --is-ancestor'));
const publish = steps.findIndex((s) => s.run?.includes('npm publish'));

describe('publish.yml', () => {
  it('checks that the tag is on the default branch before anything else runs', () => {
    expect(guard?.env?.DEFAULT_BRANCH).toBe('${{ github.event.repository.default_branch }}');
    expect(steps.indexOf(guard as Step)).toBe(1);
    expect(steps[0]?.with?.['fetch-depth']).toBe(0);
    expect(publish).toBeGreaterThan(1);
  });

  it('uses trusted publishing: an npm that supports it, the OIDC permission, no token unless the fallback secret is stored', () => {
    expect(workflow.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(steps.some((s) => s.run === 'npm install --global npm@^11.5.1')).toBe(true);
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(22);
    const text = steps.map((s) => JSON.stringify(s)).join('\n');
    expect(text.match(/secrets\.\w+/g)).toEqual(['secrets.NPM_TOKEN']);
    expect(steps[publish]?.run).toContain('--provenance');
  });

  describe('the branch guard', () => {
    let origin: string;
    let clone: string;
    const tip: Record<string, string> = {};

    beforeAll(async () => {
      const root = await mkdtemp(path.join(tmpdir(), 'clientgen-publish-'));
      origin = path.join(root, 'origin');
      clone = path.join(root, 'clone');
      await git(root, 'init', '-q', origin);
      await writeFile(path.join(origin, 'a.txt'), 'a');
      await git(origin, 'add', 'a.txt');
      await git(origin, 'commit', '-q', '-m', 'on main');
      tip.main = (await git(origin, 'rev-parse', 'HEAD')).trim();
      await git(origin, 'checkout', '-q', '-b', 'side');
      await writeFile(path.join(origin, 'b.txt'), 'b');
      await git(origin, 'add', 'b.txt');
      await git(origin, 'commit', '-q', '-m', 'on a side branch');
      tip.side = (await git(origin, 'rev-parse', 'HEAD')).trim();
      await git(origin, 'checkout', '-q', 'main');
      // As actions/checkout leaves it for a tag push: the tagged commit checked out, no branches fetched.
      await git(root, 'clone', '-q', '--no-checkout', origin, clone);
      await git(clone, 'update-ref', '-d', 'refs/remotes/origin/main');
    });

    const runGuard = (sha: string) =>
      run('bash', ['-e', '-c', guard?.run as string], clone, { DEFAULT_BRANCH: 'main', GITHUB_SHA: sha, GITHUB_REF_NAME: 'release-test' });

    it('passes a tag on the default branch', async () => {
      const result = await runGuard(tip.main as string);
      expect(result.stdout).toBe('');
      expect(result.code).toBe(0);
    });

    it('stops a tag on another branch, saying why', async () => {
      const result = await runGuard(tip.side as string);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('is not on main; packages are published only from tags on the default branch');
    });
  });
});

/** The GitHub Actions workflows: schema-valid (action-validator), shell steps that parse, and the steps the release loop relies on. */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/workspace.ts';
import { run } from './git-repo.ts';

type Json = Record<string, any>;

const DIR = path.join(ROOT, '.github/workflows');
const VALIDATOR = path.join(ROOT, 'node_modules/@action-validator/cli/cli.mjs');
const names = (await readdir(DIR)).filter((n) => /\.ya?ml$/.test(n)).sort();
const text = async (name: string) => readFile(path.join(DIR, name), 'utf8');
const workflow = async (name: string) => parse(await text(name)) as Json;
const validate = (file: string) => run(process.execPath, [VALIDATOR, file], ROOT);
const steps = (wf: Json): Json[] => Object.values(wf.jobs as Record<string, Json>).flatMap((job) => job.steps as Json[]);
const scripts = (wf: Json): string[] => steps(wf).flatMap((s) => (typeof s.run === 'string' ? [s.run] : []));

describe('workflows', () => {
  it('are the three the release loop needs', () => {
    expect(names).toEqual(['ci.yml', 'publish.yml', 'regenerate.yml']);
  });

  it.each(names)('%s passes action-validator', async (name) => {
    const result = await validate(path.join(DIR, name));
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('action-validator rejects a workflow with a typo, so the check above can fail', async () => {
    const tmp = await mkdtemp(path.join(tmpdir(), 'clientgen-wf-'));
    const original = await text('ci.yml');
    for (const [label, broken] of [
      ['runs_on', original.replace('runs-on:', 'runs_on:')],
      ['trigger', original.replace('pull_request:', 'pull_requets:')],
      ['step key', original.replace('- uses: actions/checkout@v4', '- usse: actions/checkout@v4')],
    ] as const) {
      expect(broken, label).not.toBe(original);
      const file = path.join(tmp, `${label.replace(/\W/g, '-')}.yml`);
      await writeFile(file, broken);
      const result = await validate(file);
      expect(result.code, label).not.toBe(0);
      expect(result.stdout + result.stderr, label).toMatch(/errors/);
    }
  });

  it.each(names)('%s: every run step is valid bash', async (name) => {
    for (const script of scripts(await workflow(name))) {
      const plain = script.replace(/\$\{\{[^}]*\}\}/g, 'X');
      const result = await run('bash', ['-n', '-c', plain], ROOT);
      expect(result.stderr, script).toBe('');
      expect(result.code).toBe(0);
    }
  });

  it('every `npm run <script>` in a workflow exists in package.json', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const name of names) {
      for (const script of scripts(await workflow(name))) {
        for (const [, used] of script.matchAll(/npm run (?:--silent )?([\w:-]+)/g)) expect(Object.keys(pkg.scripts), `${name}: npm run ${used}`).toContain(used);
      }
    }
  });

  it('ci.yml: on push and pull request, npm ci, npm test, npm run check, the diff in the job summary', async () => {
    const ci = await workflow('ci.yml');
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    const all = scripts(ci).join('\n');
    for (const command of ['npm ci', 'npm test', 'npm run check', 'npm run build', 'npm run --silent diff -- --base']) expect(all).toContain(command);
    expect(all).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(steps(ci).find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
  });

  it('regenerate.yml: scheduled and manual; sync, generate, diff into the pull-request body', async () => {
    const wf = await workflow('regenerate.yml');
    expect(wf.on.schedule[0].cron).toMatch(/^\S+ \S+ \S+ \S+ \S+$/);
    expect(wf.on).toHaveProperty('workflow_dispatch');
    const all = scripts(wf).join('\n');
    expect(all.indexOf('npm run sync')).toBeLessThan(all.indexOf('npm run generate'));
    expect(all.indexOf('npm run generate')).toBeLessThan(all.indexOf('npm run --silent diff'));
    const pr = steps(wf).find((s) => s.uses?.startsWith('peter-evans/create-pull-request@'));
    expect(pr?.with?.['body-path']).toBe('${{ runner.temp }}/pr-body.md');
    expect(all).toContain('> "$RUNNER_TEMP/pr-body.md"');
    expect(wf.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
  });

  it('publish.yml: on a release tag, with id-token, publishes with provenance the packages whose version is new', async () => {
    const wf = await workflow('publish.yml');
    expect(wf.on.push.tags).toEqual(['release-*']);
    expect(wf.permissions['id-token']).toBe('write');
    const all = scripts(wf).join('\n');
    expect(all).toContain('npm run build');
    expect(all).toContain('npm view "${name}@${version}" version');
    expect(all).toContain('npm publish "./${dir}" --provenance --access public');
  });
});

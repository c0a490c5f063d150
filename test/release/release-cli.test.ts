/**
 * The diff and release commands end to end, in a real temporary git repository: generate, commit,
 * change the spec, regenerate, then diff and release with the repository as the root. The commands
 * run in this process (git and npm are real processes); the last test runs the entries themselves.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../generator/load/load-document.ts';
import { staleLockEntries } from '../../generator/release/lockfile.ts';
import { runInProcess, type CommandName } from '../helpers/in-process.ts';
import { ROOT, runCli, smallSwagger, tempWorkspace } from '../helpers/workspace.ts';
import { commitAll, git, npm, OFFLINE } from './git-repo.ts';

type Json = Record<string, any>;

const LONG = 600_000;
const swaggerText = await readFile(path.join(ROOT, 'specs/time4vps/swagger.json'), 'utf8');
const overlayText = await readFile(path.join(ROOT, 'specs/time4vps/overlay.yaml'), 'utf8');
const acmeConfig = {
  displayName: 'Acme VPS',
  packageName: '@clientgen/acme',
  baseUrl: 'https://billing.acme.test/api',
  specUrl: 'https://billing.acme.test/?cmd=userapi&action=swagger',
  auth: ['basic'],
  hostbill: true,
};

let root: string;
const cli = (command: CommandName, args: string[]) => runInProcess(command, args, root, { env: OFFLINE });
const processCli = (command: string, args: string[]) => runCli(command, args, root, OFFLINE);
const readText = (file: string) => readFile(path.join(root, file), 'utf8');
const readJson = async (file: string) => JSON.parse(await readText(file)) as Json;

async function editSwagger(edit: (swagger: Json) => void): Promise<void> {
  const file = path.join(root, 'specs/acme/swagger.json');
  const swagger = parseDocumentText(await readFile(file, 'utf8'), file) as Json;
  edit(swagger);
  await writeFile(file, JSON.stringify(swagger, null, 2));
}

async function generate(...args: string[]): Promise<void> {
  const result = await cli('generate', args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
}

beforeAll(async () => {
  root = await tempWorkspace([{ id: 'acme', config: acmeConfig, files: { 'swagger.json': swaggerText, 'overlay.yaml': overlayText } }]);
  // Each generated package builds with its own typescript devDependency; offline, npm can only resolve it
  // to the root's, which is linked from this project's install as the repository's own root has it installed.
  const typescript = `file:${path.join(ROOT, 'node_modules/typescript')}`;
  await writeFile(path.join(root, 'package.json'), `${JSON.stringify({ name: 'release-test', private: true, workspaces: ['generated/*'], devDependencies: { typescript } }, null, 2)}\n`);
  await writeFile(path.join(root, '.gitignore'), 'node_modules/\ndist/\n');
  await generate();
  const lock = await npm(root, 'install', '--package-lock-only', '--ignore-scripts');
  expect(lock.stderr).not.toMatch(/ERR/);
  await git(root, 'init', '-q');
  await commitAll(root, 'acme 0.1.0');
}, LONG);

describe('diff and release in a git repository', () => {
  it('nothing changed: diff exits 0, release leaves everything as it is', async () => {
    const diff = await cli('diff', ['--provider', 'acme']);
    expect(diff.stderr).toBe('');
    expect(diff.code).toBe(0);
    expect(diff.stdout).toBe('## acme (HEAD → working tree)\n\nNo API changes.\n');
    const release = await cli('release', []);
    expect(release.stdout).toBe('acme: unchanged (@clientgen/acme@0.1.0)\n');
    expect(release.code).toBe(0);
    expect(await git(root, 'status', '--porcelain')).toBe('');
  }, LONG);

  it('breaking changes: diff exits 3 and lists them; release bumps 0.1.0 → 0.2.0, writes the changelog, keeps check and the lockfile green, and is idempotent', async () => {
    await editSwagger((s) => {
      delete s.paths['/vpn/logindetails'];
      s.paths['/details'].put.parameters.find((p: Json) => p.name === 'type').enum = ['Private'];
      s.paths['/dns'].get.parameters = [{ name: 'page', in: 'query', type: 'integer', description: 'Page number' }];
    });
    await generate('--provider', 'acme');

    const diff = await cli('diff', ['--provider', 'acme', '--base', 'HEAD']);
    expect(diff.code).toBe(3);
    expect(diff.stdout).toContain('## acme (HEAD → working tree)\n\n2 breaking, 1 non-breaking, 0 documentation.\n');
    expect(diff.stdout).toContain('### Breaking changes\n\n- `PUT /details`: parameter `type`: enum value `"Company"` removed\n- `GET /vpn/logindetails`: operation removed');
    expect(diff.stdout).toContain('### Non-breaking changes\n\n- `GET /dns`: optional parameter `page` added (query)\n');

    // A process of its own: exit code 3 reaches the shell.
    const json = await processCli('diff', ['--provider', 'acme', '--json']);
    expect(json.code).toBe(3);
    const report = JSON.parse(json.stdout) as Json;
    expect(report.breaking).toBe(true);
    expect(report.providers[0].counts).toEqual({ breaking: 2, feature: 1, docs: 0 });
    expect(report.providers[0].changes.map((c: Json) => `${c.severity} ${c.kind} ${c.operation}`)).toEqual([
      'breaking enum-value-removed PUT /details',
      'feature parameter-added GET /dns',
      'breaking operation-removed GET /vpn/logindetails',
    ]);

    const release = await cli('release', []);
    expect(release.stderr).toBe('');
    expect(release.code).toBe(0);
    expect(release.stdout).toBe(
      'acme: @clientgen/acme 0.1.0 → 0.2.0 (major, minor below 1.0.0; 2 breaking, 1 non-breaking, 0 documentation)\npackage-lock.json updated (generated/acme)\n',
    );
    const pkg = await readJson('generated/acme/package.json');
    expect(pkg.version).toBe('0.2.0');
    expect(pkg.clientgen).toMatchObject({ specVersion: '4.20220303', specHash: expect.stringMatching(/^sha256-[0-9a-f]{64}$/) });
    const changelog = await readText('generated/acme/CHANGELOG.md');
    expect(changelog).toBe(
      [
        '# Changelog',
        '',
        '## 0.2.0',
        '',
        `Generated from spec version \`4.20220303\`, \`${pkg.clientgen.specHash}\`.`,
        '',
        '### Breaking changes',
        '',
        '- `PUT /details`: parameter `type`: enum value `"Company"` removed',
        '- `GET /vpn/logindetails`: operation removed (`getLogindetails`)',
        '',
        '### Non-breaking changes',
        '',
        '- `GET /dns`: optional parameter `page` added (query)',
        '',
      ].join('\n'),
    );
    expect((await readJson('package-lock.json')).packages['generated/acme'].version).toBe('0.2.0');
    expect(await staleLockEntries(root)).toEqual([]);
    const check = await cli('check', ['--full']);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);

    // Running release again changes nothing.
    const snapshot = async () => [await readJson('generated/acme/package.json'), await readText('generated/acme/CHANGELOG.md'), await readText('package-lock.json')];
    const before = await snapshot();
    const again = await cli('release', ['--provider', 'acme']);
    expect(again.stdout).toBe('acme: @clientgen/acme 0.1.0 → 0.2.0 (major, minor below 1.0.0; 2 breaking, 1 non-breaking, 0 documentation)\n');
    expect(await snapshot()).toEqual(before);
  }, LONG);

  it('generator-only changes are a patch; --dry-run writes nothing; a dated entry only with --date', async () => {
    await commitAll(root, 'release acme 0.2.0');
    await writeFile(path.join(root, 'specs/acme/provider.json'), JSON.stringify({ ...acmeConfig, displayName: 'Acme Cloud' }, null, 2));
    await generate('--provider', 'acme');
    const diff = await cli('diff', []);
    expect(diff.code).toBe(0);
    const dry = await cli('release', ['--dry-run']);
    expect(dry.stdout).toMatch(/^acme: @clientgen\/acme 0\.2\.0 → 0\.2\.1 \(patch; generated code only: (?:[\w./-]+, )*README\.md(?:, [\w./-]+)*\)\n$/);
    expect((await readJson('generated/acme/package.json')).version).toBe('0.2.0');
    const release = await cli('release', ['--date', '2025-03-04']);
    expect(release.code).toBe(0);
    expect((await readJson('generated/acme/package.json')).version).toBe('0.2.1');
    const changelog = await readText('generated/acme/CHANGELOG.md');
    expect(changelog).toMatch(/^# Changelog\n\n## 0\.2\.1 \(2025-03-04\)\n\n[\s\S]*### Generated code\n\nRegenerated without an API change to these files: [^\n]*`README\.md`[^\n]*\.\n\n## 0\.2\.0\n/);
    expect((await cli('check', ['--full'])).code).toBe(0);
  }, LONG);

  it('a provider absent at the base ref: every operation added, exit 0; release makes it a new package', async () => {
    await commitAll(root, 'release acme 0.2.1');
    const smallDir = path.join(root, 'specs/small');
    await mkdir(smallDir, { recursive: true });
    await writeFile(path.join(smallDir, 'provider.json'), JSON.stringify({ displayName: 'Small', packageName: '@clientgen/small', baseUrl: 'https://small.test/api', auth: ['basic'], hostbill: true }));
    await writeFile(path.join(smallDir, 'swagger.json'), JSON.stringify(smallSwagger()));
    await generate('--provider', 'small');
    const diff = await cli('diff', ['--provider', 'small']);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toBe(
      '## small (new since HEAD)\n\n0 breaking, 2 non-breaking, 0 documentation.\n\n### Non-breaking changes\n\n- `GET /details`: operation added (`getDetails`)\n- `POST /service/{id}/label`: operation added (`updateLabel`)\n',
    );
    const release = await cli('release', []);
    expect(release.stdout).toBe('acme: unchanged (@clientgen/acme@0.2.1)\nsmall: new package @clientgen/small@0.1.0 (2 operations)\npackage-lock.json updated (generated/small)\n');
    expect(await readText('generated/small/CHANGELOG.md')).toMatch(/^# Changelog\n\n## 0\.1\.0\n\nGenerated from spec version `1\.0\.0`, `sha256-[0-9a-f]{64}`\.\n\nInitial release: 2 operations\.\n$/);
    expect(await staleLockEntries(root)).toEqual([]);
    expect((await cli('check', ['--full'])).code).toBe(0);
  }, LONG);

  it('a clean clone with the new package in the lockfile installs with npm ci (which rejects a lockfile missing a workspace)', async () => {
    await commitAll(root, 'add small 0.1.0');
    const clone = `${root}-clone`;
    await git(path.dirname(root), 'clone', '-q', root, clone);
    const ci = await npm(clone, 'ci', '--ignore-scripts');
    expect(ci.stderr).not.toMatch(/npm error/);
    expect(ci.code).toBe(0);
    // The same clone with a package the lockfile does not know: npm ci refuses, which is why release updates the lockfile.
    await mkdir(path.join(clone, 'generated/extra'));
    await writeFile(path.join(clone, 'generated/extra/package.json'), JSON.stringify({ name: '@clientgen/extra', version: '0.1.0' }));
    const stale = await npm(clone, 'ci', '--ignore-scripts');
    expect(stale.code).not.toBe(0);
    expect(stale.stderr).toMatch(/package\.json and package-lock\.json or npm-shrinkwrap\.json are in sync/);
  }, LONG);

  it('usage errors exit 2, errors exit 1, --help exits 0', async () => {
    const badRef = await processCli('diff', ['--base', 'no-such-ref']);
    expect(badRef.code).toBe(2);
    expect(badRef.stderr).toBe('error: unknown git ref "no-such-ref" (no such commit, branch or tag)\n');
    expect((await cli('release', ['--base', 'no-such-ref'])).code).toBe(2);
    expect((await cli('release', ['--date', 'tomorrow'])).code).toBe(2);
    expect((await cli('diff', ['--provider', 'nope'])).code).toBe(2);
    for (const command of ['diff', 'release']) {
      const help = await processCli(command, ['--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/--provider <id\.\.\.>[\s\S]*--base <git-ref>/);
    }
    const notGit = await tempWorkspace([{ id: 'small', files: { 'swagger.json': smallSwagger() } }]);
    const outside = await runCli('diff', [], notGit, { GIT_CEILING_DIRECTORIES: path.dirname(notGit) });
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/^error: .*not a git repository/);
  }, LONG);
});

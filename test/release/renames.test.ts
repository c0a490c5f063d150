/**
 * Renames in `diff` and `release`: an operation whose group or method name changes is a rename,
 * read from the two packages' names.json. It is non-breaking when the old name is kept as a
 * deprecated alias, breaking when the old name is gone; a changed `operations` key is breaking either way.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffOpenApi } from '../../generator/release/diff-openapi.ts';
import type { PreviousName } from '../../generator/naming/index.ts';
import { runInProcess, type CommandName } from '../helpers/in-process.ts';
import { smallSwagger, tempWorkspace } from '../helpers/workspace.ts';
import { commitAll, git, OFFLINE } from './git-repo.ts';

const doc = (operationId: string) => ({ openapi: '3.0.3', info: { title: 'T', version: '1' }, paths: { '/invoice': { get: { operationId, responses: { 200: { description: 'ok' } } } } } });
const entry = (group: string, method: string, extra: Partial<PreviousName> = {}): PreviousName => ({ route: 'GET /invoice', group, method, key: method, ...extra });
const summary = (changes: ReturnType<typeof diffOpenApi>) => changes.map((c) => `${c.severity} ${c.kind}: ${c.message}`);

describe('diffOpenApi with names', () => {
  it('a group renamed with the old name kept as an alias is non-breaking', () => {
    const names = { before: [entry('billing', 'listInvoices')], after: [entry('invoices', 'listInvoices', { deprecated: ['billing.listInvoices'] })] };
    expect(summary(diffOpenApi(doc('listInvoices'), doc('listInvoices'), names))).toEqual([
      'feature operation-renamed: renamed from `billing.listInvoices` to `invoices.listInvoices`; `billing.listInvoices` is kept as a deprecated alias',
    ]);
  });

  it('a method renamed without an alias, its old name taken by another route, is breaking, and so is the changed key', () => {
    const names = { before: [entry('billing', 'getInvoice')], after: [entry('billing', 'listInvoices'), { route: 'GET /invoice/{id}', group: 'billing', method: 'getInvoice', key: 'getInvoice' }] };
    expect(summary(diffOpenApi(doc('getInvoice'), doc('listInvoices'), names))).toEqual([
      'breaking operation-id-changed: operationId changed from `getInvoice` to `listInvoices` (the key of the exported `operations` table)',
      'breaking operation-renamed: renamed from `billing.getInvoice` to `billing.listInvoices`: `billing.getInvoice` is now `GET /invoice/{id}`',
    ]);
  });

  it('takes the group from names.json rather than the first tag when both sides have one (a new tag is then documentation)', () => {
    const tagged = (tag: string) => ({ ...doc('x'), paths: { '/invoice': { get: { ...doc('x').paths['/invoice'].get, tags: [tag] } } } });
    const same = { before: [entry('billing', 'x')], after: [entry('billing', 'x')] };
    expect(summary(diffOpenApi(tagged('Billing'), tagged('Invoices'), same))).toEqual(['docs docs-changed: details changed (examples, formats or other documentation)']);
    expect(summary(diffOpenApi(tagged('Billing'), tagged('Invoices')))).toEqual(['breaking group-changed: moved from tag `Billing` to `Invoices`, so its client group changes']);
  });
});

describe('diff and release of a renamed operation, in a git repository', () => {
  let root: string;
  const cli = (command: CommandName, args: string[]) => runInProcess(command, args, root, { env: OFFLINE });
  const pin = (update: Record<string, string>) =>
    writeFile(path.join(root, 'specs/small/overlay.yaml'), `overlay: 1.0.0\ninfo: { title: pins, version: 1.0.0 }\nactions:\n  - target: "$.paths['/details'].get"\n    update: ${JSON.stringify(update)}\n`);

  beforeAll(async () => {
    root = await tempWorkspace([{ id: 'small', files: { 'swagger.json': smallSwagger() } }]);
    expect((await cli('generate', [])).code).toBe(0);
    await git(root, 'init', '-q');
    await commitAll(root, 'small 0.1.0');
  }, 120_000);

  it('a pinned group keeps the old one as a deprecated alias: non-breaking, the release is a minor one', async () => {
    await pin({ 'x-clientgen-group': 'profile' });
    expect((await cli('generate', [])).code).toBe(0);
    const diff = await cli('diff', ['--base', 'HEAD']);
    expect(diff.stdout).toContain('- `GET /details`: renamed from `account.getDetails` to `profile.getDetails`; `account.getDetails` is kept as a deprecated alias');
    expect(diff.code).toBe(0);
    const release = await cli('release', ['--dry-run']);
    expect(release.stdout).toMatch(/^small: @clientgen\/small 0\.1\.0 → 0\.1\.1 \(minor, patch below 1\.0\.0; 0 breaking, 1 non-breaking/);
  });

  it('a pinned method changes the operations key: breaking, the release is a major one', async () => {
    await pin({ 'x-clientgen-name': 'details' });
    expect((await cli('generate', [])).code).toBe(0);
    const diff = await cli('diff', ['--base', 'HEAD']);
    expect(diff.stdout).toContain('operationId changed from `getDetails` to `details`');
    expect(diff.code).toBe(3);
    const release = await cli('release', ['--dry-run']);
    expect(release.stdout).toMatch(/^small: @clientgen\/small 0\.1\.0 → 0\.2\.0 \(major, minor below 1\.0\.0; 1 breaking, 1 non-breaking/);
  });
});

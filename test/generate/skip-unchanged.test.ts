import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cacheFileFor } from '../../generator/cache/inputs-hash.ts';
import { runInProcess } from '../helpers/in-process.ts';
import { runCliListingPackages } from '../helpers/modules-loaded.ts';
import { smallSwagger, tempWorkspace } from '../helpers/workspace.ts';

/** `generate` and `check` skip packages whose inputs and files are as recorded; `check --full` never skips. */
describe('skipping unchanged packages', () => {
  let root: string;
  const client = () => path.join(root, 'generated/small/src/client.ts');

  beforeAll(async () => {
    root = await tempWorkspace([{ id: 'small', files: { 'swagger.json': smallSwagger() } }]);
    const first = await runInProcess('generate', [], root);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^small: 2 operations/);
  });

  it('leaves a package alone when nothing changed', async () => {
    const again = await runInProcess('generate', [], root);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('small: up to date (inputs unchanged)\n');
  });

  it('a no-op run, as its own process, loads none of the rendering modules', async () => {
    const run = await runCliListingPackages('generate', [], root);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('small: up to date (inputs unchanged)\n');
    expect(run.packages).toContain('commander'); // the trace sees the packages the command does load
    for (const heavy of ['ts-morph', 'prettier', 'handlebars']) expect(run.packages, heavy).not.toContain(heavy);
  });

  it('check finds the package current by its record, without rendering; --full renders it', async () => {
    const run = await runCliListingPackages('check', [], root);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('small: up to date (inputs and files as recorded)\n');
    for (const heavy of ['ts-morph', 'prettier', 'handlebars']) expect(run.packages, heavy).not.toContain(heavy);
    const full = await runInProcess('check', ['--full'], root);
    expect(full.code).toBe(0);
    expect(full.stdout).toBe('small: up to date\n');
  });

  it('check --full records nothing: with no record, the next check renders', async () => {
    await rm(cacheFileFor(path.join(root, 'generated/small')), { force: true });
    expect((await runInProcess('check', ['--full'], root)).stdout).toBe('small: up to date\n');
    expect((await runInProcess('check', [], root)).stdout).toBe('small: up to date\n');
    // A check that rendered and found the package current records it, as generate does.
    expect((await runInProcess('check', [], root)).stdout).toBe('small: up to date (inputs and files as recorded)\n');
  });

  it('check renders and fails when the spec changed since the package was generated', async () => {
    const specFile = path.join(root, 'specs/small/swagger.json');
    const original = await readFile(specFile, 'utf8');
    const spec = smallSwagger();
    (spec.info as Record<string, unknown>).version = '1.5.0';
    await writeFile(specFile, JSON.stringify(spec, null, 2));
    try {
      const check = await runInProcess('check', [], root);
      expect(check.code).toBe(1);
      expect(check.stderr).toContain('differs: generated/small/package.json');
    } finally {
      await writeFile(specFile, original);
    }
    expect((await runInProcess('check', [], root)).stdout).toBe('small: up to date (inputs and files as recorded)\n');
  });

  it('regenerates when the spec changes', async () => {
    const spec = smallSwagger();
    (spec.info as Record<string, unknown>).version = '2.0.0';
    await writeFile(path.join(root, 'specs/small/swagger.json'), JSON.stringify(spec, null, 2));
    const result = await runInProcess('generate', [], root);
    expect(result.stdout).toMatch(/^small: 2 operations/);
    expect(await readFile(path.join(root, 'generated/small/package.json'), 'utf8')).toContain('"specVersion": "2.0.0"');
  });

  it('repairs a hand edit: check reports it, generate rewrites it even though the inputs are unchanged', async () => {
    const original = await readFile(client(), 'utf8');
    await writeFile(client(), `${original}// edited by hand\n`);
    const check = await runInProcess('check', [], root);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('differs: generated/small/src/client.ts');
    const repaired = await runInProcess('generate', [], root);
    expect(repaired.stdout).toMatch(/^small: 2 operations/);
    expect(await readFile(client(), 'utf8')).toBe(original);
  });

  it('tells files unchanged by their sizes and times; a file touched but not changed is read once, then recorded again', async () => {
    const record = async (): Promise<{ files: [string, number, number][] }> => JSON.parse(await readFile(cacheFileFor(path.join(root, 'generated/small')), 'utf8'));
    const before = (await record()).files.find(([name]) => name === 'src/client.ts');
    expect(before?.[1]).toBe(Buffer.byteLength(await readFile(client(), 'utf8')));
    const later = new Date(Date.now() + 60_000);
    await utimes(client(), later, later);
    expect((await runInProcess('generate', [], root)).stdout).toBe('small: up to date (inputs unchanged)\n');
    const after = (await record()).files.find(([name]) => name === 'src/client.ts');
    // utimes takes seconds as a float: the time read back may be off by a fraction of a millisecond.
    expect(Math.abs((after?.[2] ?? 0) - later.getTime())).toBeLessThan(1);
    expect(after?.[2]).not.toBe(before?.[2]);
  });

  it('an edit that keeps the size is still an edit: its time gives it away, its contents decide', async () => {
    const original = await readFile(client(), 'utf8');
    const edited = original.replace('export class', 'export klass');
    expect(edited.length).toBe(original.length);
    await writeFile(client(), edited);
    const check = await runInProcess('check', [], root);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('differs: generated/small/src/client.ts');
    expect((await runInProcess('generate', [], root)).stdout).toMatch(/^small: 2 operations/);
    expect(await readFile(client(), 'utf8')).toBe(original);
  });

  it('--force regenerates an up-to-date package', async () => {
    const forced = await runInProcess('generate', ['--force'], root);
    expect(forced.stdout).toMatch(/^small: 2 operations/);
  });
});

import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listProviders } from '../../generator/config/load-provider.ts';
import { workspace } from '../../generator/workspace.ts';
import { checkProject } from '../helpers/check-project.ts';
import { copyPackages, shareCopiedFiles } from '../helpers/shared-copies.ts';
import { ROOT } from '../helpers/workspace.ts';
import { kitPackage, type KitPackage } from './kit-package.ts';

/**
 * The README's "Testing your code" example, for every provider: type-checked against the package
 * (with the kit in `src/testing/`, under the package's own strict options), then run here, as a
 * user's vitest would run it.
 */
const providers = await listProviders(workspace(ROOT).specsDir);
const kits: KitPackage[] = [];
for (const id of providers) kits.push(await kitPackage(id));
const work = path.join(ROOT, '.tmp', `readme-example-${process.pid}`);
await mkdir(work, { recursive: true });
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function testingExample(kit: KitPackage): Promise<string> {
  const readme = await readFile(path.join(kit.dir, 'README.md'), 'utf8');
  const section = readme.split(/^## Testing your code$/m)[1] ?? '';
  return /^```ts\n([\s\S]*?)^```$/m.exec(section)?.[1] ?? '';
}

const examples = await Promise.all(kits.map(testingExample));
const fileOf = (kit: KitPackage) => path.join(work, `${path.basename(kit.dir)}.example.ts`);
for (const [i, kit] of kits.entries()) await writeFile(fileOf(kit), examples[i]!);

/** `tsc -p` on a tsconfig written in `work` (in process: check-project.ts). */
async function tsc(config: object): Promise<string> {
  const file = path.join(work, `tsconfig.${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify(config));
  return checkProject(file, { cwd: work, emit: true, realPaths: true }).output;
}

/** The generated packages' own compiler options (templates/package/tsconfig.json.hbs). */
const PACKAGE_OPTIONS = { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM', 'DOM.Iterable'], strict: true, types: [] };

describe('the README example of the test kit', () => {
  it('is one ts block importing the testing entry', () => {
    for (const [i, kit] of kits.entries()) expect(examples[i]).toContain(`from '${kit.packageName}/testing'`);
  });

  it('the kit compiles in every package, declarations included, without Node types', async () => {
    // Copies of the packages, whose verbatim runtime and kit files are then checked and emitted once (shared-copies.ts).
    const copies = await copyPackages(path.join(work, 'packages'), kits.map((kit) => kit.dir));
    const { excluded } = await shareCopiedFiles(work, copies);
    const output = await tsc({
      compilerOptions: { ...PACKAGE_OPTIONS, skipLibCheck: false, declaration: true, emitDeclarationOnly: true, outDir: path.join(work, 'out') },
      include: copies.map((copy) => path.join(copy, 'src')),
      exclude: excluded,
    });
    expect(output).toBe('');
  }, 300_000);
  // Type-checking the example against the package, as a user writes it, is test/generate/readme-examples.test.ts's job (it compiles every README block).
});

// Runs each example: its imports point at the package's sources, and its test() joins this file's tests.
for (const [i, kit] of kits.entries()) {
  const runnable = examples[i]!
    .replaceAll(`'${kit.packageName}/testing'`, JSON.stringify(path.join(kit.dir, 'src/testing/index.ts')))
    .replaceAll(`'${kit.packageName}'`, JSON.stringify(path.join(kit.dir, 'src/index.ts')));
  const file = path.join(work, `${path.basename(kit.dir)}.run.ts`);
  await writeFile(file, runnable);
  describe(`README example run for ${kit.config.id}`, async () => {
    await import(file);
  });
}

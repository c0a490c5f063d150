import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProviders } from '../../generator/config/load-provider.ts';
import { workspace } from '../../generator/workspace.ts';
import { checkProject } from '../helpers/check-project.ts';
import { copyPackages, shareCopiedFiles } from '../helpers/shared-copies.ts';
import { ROOT } from '../helpers/workspace.ts';

const ws = workspace(ROOT);
const providers = await listProviders(ws.specsDir);

/** The ```ts blocks of a Markdown file. */
export function codeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);
}

/**
 * The import lines of all blocks as one import per module: blocks import the same names
 * (`ThrottleError` in the errors and the testing example), which may be declared once per file.
 */
export function mergeImports(lines: Iterable<string>): string[] {
  const byModule = new Map<string, Set<string>>();
  for (const line of lines) {
    const m = /^import \{([^}]*)\} from (['"][^'"]+['"]);$/.exec(line);
    if (!m) throw new Error(`README example import not of the form import { … } from '…': ${line}`);
    const names = byModule.get(m[2] as string) ?? new Set<string>();
    for (const name of (m[1] as string).split(',').map((n) => n.trim()).filter(Boolean)) names.add(name);
    byModule.set(m[2] as string, names);
  }
  return [...byModule].map(([from, names]) => `import { ${[...names].join(', ')} } from ${from};`);
}

/**
 * The `@example` of every operation's method in a generated `client.ts` (group classes' methods and
 * paged-method properties), as TypeScript reads the JSDoc; `undefined` where one lacks it. 0.1.x
 * aliases (`@deprecated Renamed`) point to the method that has it.
 */
export function jsDocExamples(source: string): Map<string, string | undefined> {
  const file = ts.createSourceFile('client.ts', source, ts.ScriptTarget.Latest, true);
  const examples = new Map<string, string | undefined>();
  for (const statement of file.statements.filter(ts.isClassDeclaration)) {
    if (statement.heritageClauses) continue; // the client class: its members are the groups
    for (const member of statement.members) {
      if (!(ts.isMethodDeclaration(member) || ts.isPropertyDeclaration(member)) || !ts.isIdentifier(member.name)) continue;
      const tags = ts.getJSDocTags(member);
      if (tags.some((t) => t.tagName.text === 'deprecated' && /^Renamed/.test(ts.getTextOfJSDocComment(t.comment) ?? ''))) continue;
      const example = tags.find((t) => t.tagName.text === 'example');
      examples.set(`${statement.name?.text}.${member.name.text}`, example && ts.getTextOfJSDocComment(example.comment));
    }
  }
  return examples;
}

/** One provider's README blocks and method examples as one TypeScript module, and what the tests check on the way. */
interface ExampleModule {
  readonly blocks: number;
  readonly examples: Map<string, string | undefined>;
  readonly operationCount: number;
  readonly file: string;
  readonly source: string;
  readonly paths: Record<string, string[]>;
}

/** `pkgDir`'s README and client, the package names mapped to the sources of its copy `copyDir`. */
async function exampleModule(id: string, pkgDir: string, copyDir: string, dir: string): Promise<ExampleModule> {
  const manifest = JSON.parse(await readFile(path.join(pkgDir, 'package.json'), 'utf8')) as { name: string };
  const blocks = codeBlocks(await readFile(path.join(pkgDir, 'README.md'), 'utf8'));
  const imports = new Set<string>();
  const bodies = blocks.map((block, index) => {
    const lines = block.split('\n');
    for (const line of lines.filter((l) => l.startsWith('import '))) imports.add(line);
    const body = lines.filter((l) => !l.startsWith('import ')).join('\n');
    return `export async function example${index}(): Promise<void> {\n${body}\n}`;
  });
  const clientSource = await readFile(path.join(pkgDir, 'src/client.ts'), 'utf8');
  const clientClass = /export class (\w+Client)\s+extends ApiClient/.exec(clientSource)?.[1];
  const examples = jsDocExamples(clientSource);
  const operationCount = Object.keys((await import(path.join(pkgDir, 'src/operations.ts')) as { operations: object }).operations).length;
  imports.add(`import { toList } from '${manifest.name}';`);
  const exampleBodies = [...examples.values()].map((example, index) => `export async function jsdoc${index}(): Promise<void> {\n${example}\n}`);
  const source = [
    ...mergeImports(imports),
    `import { ${clientClass} as __Client } from ${JSON.stringify(manifest.name)};`,
    'declare const client: __Client;',
    ...bodies,
    ...exampleBodies,
  ].join('\n');
  const file = path.join(dir, `${id}.examples.ts`);
  await writeFile(file, source);
  const paths = { [manifest.name]: [path.join(copyDir, 'src/index.ts')], [`${manifest.name}/testing`]: [path.join(copyDir, 'src/testing/index.ts')] };
  return { blocks: blocks.length, examples, operationCount, file, source, paths };
}

/**
 * Every example in a generated README compiles, and so does the `@example` of every method: each block becomes the body of its own async
 * function (imports hoisted), with the package name mapped to the package's source. One tsc program
 * checks every provider's examples, against copies of the packages that share one runtime and test
 * kit (shared-copies.ts); each provider's test asserts the diagnostics in its examples and its package.
 */
const modules = new Map<string, ExampleModule>();
const diagnostics = new Map<string, string[]>();
let dir: string;

beforeAll(async () => {
  // Under the project, so the testing example's `vitest` import resolves.
  await mkdir(path.join(ROOT, '.tmp'), { recursive: true });
  dir = await mkdtemp(path.join(ROOT, '.tmp', 'readme-'));
  const copies = await copyPackages(path.join(dir, 'packages'), providers.map((id) => path.join(ws.generatedDir, id)));
  // Only the example files are root files: the packages enter through their imports, so nothing is excluded.
  await shareCopiedFiles(dir, copies);
  for (const [i, id] of providers.entries()) modules.set(id, await exampleModule(id, path.join(ws.generatedDir, id), copies[i] as string, dir));
  await writeFile(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [], skipLibCheck: true,
        noUnusedLocals: false, paths: Object.assign({}, ...[...modules.values()].map((m) => m.paths)),
      },
      files: [...modules.values()].map((m) => m.file),
    }),
  );
  const { code, output } = checkProject(path.join(dir, 'tsconfig.json'), { cwd: dir, realPaths: true });
  for (const line of output.split('\n').filter((l) => l !== '')) {
    const id = providers.find((p) => line.startsWith(`${p}.examples.ts(`) || line.startsWith(`packages/${p}/`)) ?? '(other)';
    diagnostics.set(id, [...(diagnostics.get(id) ?? []), line]);
  }
  expect(diagnostics.get('(other)') ?? []).toEqual([]);
  expect(code === 0).toBe(output === '');
}, 240_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each(providers)('README examples of %s', (id) => {
  it('all type-check against the package', () => {
    const module = modules.get(id) as ExampleModule;
    expect(module.blocks).toBeGreaterThan(2);
    expect(module.examples.size).toBe(module.operationCount);
    expect([...module.examples].filter(([, example]) => !example).map(([name]) => name)).toEqual([]);
    expect((diagnostics.get(id) ?? []).join('\n'), module.source).toBe('');
  });
});

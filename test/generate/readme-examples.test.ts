import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { listProviders } from '../../generator/config/load-provider.ts';
import { workspace } from '../../generator/workspace.ts';
import { typecheckPackage } from '../helpers/typescript.ts';
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

/**
 * Every example in a generated README compiles, and so does the `@example` of every method: each block becomes the body of its own async
 * function (imports hoisted), with the package name mapped to the package's source.
 */
describe.each(providers)('README examples of %s', (id) => {
  it('all type-check against the package', async () => {
    const pkgDir = path.join(ws.generatedDir, id);
    const manifest = JSON.parse(await readFile(path.join(pkgDir, 'package.json'), 'utf8')) as { name: string };
    const blocks = codeBlocks(await readFile(path.join(pkgDir, 'README.md'), 'utf8'));
    expect(blocks.length).toBeGreaterThan(2);
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
    expect(examples.size).toBe(operationCount);
    expect([...examples].filter(([, example]) => !example).map(([name]) => name)).toEqual([]);
    imports.add(`import { toList } from '${manifest.name}';`);
    const exampleBodies = [...examples.values()].map((example, index) => `export async function jsdoc${index}(): Promise<void> {\n${example}\n}`);
    // Under the project, so the testing example's `vitest` import resolves.
    await mkdir(path.join(ROOT, '.tmp'), { recursive: true });
    const dir = await mkdtemp(path.join(ROOT, '.tmp', 'readme-'));
    const source = [
      ...mergeImports(imports),
      `import { ${clientClass} as __Client } from ${JSON.stringify(manifest.name)};`,
      'declare const client: __Client;',
      ...bodies,
      ...exampleBodies,
    ].join('\n');
    await writeFile(path.join(dir, 'examples.ts'), source);
    await writeFile(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [], skipLibCheck: true,
          noUnusedLocals: false, paths: { [manifest.name]: [path.join(pkgDir, 'src/index.ts')], [`${manifest.name}/testing`]: [path.join(pkgDir, 'src/testing/index.ts')] },
        },
        files: ['examples.ts'],
      }),
    );
    const { code, output } = await typecheckPackage(dir);
    await rm(dir, { recursive: true, force: true });
    expect(output, source).toBe('');
    expect(code).toBe(0);
  });
});

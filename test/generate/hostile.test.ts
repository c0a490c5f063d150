import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { identifiersIn, typecheckPackage } from '../helpers/typescript.ts';
import { ROOT, runCli, tempWorkspace } from '../helpers/workspace.ts';

/**
 * A spec written to attack the generator: comment terminators, template-literal syntax, backticks,
 * prototype names and reserved words in every text field. The package must compile and contain no
 * code that came from the spec.
 */
describe('hostile spec', () => {
  let root: string;
  let pkg: string;

  beforeAll(async () => {
    root = await tempWorkspace([
      {
        id: 'hostile',
        files: {},
        config: { displayName: 'Hostile */ pwned', packageName: '@clientgen/hostile', baseUrl: 'https://hostile.example.test/api', auth: ['basic'], hostbill: true },
      },
    ]);
    await cp(path.join(ROOT, 'test/fixtures/hostile/swagger.json'), path.join(root, 'specs/hostile/swagger.json'));
    const result = await runCli('generate', [], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    pkg = path.join(root, 'generated/hostile');
  });

  it('generates a package that type-checks under strict', async () => {
    const { code, output } = await typecheckPackage(pkg);
    expect(output).toBe('');
    expect(code).toBe(0);
  });

  it('emits no code taken from hostile text', async () => {
    const files = (await readdir(path.join(pkg, 'src'), { recursive: true })).map(String).filter((f) => f.endsWith('.ts') && !f.startsWith('runtime'));
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) {
      // Names derived from spec text (getAPwned) are fine; the bare identifiers of the payloads are not.
      const ids = identifiersIn(await readFile(path.join(pkg, 'src', file), 'utf8'));
      expect([...ids].filter((id) => id === 'pwned' || id === 'globalThis'), file).toEqual([]);
    }
  });

  it('keeps prototype names as inert keys and members', async () => {
    const operations = await readFile(path.join(pkg, 'src/operations.ts'), 'utf8');
    expect(operations).toContain("'__proto__'");
    const client = await readFile(path.join(pkg, 'src/client.ts'), 'utf8');
    expect(client).not.toMatch(/readonly __proto__\b/);
    expect(client).not.toMatch(/readonly constructor\b/);
  });

  it('escapes the README and package.json', async () => {
    const manifest = JSON.parse(await readFile(path.join(pkg, 'package.json'), 'utf8')) as { description: string };
    expect(manifest.description).toContain('*/ pwned');
    const readme = await readFile(path.join(pkg, 'README.md'), 'utf8');
    expect(readme).not.toContain('<script>');
  });
});

import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listProviders } from '../../generator/config/load-provider.ts';
import { workspace } from '../../generator/workspace.ts';
import { checkProject } from '../helpers/check-project.ts';
import { copyPackages, shareCopiedFiles } from '../helpers/shared-copies.ts';
import { ROOT } from '../helpers/workspace.ts';

const TYPE_TESTS = ['time4vps.types.ts', 'common.types.ts', 'named-lenient.types.ts'];

/**
 * Compiles the `*.types.ts` files of this folder with tsc under strict; any diagnostic fails. They
 * are compiled as copies beside copies of generated/ (the same relative imports), under the project
 * so that `vitest` resolves, with the packages' verbatim runtime and kit shared (shared-copies.ts):
 * checked once, not once per package.
 */
describe('generated types', () => {
  it('responses are typed, wrong enums and missing path params do not compile, every client is a HostBillClient', async () => {
    await mkdir(path.join(ROOT, '.tmp'), { recursive: true });
    const dir = await mkdtemp(path.join(ROOT, '.tmp', 'types-'));
    const ws = workspace(ROOT);
    const copies = await copyPackages(path.join(dir, 'generated'), (await listProviders(ws.specsDir)).map((id) => path.join(ws.generatedDir, id)));
    await shareCopiedFiles(dir, copies);
    for (const file of TYPE_TESTS) await cp(path.join(ROOT, 'test/types', file), path.join(dir, 'test/types', file));
    await writeFile(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, lib: ['ES2022', 'DOM'],
          types: [], skipLibCheck: true, allowImportingTsExtensions: true, typeRoots: [],
        },
        files: TYPE_TESTS.map((file) => path.join(dir, 'test/types', file)),
      }),
    );
    const { code, output } = checkProject(path.join(dir, 'tsconfig.json'), { cwd: dir, realPaths: true });
    await rm(dir, { recursive: true, force: true });
    expect(output).toBe('');
    expect(code).toBe(0);
  });
});

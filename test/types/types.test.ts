import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { typecheckPackage } from '../helpers/typescript.ts';
import { ROOT } from '../helpers/workspace.ts';

/** Compiles the `*.types.ts` files of this folder with tsc under strict; any diagnostic fails. */
describe('generated types', () => {
  it('responses are typed, wrong enums and missing path params do not compile, every client is a HostBillClient', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'clientgen-types-'));
    await writeFile(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, lib: ['ES2022', 'DOM'],
          types: [], skipLibCheck: true, allowImportingTsExtensions: true, typeRoots: [],
        },
        files: [path.join(ROOT, 'test/types/time4vps.types.ts'), path.join(ROOT, 'test/types/common.types.ts'), path.join(ROOT, 'test/types/named-lenient.types.ts')],
      }),
    );
    const { code, output } = await typecheckPackage(dir);
    expect(output).toBe('');
    expect(code).toBe(0);
  });
});

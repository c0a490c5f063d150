import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './workspace.ts';

/**
 * Type-checks many generated packages as ONE tsc program (a temp tsconfig in `root` including every
 * package's src/, with the packages' own strict options), which costs one compiler start and one
 * check of the DOM lib instead of one per package. Returns tsc's output grouped by package folder.
 */
export async function typecheckPackages(root: string, packageDirs: readonly string[]): Promise<{ code: number; output: string; byPackage: Map<string, string[]> }> {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: [],
    },
    include: packageDirs.map((dir) => `${path.relative(root, dir).split(path.sep).join('/')}/src`),
  };
  const tsconfig = path.join(root, 'tsconfig.batch.json');
  await writeFile(tsconfig, JSON.stringify(config, null, 2));
  const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', tsconfig, '--pretty', 'false'],
      { cwd: root, timeout: 600_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: stdout + stderr }),
    );
  });
  const byPackage = new Map<string, string[]>();
  for (const line of output.split('\n').filter((l) => l.trim() !== '')) {
    const dir = packageDirs.find((d) => path.resolve(root, line.split('(')[0] ?? '').startsWith(`${d}${path.sep}`));
    const key = dir ? path.basename(dir) : '(other)';
    byPackage.set(key, [...(byPackage.get(key) ?? []), line]);
  }
  return { code, output, byPackage };
}

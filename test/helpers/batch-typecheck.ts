import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './workspace.ts';

/**
 * Type-checks many generated packages as ONE tsc program (a temp tsconfig in `root` including every
 * package's src/, with the packages' own strict options), which costs one compiler start and one
 * check of the DOM lib instead of one per package. Returns tsc's output grouped by package folder.
 * With `extendsConfig` (a package's own tsconfig.json, which every package shares) the program takes
 * exactly that file's options, as `tsc -p <package> --noEmit` would.
 */
export async function typecheckPackages(root: string, packageDirs: readonly string[], extendsConfig?: string): Promise<{ code: number; output: string; byPackage: Map<string, string[]> }> {
  const include = packageDirs.map((dir) => `${path.relative(root, dir).split(path.sep).join('/')}/src`);
  // rootDir is the packages' common folder: each package's own is its src/, and a program holding several must span them.
  const own = extendsConfig && { extends: extendsConfig, compilerOptions: { noEmit: true, rootDir: commonFolder(packageDirs) }, include };
  const config = own || {
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
    include,
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

function commonFolder(dirs: readonly string[]): string {
  let common = path.resolve(dirs[0] ?? '.');
  while (!dirs.every((dir) => `${path.resolve(dir)}${path.sep}`.startsWith(`${common}${path.sep}`))) common = path.dirname(common);
  return common;
}

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkProject } from './check-project.ts';
import { shareCopiedFiles } from './shared-copies.ts';

export interface BatchOptions {
  /** A package's own tsconfig.json, which every package shares: the program takes exactly its options, as `tsc -p <package> --noEmit` would. */
  readonly extendsConfig?: string;
  /**
   * The packages were written to a temporary folder: their runtime and test kit copies are checked
   * once, through symlinks to the first package's (shared-copies.ts), after asserting they are
   * byte-identical. A diagnostic in those files is then grouped under the first package.
   */
  readonly shareCopies?: boolean;
}

/**
 * Type-checks many generated packages as ONE tsc program (a temp tsconfig in `root` including every
 * package's src/, with the packages' own strict options), which costs one parse of the DOM lib
 * and one check of the shared runtime instead of one per package. Returns tsc's output grouped by package: by folder name (`byPackage`,
 * "(other)" for lines outside every package) and by the folder as given (`byDir`).
 */
export async function typecheckPackages(
  root: string,
  packageDirs: readonly string[],
  options: BatchOptions = {},
): Promise<{ code: number; output: string; byPackage: Map<string, string[]>; byDir: Map<string, string[]> }> {
  const { extendsConfig } = options;
  const include = packageDirs.map((dir) => `${path.relative(root, dir).split(path.sep).join('/')}/src`);
  // Only when there is something to exclude: an `exclude` of its own replaces tsc's default one.
  const exclude = options.shareCopies ? { exclude: (await shareCopiedFiles(root, packageDirs)).excluded } : {};
  // rootDir is the packages' common folder: each package's own is its src/, and a program holding several must span them.
  const own = extendsConfig && { extends: extendsConfig, compilerOptions: { noEmit: true, rootDir: commonFolder(packageDirs) }, include, ...exclude };
  const config = own || {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      strict: true,
      noEmit: true,
      // As the packages' own tsconfig.json: TypeScript's lib files are not ours to check.
      skipLibCheck: true,
      types: [],
    },
    include,
    ...exclude,
  };
  const tsconfig = path.join(root, 'tsconfig.batch.json');
  await writeFile(tsconfig, JSON.stringify(config, null, 2));
  const { code, output } = checkProject(tsconfig, { cwd: root, realPaths: options.shareCopies });
  const byPackage = new Map<string, string[]>();
  const byDir = new Map<string, string[]>();
  for (const line of output.split('\n').filter((l) => l.trim() !== '')) {
    const dir = packageDirs.find((d) => path.resolve(root, line.split('(')[0] ?? '').startsWith(`${d}${path.sep}`));
    const key = dir ? path.basename(dir) : '(other)';
    byPackage.set(key, [...(byPackage.get(key) ?? []), line]);
    if (dir) byDir.set(dir, [...(byDir.get(dir) ?? []), line]);
  }
  return { code, output, byPackage, byDir };
}

function commonFolder(dirs: readonly string[]): string {
  let common = path.resolve(dirs[0] ?? '.');
  while (!dirs.every((dir) => `${path.resolve(dir)}${path.sep}`.startsWith(`${common}${path.sep}`))) common = path.dirname(common);
  return common;
}

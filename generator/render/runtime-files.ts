import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { TEMPLATES_DIR } from './shared/templates.ts';

/** Files of templates/ that stay in the generator: tests, and the runtime contracts the generator reads. */
const NOT_SHIPPED = (name: string): boolean => name.endsWith('.test.ts') || name === 'contracts.ts';

/** The TypeScript files under `templates/<folder>/` (recursively), keyed by their path under `target`. */
async function copiedFiles(folder: string, target: string): Promise<Map<string, string>> {
  const dir = path.join(TEMPLATES_DIR, folder);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const names = entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !NOT_SHIPPED(e.name))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  const files = new Map<string, string>();
  for (const name of names) files.set(`${target}/${name}`, await readFile(path.join(dir, name), 'utf8'));
  return files;
}

/** The runtime (templates/runtime/), copied verbatim into every package's `src/runtime/`. */
export function runtimeFiles(): Promise<Map<string, string>> {
  return copiedFiles('runtime', 'src/runtime');
}

/** The test kit (templates/testing/), copied verbatim into every package's `src/testing/` beside its rendered entry. */
export function testKitFiles(): Promise<Map<string, string>> {
  return copiedFiles('testing', 'src/testing');
}

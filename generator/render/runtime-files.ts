import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { TEMPLATES_DIR } from './shared/templates.ts';

const RUNTIME_DIR = path.join(TEMPLATES_DIR, 'runtime');

/** Files of templates/runtime/ that stay in the generator: tests, and the contracts the generator reads. */
const NOT_SHIPPED = (name: string): boolean => name.endsWith('.test.ts') || name === 'contracts.ts';

/** The runtime's source files (templates/runtime/, recursively), copied verbatim into every package's `src/runtime/`. */
export async function runtimeFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await readdir(RUNTIME_DIR, { recursive: true, withFileTypes: true });
  const names = entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !NOT_SHIPPED(e.name))
    .map((e) => path.relative(RUNTIME_DIR, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  for (const name of names) files.set(`src/runtime/${name}`, await readFile(path.join(RUNTIME_DIR, name), 'utf8'));
  return files;
}

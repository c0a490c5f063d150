/**
 * Which generated files differ from the base ref beyond the API itself: a newer generator, template
 * or runtime. The release workflow's own outputs (the version in package.json, CHANGELOG.md), the
 * generator's bookkeeping hashes and openapi.json (classified by the API diff) are left out.
 */
import type { FileSet } from '../write/file-set.ts';

export const RELEASE_OWNED = new Set(['CHANGELOG.md', 'openapi.json']);

/**
 * package.json without what says nothing about the package's content: the version (release's own)
 * and the generator's bookkeeping hashes (`clientgen.inputsHash` covers the generator's source and
 * lockfile, `clientgen.filesHash` covers CHANGELOG.md), which change when nothing a user gets does.
 */
function withoutBookkeeping(packageJson: string): string {
  try {
    const value = JSON.parse(packageJson) as Record<string, unknown>;
    delete value.version;
    const clientgen = value.clientgen;
    if (typeof clientgen === 'object' && clientgen !== null) {
      const { inputsHash: _inputs, filesHash: _files, ...rest } = clientgen as Record<string, unknown>;
      value.clientgen = rest;
    }
    return JSON.stringify(value);
  } catch {
    return packageJson;
  }
}

/** The names of files that were added, removed or changed between `base` and `rendered`, sorted. */
export function changedGeneratedFiles(base: ReadonlyMap<string, string>, rendered: FileSet): string[] {
  const names = new Set([...base.keys(), ...rendered.keys()]);
  const changed: string[] = [];
  for (const name of names) {
    if (RELEASE_OWNED.has(name)) continue;
    const [b, r] = [base.get(name), rendered.get(name)];
    if (b === undefined || r === undefined) changed.push(name);
    else if (name === 'package.json' ? withoutBookkeeping(b) !== withoutBookkeeping(r) : b !== r) changed.push(name);
  }
  return changed.sort();
}

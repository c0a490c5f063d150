/**
 * Which generated files differ from the base ref beyond the API itself: a newer generator, template
 * or runtime. The release workflow's own outputs (the version in package.json, CHANGELOG.md) and
 * openapi.json (classified by the API diff) are left out.
 */
import type { FileSet } from '../write/file-set.ts';

export const RELEASE_OWNED = new Set(['CHANGELOG.md', 'openapi.json']);

/** package.json without the version, which is release's own. */
function withoutVersion(packageJson: string): string {
  try {
    const value = JSON.parse(packageJson) as Record<string, unknown>;
    delete value.version;
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
    else if (name === 'package.json' ? withoutVersion(b) !== withoutVersion(r) : b !== r) changed.push(name);
  }
  return changed.sort();
}

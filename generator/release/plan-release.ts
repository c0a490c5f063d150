/**
 * Plans one provider's release: compares the package as `generate` renders it with the base ref,
 * and derives the next version and CHANGELOG.md. Everything is computed from the base ref and the
 * current inputs, so running release twice gives the same result. The caller renders.
 */
import { GeneratorError } from '../errors.ts';
import type { Workspace } from '../workspace.ts';
import type { FileSet } from '../write/file-set.ts';
import type { Change } from './change.ts';
import { prependEntry, renderEntry } from './changelog.ts';
import { diffOpenApi } from './diff-openapi.ts';
import { changedGeneratedFiles } from './generated-files.ts';
import { listFiles, showFile } from './git.ts';
import { NAMES_FILE, namesFromFile } from '../naming/index.ts';
import { parseOpenApi } from './provider-diff.ts';
import { nextVersion, releaseLevel, type ReleaseLevel } from './version.ts';

export interface ReleasePlan {
  readonly id: string;
  readonly packageName: string;
  /** The version at the base ref; undefined for a package that did not exist there. */
  readonly baseVersion?: string;
  readonly version: string;
  /** undefined: nothing changed since the base ref. */
  readonly level?: ReleaseLevel | 'initial';
  readonly changes: readonly Change[];
  readonly generatedFiles: readonly string[];
  /** The whole CHANGELOG.md to write; undefined when the package has none. */
  readonly changelog?: string;
  readonly operations: number;
}

interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly clientgen?: { readonly specVersion?: string; readonly specHash?: string };
}

async function baseFiles(ws: Workspace, ref: string, id: string): Promise<Map<string, string>> {
  const dir = `generated/${id}`;
  const files = new Map<string, string>();
  for (const name of await listFiles(ws.root, ref, dir)) {
    const text = await showFile(ws.root, ref, `${dir}/${name}`);
    if (text !== undefined) files.set(name, text);
  }
  return files;
}

function packageJsonOf(files: ReadonlyMap<string, string> | FileSet, where: string): PackageJson {
  const text = files.get('package.json');
  if (text === undefined) throw new GeneratorError({ file: where }, 'no package.json');
  const pkg = JSON.parse(text) as PackageJson;
  if (typeof pkg.version !== 'string') throw new GeneratorError({ file: where, pointer: '/version' }, 'package.json has no version');
  return pkg;
}

export interface PlanOptions {
  /** YYYY-MM-DD for the changelog heading; none by default so output stays deterministic. */
  readonly date?: string;
}

/** A package as rendered now, with the version and changelog it carries over. */
export interface RenderedPackage {
  readonly id: string;
  readonly files: FileSet;
  readonly operations: number;
}

export async function planRelease(ws: Workspace, rendered: RenderedPackage, ref: string, options: PlanOptions = {}): Promise<ReleasePlan> {
  const { id } = rendered;
  const current = packageJsonOf(rendered.files, `generated/${id}/package.json`);
  const spec = { specVersion: current.clientgen?.specVersion, specHash: current.clientgen?.specHash };
  const after = parseOpenApi(rendered.files.get('openapi.json') ?? '{}', `generated/${id}/openapi.json`);
  const base = await baseFiles(ws, ref, id);
  const common = { id, packageName: current.name, operations: rendered.operations };

  if (!base.has('package.json')) {
    // A new package keeps the version it was generated with (0.1.0 unless someone set another).
    const changes = diffOpenApi(undefined, after);
    const entry = renderEntry({ version: current.version, date: options.date, ...spec, changes, generatedFiles: [], initial: { operations: rendered.operations } });
    return { ...common, version: current.version, level: 'initial', changes, generatedFiles: [], changelog: prependEntry(undefined, entry) };
  }

  const baseVersion = packageJsonOf(base, `${ref}:generated/${id}/package.json`).version;
  const baseDoc = base.has('openapi.json') ? parseOpenApi(base.get('openapi.json') as string, `${ref}:generated/${id}/openapi.json`) : undefined;
  const names = { before: namesFromFile(base.get(NAMES_FILE), `${ref}:generated/${id}/${NAMES_FILE}`), after: namesFromFile(rendered.files.get(NAMES_FILE), `generated/${id}/${NAMES_FILE}`) };
  const changes = diffOpenApi(baseDoc, after, names);
  const generatedFiles = changedGeneratedFiles(base, rendered.files);
  const level = releaseLevel(changes, generatedFiles.length > 0);
  const baseChangelog = base.get('CHANGELOG.md');
  if (level === undefined) return { ...common, baseVersion, version: baseVersion, changes, generatedFiles, changelog: baseChangelog };
  let version: string;
  try {
    version = nextVersion(baseVersion, level);
  } catch (error) {
    throw new GeneratorError({ file: `${ref}:generated/${id}/package.json`, pointer: '/version' }, (error as Error).message);
  }
  const entry = renderEntry({ version, date: options.date, ...spec, changes, generatedFiles });
  return { ...common, baseVersion, version, level, changes, generatedFiles, changelog: prependEntry(baseChangelog, entry) };
}

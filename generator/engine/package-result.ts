/**
 * What the engine takes and gives. Plain, structured-cloneable data, so the scheduler can hand an
 * input to a worker thread and get the result back unchanged.
 */
import type { ProviderSource } from '../config/load-provider.ts';
import type { PreviousName } from '../naming/index.ts';
import type { FileSet } from '../write/file-set.ts';

/** What a package keeps from one generation to the next: the release workflow's version and changelog, and its names. */
export interface CarriedOver {
  readonly version: string;
  /** The whole CHANGELOG.md; undefined when the package has none. */
  readonly changelog?: string;
  /** The previous package's `names.json`: its operations keep these names. Undefined: named by the rules alone. */
  readonly names?: readonly PreviousName[];
}

/** The version of a package that was never released. */
export const FIRST_VERSION = '0.1.0';

/** Everything one package is rendered from. The engine reads the spec and overlay named by `source`, nothing else. */
export interface EngineInput {
  readonly source: ProviderSource;
  /** The spec file as generated headers and the report name it (relative to the project root, `/`-separated). */
  readonly specPath: string;
  readonly carried: CarriedOver;
}

/** Something a normalisation pass saw and could not use or decide. */
export interface Warning {
  readonly pass: string;
  readonly message: string;
  /** JSON pointer into the normalised document, when the pass gave one. */
  readonly pointer?: string;
}

export interface PackageResult {
  readonly id: string;
  /** Every file of the package, sorted by path. */
  readonly files: FileSet;
  readonly operations: number;
  readonly corrections: number;
  readonly warnings: readonly Warning[];
}

/** A file set in path order, so output never depends on which stage (or thread) finished first. */
export function sortedFileSet(entries: Iterable<readonly [string, string]>): FileSet {
  return new Map([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * One package a command renders: where it goes and what it is rendered from. The provider config
 * and the carried-over version and changelog are read here, once per command, and both the engine
 * and the inputs hash take them from here. Writing a package and recording it in the cache also
 * happen here, once, for every command that writes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { recordPackage, sourceInputsHash } from '../cache/inputs-hash.ts';
import { readProvider, type ProviderSource } from '../config/load-provider.ts';
import { FIRST_VERSION, type CarriedOver, type EngineInput } from '../engine/package-result.ts';
import { NAMES_FILE, namesFromFile, type PreviousName } from '../naming/index.ts';
import type { Workspace } from '../workspace.ts';
import { writeFileSet, type FileSet } from '../write/file-set.ts';

export interface PackageJob {
  readonly id: string;
  /** The package folder. */
  readonly dir: string;
  readonly input: EngineInput;
}

/** The names the package already in `dir` gives its operations (its `names.json`), so the new one keeps them. */
async function readPreviousNames(dir: string): Promise<readonly PreviousName[] | undefined> {
  const file = path.join(dir, NAMES_FILE);
  return namesFromFile(await readFile(file, 'utf8').catch(() => undefined), file);
}

/** What the package already in `dir` carries over: the release workflow's version and changelog, and its names. */
export async function readCarriedOver(dir: string): Promise<CarriedOver> {
  const pkg = await readFile(path.join(dir, 'package.json'), 'utf8').then(
    (t) => JSON.parse(t) as { version?: unknown },
    () => ({ version: undefined }),
  );
  const changelog = await readFile(path.join(dir, 'CHANGELOG.md'), 'utf8').catch(() => undefined);
  const names = await readPreviousNames(dir);
  return { version: typeof pkg.version === 'string' ? pkg.version : FIRST_VERSION, ...(changelog !== undefined ? { changelog } : {}), ...(names !== undefined ? { names } : {}) };
}

/** A job for `source` rendered into `dir`; the spec is labelled relative to `rootDir`. Without `carried`, it is read from `dir`. */
export async function packageJob(source: ProviderSource, dir: string, rootDir: string, carried?: CarriedOver): Promise<PackageJob> {
  const specPath = path.relative(rootDir, source.specFile).split(path.sep).join('/');
  return { id: source.config.id, dir, input: { source, specPath, carried: carried ?? (await readCarriedOver(dir)) } };
}

/** The job for provider `id` of a workspace, into `generated/<id>/`. */
export async function providerJob(ws: Workspace, id: string, carried?: CarriedOver): Promise<PackageJob> {
  return packageJob(await readProvider(ws.specsDir, id), path.join(ws.generatedDir, id), ws.root, carried);
}

/** The job with another carried-over version and changelog (release's). */
export function withCarriedOver(job: PackageJob, carried: CarriedOver): PackageJob {
  return { ...job, input: { ...job.input, carried } };
}

/** The hash `generate` compares to skip a package whose inputs are unchanged; computed before rendering, so a spec edited meanwhile is not taken as rendered. */
export function jobInputsHash(job: PackageJob): Promise<string> {
  return sourceInputsHash(job.input.source, job.input.specPath, job.input.carried);
}

/** Swaps the package folder in atomically, then records it in the cache so the next `generate` can skip it. */
export async function writePackage(job: PackageJob, inputsHash: string, files: FileSet): Promise<void> {
  await writeFileSet(job.dir, files);
  await recordPackage(job.dir, inputsHash, files);
}

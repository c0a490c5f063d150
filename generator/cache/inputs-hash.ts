/**
 * Skipping unchanged packages. `generate` computes a hash of everything a package depends on (the
 * spec, the overlay, provider.json, the version and changelog the release workflow left in the
 * package, the generator's own source and templates, and the exact dependency versions in
 * package-lock.json) and, after writing the package, records it with a hash of every file it wrote
 * in a local cache (`node_modules/.cache/clientgen/`, one small JSON file per output folder). The
 * next `generate` skips a package whose inputs hash equals the recorded one and whose files on disk
 * still hash to the recorded value, so a hand edit to any generated file (or an extra file) is
 * repaired by the next `generate`. `check` skips on the same record (and records a package it
 * rendered and found current); `check --full` renders every package.
 * Nothing is recorded in the package itself, so a generator change that does not change the output
 * does not change any committed file.
 *
 * This module imports nothing heavy, so a no-op `generate` starts and finishes quickly.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProviderSource } from '../config/load-provider.ts';
import { listFiles } from '../write/file-set.ts';

/** The clientgen installation (generator, templates, package-lock.json), not the workspace being generated. */
export const GENERATOR_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Bump to invalidate every recorded hash (e.g. when the hashing itself changes). */
const HASH_FORMAT = 'clientgen-inputs-1';

let generatorDigest: Promise<string> | undefined;

/** One hash of the generator's source, templates and locked dependency versions (computed once per process). */
export function generatorSourceHash(): Promise<string> {
  generatorDigest ??= (async () => {
    const hash = createHash('sha256').update(HASH_FORMAT);
    const names = [...(await listFiles(path.join(GENERATOR_ROOT, 'generator'), 'generator')), ...(await listFiles(path.join(GENERATOR_ROOT, 'templates'), 'templates'))]
      .filter((n) => !n.endsWith('.test.ts'))
      .sort();
    const all = [...names, 'package-lock.json'];
    // Read all at once: one read after another waits a round trip each, and this runs on every command.
    const contents = await Promise.all(all.map((name) => readFile(path.join(GENERATOR_ROOT, name)).catch(() => Buffer.alloc(0))));
    all.forEach((name, i) => {
      const content = contents[i] as Buffer;
      hash.update(`\0${name}\0${content.length}\0`).update(content);
    });
    return hash.digest('hex');
  })();
  return generatorDigest;
}

export interface HashInputs {
  /** Files the package is generated from (spec, overlay, provider.json), by absolute path. */
  readonly files: readonly string[];
  /** Other values the output depends on (e.g. the provider settings of a --spec run, the carried-over version). */
  readonly values: readonly string[];
}

/** The inputs hash of one package: `sha256-…`. */
export async function inputsHash(inputs: HashInputs): Promise<string> {
  const hash = createHash('sha256').update(await generatorSourceHash());
  for (const file of inputs.files) {
    const content = await readFile(file).catch(() => Buffer.alloc(0));
    hash.update(`\0file\0${path.basename(file)}\0${content.length}\0`).update(content);
  }
  for (const value of inputs.values) hash.update(`\0value\0${value.length}\0${value}`);
  return `sha256-${hash.digest('hex')}`;
}

/** Hash of a package's files (names and contents). */
export function filesHash(files: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const name of [...files.keys()].sort()) {
    const content = files.get(name) as string;
    hash.update(`\0${name}\0${Buffer.byteLength(content)}\0`).update(content);
  }
  return `sha256-${hash.digest('hex')}`;
}

const CACHE_DIR = path.join(GENERATOR_ROOT, 'node_modules/.cache/clientgen');
/** The cache file that records the package in `dir`. */
export const cacheFileFor = (dir: string): string => path.join(CACHE_DIR, `${createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32)}.json`);

/** Records that the package in `dir` was written from inputs with this hash, with exactly these files. */
export async function recordPackage(dir: string, hashOfInputs: string, files: ReadonlyMap<string, string>): Promise<void> {
  await mkdir(CACHE_DIR, { recursive: true });
  const entry = { dir: path.resolve(dir), inputsHash: hashOfInputs, filesHash: filesHash(files) };
  await writeFile(cacheFileFor(dir), `${JSON.stringify(entry, null, 2)}\n`);
}

/**
 * True when the package in `dir` was generated from exactly these inputs and nobody changed,
 * added or removed a file since (node_modules and dist are ignored, as `check` ignores them).
 */
export async function packageIsCurrent(dir: string, expectedInputsHash: string): Promise<boolean> {
  try {
    const entry = JSON.parse(await readFile(cacheFileFor(dir), 'utf8')) as { dir?: unknown; inputsHash?: unknown; filesHash?: unknown };
    if (entry.dir !== path.resolve(dir) || entry.inputsHash !== expectedInputsHash || typeof entry.filesHash !== 'string') return false;
    const names = await listFiles(dir);
    const contents = await Promise.all(names.map((name) => readFile(path.join(dir, name), 'utf8')));
    return filesHash(new Map(names.map((name, i) => [name, contents[i] as string]))) === entry.filesHash;
  } catch {
    return false;
  }
}

/** The inputs hash of the package that `source` generates with this spec label and carried-over version and changelog. */
export async function sourceInputsHash(source: ProviderSource, specPath: string, carried: { readonly version: string; readonly changelog?: string }): Promise<string> {
  const files = [source.specFile, path.join(source.dir, 'provider.json'), ...(source.overlayFile ? [source.overlayFile] : [])];
  // The carried-over names.json is left out: it is one of the package's own files (the files hash
  // covers it), and a package rendered with the names it wrote itself gets the same names again.
  return inputsHash({ files, values: [JSON.stringify(source.config), specPath, carried.version, carried.changelog ?? '\0none'] });
}

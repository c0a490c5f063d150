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
 * Each record also keeps the files' sizes and modification times (`build/file-fingerprints.mjs`):
 * while those match, the files are not read again, so a no-op run stats files instead of hashing
 * megabytes. Nothing is recorded in the package itself, so a generator change that does not change the output
 * does not change any committed file.
 *
 * This module imports nothing heavy, so a no-op `generate` starts and finishes quickly.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// Plain JavaScript (launch.mjs uses it before anything is compiled), declared in file-fingerprints.d.mts.
import { fileFingerprints, sameFingerprints, type Fingerprint } from '../build/file-fingerprints.mjs';
import type { ProviderSource } from '../config/load-provider.ts';
import { listFiles } from '../write/file-set.ts';

/** The clientgen installation (generator, templates, package-lock.json), not the workspace being generated. */
export const GENERATOR_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Bump to invalidate every recorded hash (e.g. when the hashing itself changes). */
const HASH_FORMAT = 'clientgen-inputs-1';

let generatorDigest: Promise<string> | undefined;

const CACHE_DIR = path.join(GENERATOR_ROOT, 'node_modules/.cache/clientgen');
const GENERATOR_RECORD = path.join(CACHE_DIR, 'generator-source.json');

/** Writes a cache file whole or not at all: a command reading it meanwhile sees the old one or the new one. */
async function writeRecord(file: string, value: unknown): Promise<void> {
  await mkdir(CACHE_DIR, { recursive: true });
  const next = `${file}.${process.pid}`;
  await writeFile(next, `${JSON.stringify(value, null, 2)}\n`);
  await rename(next, file).catch(async (error: unknown) => {
    await rm(next, { force: true });
    throw error;
  });
}

/**
 * One hash of the generator's source, templates and locked dependency versions (computed once per
 * process). Recorded with the files' fingerprints, so it is read from the record while they match.
 */
export function generatorSourceHash(): Promise<string> {
  generatorDigest ??= (async () => {
    const names = [...(await listFiles(path.join(GENERATOR_ROOT, 'generator'), 'generator')), ...(await listFiles(path.join(GENERATOR_ROOT, 'templates'), 'templates'))]
      .filter((n) => !n.endsWith('.test.ts'))
      .sort();
    const all = [...names, 'package-lock.json'];
    // Fingerprints first: an edit made while the contents are read shows as a difference next time.
    const fingerprints = await fileFingerprints(GENERATOR_ROOT, all);
    const recorded = await readFile(GENERATOR_RECORD, 'utf8').then((text) => JSON.parse(text) as { format?: unknown; root?: unknown; files?: unknown; hash?: unknown }, () => undefined);
    // The root too: a worktree whose node_modules links to another checkout shares this cache folder.
    if (recorded?.format === HASH_FORMAT && recorded.root === GENERATOR_ROOT && typeof recorded.hash === 'string' && sameFingerprints(recorded.files, fingerprints)) return recorded.hash;
    const hash = createHash('sha256').update(HASH_FORMAT);
    // Read all at once: one read after another waits a round trip each, and this runs on every command.
    const contents = await Promise.all(all.map((name) => readFile(path.join(GENERATOR_ROOT, name)).catch(() => Buffer.alloc(0))));
    all.forEach((name, i) => {
      const content = contents[i] as Buffer;
      hash.update(`\0${name}\0${content.length}\0`).update(content);
    });
    const digest = hash.digest('hex');
    await writeRecord(GENERATOR_RECORD, { format: HASH_FORMAT, root: GENERATOR_ROOT, hash: digest, files: fingerprints }).catch(() => undefined);
    return digest;
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

/**
 * Hash of a package's files (names and contents): the same for the rendered strings and for the
 * bytes on disk, which are their UTF-8.
 */
export function filesHash(files: ReadonlyMap<string, string | Buffer>): string {
  const hash = createHash('sha256');
  for (const name of [...files.keys()].sort()) {
    const content = files.get(name) as string | Buffer;
    hash.update(`\0${name}\0${Buffer.byteLength(content)}\0`).update(content);
  }
  return `sha256-${hash.digest('hex')}`;
}

/** The cache file that records the package in `dir`. */
export const cacheFileFor = (dir: string): string => path.join(CACHE_DIR, `${createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32)}.json`);

interface PackageRecord {
  readonly dir: string;
  readonly inputsHash: string;
  readonly filesHash: string;
  /** The files' fingerprints when the record was made. */
  readonly files: readonly Fingerprint[];
}

/** Records that the package in `dir` was written from inputs with this hash, with exactly these files. */
export async function recordPackage(dir: string, hashOfInputs: string, files: ReadonlyMap<string, string>): Promise<void> {
  const record: PackageRecord = { dir: path.resolve(dir), inputsHash: hashOfInputs, filesHash: filesHash(files), files: await fileFingerprints(dir, await listFiles(dir)) };
  await writeRecord(cacheFileFor(dir), record);
}

/**
 * True when the package in `dir` was generated from exactly these inputs and nobody changed,
 * added or removed a file since (node_modules and dist are ignored, as `check` ignores them). The
 * files are read and hashed only when a fingerprint differs from the record's; if their contents
 * are still the recorded ones, the record takes the new fingerprints.
 */
export async function packageIsCurrent(dir: string, expectedInputsHash: string): Promise<boolean> {
  try {
    const entry = JSON.parse(await readFile(cacheFileFor(dir), 'utf8')) as Partial<Record<keyof PackageRecord, unknown>>;
    if (entry.dir !== path.resolve(dir) || entry.inputsHash !== expectedInputsHash || typeof entry.filesHash !== 'string') return false;
    const names = await listFiles(dir);
    const fingerprints = await fileFingerprints(dir, names);
    if (sameFingerprints(entry.files, fingerprints)) return true;
    const contents = await Promise.all(names.map((name) => readFile(path.join(dir, name))));
    if (filesHash(new Map(names.map((name, i) => [name, contents[i] as Buffer]))) !== entry.filesHash) return false;
    await writeRecord(cacheFileFor(dir), { ...entry, files: fingerprints }).catch(() => undefined);
    return true;
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

/**
 * `generate`: skip the packages whose inputs and files are as recorded, render the rest, and only
 * when every one rendered write them all, so a failure leaves all output as it was.
 */
import path from 'node:path';
import { packageIsCurrent } from '../cache/inputs-hash.ts';
import { adHocProvider, type AdHocOptions } from '../config/ad-hoc-provider.ts';
import { loadGenerateConfig } from '../config/generate-config.ts';
import type { PackageResult } from '../engine/package-result.ts';
import { renderPackages, type ProgressEvent } from '../scheduler/render-packages.ts';
import type { Workspace } from '../workspace.ts';
import { assertWritable, clearStaleStaging } from '../write/file-set.ts';
import { jobInputsHash, packageJob, providerJob, writePackage, type PackageJob } from './package-job.ts';

export interface GenerateOptions {
  /** Render even the packages whose recorded inputs hash says they are up to date. */
  readonly force?: boolean;
  readonly threads?: number;
  readonly largeDocument?: number;
  readonly hugeDocument?: number;
  readonly heapLimitMb?: number;
}

/** What a run reports as it goes. */
export interface GenerateEvents {
  upToDate?(job: PackageJob): void;
  progress?(event: ProgressEvent): void;
  rendered?(result: PackageResult, ms: number): void;
  /** `ms` counts from the start of the run. */
  written?(job: PackageJob, result: PackageResult, ms: number): void;
}

export async function generatePackages(jobs: readonly PackageJob[], options: GenerateOptions = {}, events: GenerateEvents = {}): Promise<PackageResult[]> {
  const started = performance.now();
  // A run killed while writing leaves `.<id>.staging-<pid>` folders; a skipped package never reaches
  // writeFileSet, so they are cleared here, at the start of every run (a live process's stay).
  for (const parent of new Set(jobs.map((job) => path.dirname(job.dir)))) await clearStaleStaging(parent);
  const stale: { job: PackageJob; inputsHash: string }[] = [];
  for (const job of jobs) {
    const inputsHash = await jobInputsHash(job);
    if (!options.force && (await packageIsCurrent(job.dir, inputsHash))) events.upToDate?.(job);
    else stale.push({ job, inputsHash });
  }
  const results = await renderPackages(
    stale.map((s) => s.job.input),
    { threads: options.threads, largeDocument: options.largeDocument, hugeDocument: options.hugeDocument, heapLimitMb: options.heapLimitMb, onRendered: events.rendered, onProgress: events.progress },
  );
  // Refuse before writing anything: a folder this generator may not write into stops the whole run.
  for (const [index, { job }] of stale.entries()) await assertWritable(job.dir, (results[index] as PackageResult).files);
  for (const [index, { job, inputsHash }] of stale.entries()) {
    const result = results[index] as PackageResult;
    await writePackage(job, inputsHash, result.files);
    events.written?.(job, result, performance.now() - started);
  }
  return results;
}

/** Every named provider of the workspace into `generated/<id>/`. */
export async function generateProviders(ws: Workspace, ids: readonly string[], options: GenerateOptions = {}, events: GenerateEvents = {}): Promise<PackageResult[]> {
  const jobs: PackageJob[] = [];
  for (const id of ids) jobs.push(await providerJob(ws, id));
  return generatePackages(jobs, options, events);
}

export type SpecOptions = AdHocOptions;

/** One package from any document (a file or a URL) into `outDir`, without a provider folder. */
export async function generateFromSpec(spec: string, outDir: string, specOptions: SpecOptions, options: GenerateOptions = {}, events: GenerateEvents = {}): Promise<PackageResult[]> {
  const source = await adHocProvider(spec, specOptions);
  const job = await packageJob(source, path.resolve(outDir), path.dirname(source.specFile));
  return generatePackages([job], options, events);
}

/** Every package a config file lists (`--config clientgen.config.json`), written only when all rendered. */
export async function generateFromConfig(configFile: string, options: GenerateOptions = {}, events: GenerateEvents = {}): Promise<PackageResult[]> {
  const jobs: PackageJob[] = [];
  for (const { spec, out, ...specOptions } of await loadGenerateConfig(configFile)) {
    const source = await adHocProvider(spec, specOptions);
    jobs.push(await packageJob(source, out, path.dirname(source.specFile)));
  }
  return generatePackages(jobs, options, events);
}

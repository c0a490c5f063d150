/**
 * `check`: render every package in memory and compare it with what is on disk; it writes nothing
 * but the cache. A package whose inputs hash and files hash are the ones recorded when it was last
 * written or checked (cache/inputs-hash.ts) is current without rendering: rendering is a pure
 * function of those inputs, and the files hash shows any hand edit, added or removed file. A
 * clean clone has no record, so CI renders everything; `full` renders every package regardless
 * and records nothing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importDocs, serialiseDocument } from '../import-docs/index.ts';
import { renderPackages } from '../scheduler/render-packages.ts';
import type { Workspace } from '../workspace.ts';
import { diffFileSet, findStaleStaging, type FileSetDifference, type StagingFolder } from '../write/file-set.ts';
import { packageIsCurrent, recordPackage } from '../cache/inputs-hash.ts';
import { jobInputsHash, providerJob } from './package-job.ts';

export interface PackageCheck {
  readonly id: string;
  readonly dir: string;
  readonly difference: FileSetDifference;
  /** Files that differ, are missing or were not generated. */
  readonly stale: number;
  /** True when the recorded hashes showed the package current, so it was not rendered. */
  readonly recorded: boolean;
}

/** A provider documented by an API page whose committed swagger.json is not the import of that page. */
export interface StaleImport {
  readonly id: string;
  /** `specs/<id>/userapi-docs.txt` */
  readonly page: string;
}

export interface CheckResult {
  readonly packages: readonly PackageCheck[];
  readonly imports: readonly StaleImport[];
  /** `generated/.<id>.staging-<pid>` / `.old-<pid>` folders a killed run left: never to be committed. */
  readonly staging: readonly StagingFolder[];
}

export async function checkProviders(ws: Workspace, ids: readonly string[], options: { threads?: number; full?: boolean } = {}): Promise<CheckResult> {
  const jobs = [];
  for (const id of ids) {
    const job = await providerJob(ws, id);
    const inputsHash = await jobInputsHash(job);
    jobs.push({ job, inputsHash, recorded: !options.full && (await packageIsCurrent(job.dir, inputsHash)) });
  }
  const rendering = jobs.filter((j) => !j.recorded);
  const results = await renderPackages(
    rendering.map((j) => j.job.input),
    { threads: options.threads },
  );
  const rendered = new Map(rendering.map((j, index) => [j.job, results[index]?.files]));
  const packages: PackageCheck[] = [];
  for (const { job, inputsHash, recorded } of jobs) {
    const files = recorded ? undefined : (rendered.get(job) ?? new Map<string, string>());
    const difference = files ? await diffFileSet(job.dir, files) : { changed: [], missing: [], extra: [] };
    const stale = difference.changed.length + difference.missing.length + difference.extra.length;
    // Current as rendered: the next check may skip it, as the next generate would. `full` records
    // nothing, so a full check never decides what a later one skips.
    if (files && stale === 0 && !options.full) await recordPackage(job.dir, inputsHash, files);
    packages.push({ id: job.id, dir: job.dir, difference, stale, recorded });
  }
  const imports: StaleImport[] = [];
  for (const id of ids) {
    const text = await readFile(path.join(ws.specsDir, id, 'userapi-docs.txt'), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const page = path.join('specs', id, 'userapi-docs.txt');
    const expected = serialiseDocument(importDocs(text, { file: page }).document);
    const actual = await readFile(path.join(ws.specsDir, id, 'swagger.json'), 'utf8').catch(() => '');
    if (actual !== expected) imports.push({ id, page });
  }
  return { packages, imports, staging: await findStaleStaging(ws.generatedDir) };
}

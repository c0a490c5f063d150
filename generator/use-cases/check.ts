/**
 * `check`: render every package in memory and compare it with what is on disk. It never skips on
 * the recorded inputs hash, so a hand edit always shows; it writes nothing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importDocs, serialiseDocument } from '../import-docs/index.ts';
import { renderPackages } from '../scheduler/render-packages.ts';
import type { Workspace } from '../workspace.ts';
import { diffFileSet, findStaleStaging, type FileSetDifference, type StagingFolder } from '../write/file-set.ts';
import { providerJob } from './package-job.ts';

export interface PackageCheck {
  readonly id: string;
  readonly dir: string;
  readonly difference: FileSetDifference;
  /** Files that differ, are missing or were not generated. */
  readonly stale: number;
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

export async function checkProviders(ws: Workspace, ids: readonly string[], options: { threads?: number } = {}): Promise<CheckResult> {
  const jobs = [];
  for (const id of ids) jobs.push(await providerJob(ws, id));
  const results = await renderPackages(
    jobs.map((j) => j.input),
    { threads: options.threads },
  );
  const packages: PackageCheck[] = [];
  for (const [index, job] of jobs.entries()) {
    const difference = await diffFileSet(job.dir, results[index]?.files ?? new Map());
    packages.push({ id: job.id, dir: job.dir, difference, stale: difference.changed.length + difference.missing.length + difference.extra.length });
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

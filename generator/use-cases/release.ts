/**
 * `release`: render every package, plan its version and changelog against the base ref, then write
 * each package with the planned version and changelog carried over (and record it in the cache),
 * so `check` stays green and the next `generate` skips it. A package is rendered a second time only
 * when its plan changes what it carries over; otherwise the first rendering is what gets written.
 */
import type { PackageResult } from '../engine/package-result.ts';
import { verifyRef } from '../release/git.ts';
import { staleLockEntries, updateLockfile } from '../release/lockfile.ts';
import { planRelease, type PlanOptions, type ReleasePlan } from '../release/plan-release.ts';
import { renderPackages } from '../scheduler/render-packages.ts';
import type { Workspace } from '../workspace.ts';
import type { FileSet } from '../write/file-set.ts';
import { jobInputsHash, providerJob, withCarriedOver, writePackage, type PackageJob } from './package-job.ts';

export interface PlannedRelease {
  readonly plan: ReleasePlan;
  readonly job: PackageJob;
  /** The package as rendered for planning, with what it carried over then. */
  readonly files: FileSet;
}

/** Renders and plans every provider; writes nothing. */
export async function planReleases(ws: Workspace, ids: readonly string[], base: string, options: PlanOptions & { threads?: number } = {}): Promise<PlannedRelease[]> {
  await verifyRef(ws.root, base);
  const jobs: PackageJob[] = [];
  for (const id of ids) jobs.push(await providerJob(ws, id));
  const rendered = await renderPackages(
    jobs.map((j) => j.input),
    { threads: options.threads },
  );
  const planned: PlannedRelease[] = [];
  for (const [index, job] of jobs.entries()) {
    const result = rendered[index] as PackageResult;
    planned.push({ plan: await planRelease(ws, result, base, { date: options.date }), job, files: result.files });
  }
  return planned;
}

/** Writes every planned package with its new version and changelog. */
export async function applyReleases(planned: readonly PlannedRelease[], options: { threads?: number } = {}): Promise<void> {
  const jobs = planned.map(({ plan, job }) => withCarriedOver(job, { ...job.input.carried, version: plan.version, ...(plan.changelog !== undefined ? { changelog: plan.changelog } : {}) }));
  const again = planned.map((p, i) => !sameCarriedOver(p.job, jobs[i] as PackageJob));
  // Hashed before rendering, so a spec edited meanwhile is not recorded as rendered.
  const hashes = await Promise.all(jobs.map(jobInputsHash));
  const rerendered = await renderPackages(
    jobs.filter((_, i) => again[i]).map((j) => j.input),
    { threads: options.threads },
  );
  let next = 0;
  for (const [index, job] of jobs.entries()) {
    const files = again[index] ? (rerendered[next++] as PackageResult).files : (planned[index] as PlannedRelease).files;
    await writePackage(job, hashes[index] as string, files);
  }
}

function sameCarriedOver(a: PackageJob, b: PackageJob): boolean {
  return a.input.carried.version === b.input.carried.version && a.input.carried.changelog === b.input.carried.changelog;
}

/** Runs `npm install --package-lock-only` when package-lock.json misses a package or has an old version; returns the stale entries. */
export async function refreshLockfile(root: string): Promise<string[]> {
  const stale = await staleLockEntries(root);
  if (stale.length > 0) await updateLockfile(root);
  return stale;
}

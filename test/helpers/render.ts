/** Rendering one package in memory on the test's thread, the way `generate` and `check` render it. */
import type { ProviderSource } from '../../generator/config/load-provider.ts';
import type { PackageResult } from '../../generator/engine/package-result.ts';
import { renderPackage } from '../../generator/engine/render-package.ts';
import { packageJob, providerJob } from '../../generator/use-cases/package-job.ts';
import type { Workspace } from '../../generator/workspace.ts';

/** Provider `id` of a workspace, carrying over what generated/<id>/ holds. */
export async function renderProvider(ws: Workspace, id: string): Promise<PackageResult> {
  return renderPackage((await providerJob(ws, id)).input);
}

/** Any source rendered for `outDir` (whose version and changelog it carries over), the spec labelled relative to `rootDir`. */
export async function generateProvider(source: ProviderSource, outDir: string, rootDir: string): Promise<PackageResult> {
  return renderPackage((await packageJob(source, outDir, rootDir)).input);
}

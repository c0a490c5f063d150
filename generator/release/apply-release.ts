/**
 * Writes a release plan: the version into generated/<id>/package.json and CHANGELOG.md beside it,
 * then regenerates the package, which carries both over, so `npm run check` stays green.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderProvider, type Workspace } from '../workspace.ts';
import { writeFileSet } from '../write/file-set.ts';
import type { ReleasePlan } from './plan-release.ts';

export async function applyRelease(ws: Workspace, plan: ReleasePlan): Promise<void> {
  const dir = path.join(ws.generatedDir, plan.id);
  await mkdir(dir, { recursive: true });
  const pkgFile = path.join(dir, 'package.json');
  const pkg = await readFile(pkgFile, 'utf8').then(
    (t) => JSON.parse(t) as Record<string, unknown>,
    () => ({}) as Record<string, unknown>,
  );
  await writeFile(pkgFile, `${JSON.stringify({ ...pkg, version: plan.version }, null, 2)}\n`);
  const changelogFile = path.join(dir, 'CHANGELOG.md');
  if (plan.changelog === undefined) await rm(changelogFile, { force: true });
  else await writeFile(changelogFile, plan.changelog);
  const result = await renderProvider(ws, plan.id);
  await writeFileSet(dir, result.files);
}

import { Command } from 'commander';
import { UsageError } from '../../errors.ts';
import { countChanges } from '../../release/change.ts';
import type { ReleasePlan } from '../../release/plan-release.ts';
import { effectiveIncrement } from '../../release/version.ts';
import { applyReleases, planReleases, refreshLockfile } from '../../use-cases/release.ts';
import { selectProviders, workspace } from '../../workspace.ts';
import type { CliCommand } from '../command.ts';

function describe(plan: ReleasePlan): string {
  if (plan.level === undefined) return `${plan.id}: unchanged (${plan.packageName}@${plan.version})`;
  if (plan.level === 'initial') return `${plan.id}: new package ${plan.packageName}@${plan.version} (${plan.operations} operations)`;
  const c = countChanges(plan.changes);
  const increment = effectiveIncrement(plan.baseVersion as string, plan.level);
  const why = plan.changes.length > 0 ? `${c.breaking} breaking, ${c.feature} non-breaking, ${c.docs} documentation` : `generated code only: ${plan.generatedFiles.join(', ')}`;
  const level = increment === plan.level ? plan.level : `${plan.level}, ${increment} below 1.0.0`;
  return `${plan.id}: ${plan.packageName} ${plan.baseVersion} → ${plan.version} (${level}; ${why})`;
}

export const command: CliCommand = {
  program: () =>
    new Command('release')
      .description(
        'Bump the version of every package whose generated output changed since a git ref (semver from the API diff), prepend a CHANGELOG.md entry, regenerate the package and update package-lock.json.',
      )
      .option('-p, --provider <id...>', 'only these providers (repeatable)')
      .option('-b, --base <git-ref>', 'the git ref of the last release to compare with', 'HEAD')
      .option('--date <yyyy-mm-dd>', 'a date for the changelog headings (default: none, so output stays deterministic)')
      .option('--dry-run', 'print the planned versions and write nothing')
      .option('--no-lockfile', 'do not update package-lock.json')
      .addHelpText(
        'after',
        `
Versions: breaking → major, non-breaking additions → minor, documentation or generator-only changes → patch;
below 1.0.0 each shifts down one place (breaking → minor, everything else → patch).
Versions and changelogs are computed from the base ref, so running release twice gives the same result.
Exit codes: 0 success, 1 error, 2 usage error.`,
      ),

  async run(program, ctx) {
    const opts = program.opts<{ provider?: string[]; base: string; date?: string; dryRun?: boolean; lockfile: boolean }>();
    if (opts.date !== undefined && !/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(opts.date)) {
      throw new UsageError(`--date must be YYYY-MM-DD, got "${opts.date}"`);
    }
    const ws = workspace(ctx.root);
    const ids = await selectProviders(ws, opts.provider);
    // Plan everything before writing anything, so one failing provider leaves all packages as they were.
    const planned = await planReleases(ws, ids, opts.base, { date: opts.date });
    for (const { plan } of planned) ctx.io.stdout(`${describe(plan)}\n`);
    if (opts.dryRun) return 0;
    await applyReleases(planned);
    if (opts.lockfile) {
      const stale = await refreshLockfile(ws.root);
      if (stale.length > 0) ctx.io.stdout(`package-lock.json updated (${stale.join(', ')})\n`);
    }
    return 0;
  },
};

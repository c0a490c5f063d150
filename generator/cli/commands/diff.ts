import { Command } from 'commander';
import { UsageError } from '../../errors.ts';
import { diffReport, formatDiffText } from '../../release/format-diff.ts';
import { verifyRef } from '../../release/git.ts';
import { diffProvider, openApiPath, type ProviderDiff } from '../../release/provider-diff.ts';
import { selectProviders, workspace } from '../../workspace.ts';
import type { CliCommand } from '../command.ts';

export const EXIT_BREAKING = 3;

export const command: CliCommand = {
  program: () =>
    new Command('diff')
      .description(
        'Compare each provider\'s normalised OpenAPI document (generated/<id>/openapi.json) in the working tree with the one at a git ref, and classify every change as breaking, non-breaking or documentation.',
      )
      .option('-p, --provider <id...>', 'only these providers (repeatable); default: every provider under specs/ that has an openapi.json')
      .option('-b, --base <git-ref>', 'the git ref to compare with', 'HEAD')
      .option('--json', 'print the changes as JSON instead of Markdown text')
      .addHelpText(
        'after',
        '\nA provider absent at the base ref shows every operation as added.\nExit codes: 0 no breaking change, 3 breaking changes, 1 error, 2 usage error.',
      ),

  async run(program, ctx) {
    const opts = program.opts<{ provider?: string[]; base: string; json?: boolean }>();
    const ws = workspace(ctx.root);
    const ids = await selectProviders(ws, opts.provider);
    await verifyRef(ws.root, opts.base);
    const diffs: ProviderDiff[] = [];
    for (const id of ids) {
      try {
        diffs.push(await diffProvider(ws, id, opts.base));
      } catch (error) {
        // Without --provider, a provider that was never generated is skipped rather than fatal.
        if (!(error instanceof UsageError) || opts.provider) throw error;
        ctx.io.stderr(`${id}: skipped, no ${openApiPath(id)} in the working tree or at ${opts.base}\n`);
      }
    }
    const report = diffReport(opts.base, diffs);
    ctx.io.stdout(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatDiffText(diffs));
    return report.breaking ? EXIT_BREAKING : 0;
  },
};

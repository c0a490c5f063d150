import { Command, InvalidArgumentError } from 'commander';
import { UsageError } from '../../errors.ts';
import { describeSync } from '../../sync/sync-provider.ts';
import { syncProviders } from '../../use-cases/sync.ts';
import { workspace } from '../../workspace.ts';
import type { CliCommand } from '../command.ts';

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive whole number of milliseconds');
  return n;
}

export const command: CliCommand = {
  program: () =>
    new Command('sync')
      .description(
        'Download each provider\'s published document from the specUrl in specs/<id>/provider.json and write it to specs/<id>/ when it changed. A Swagger URL is saved byte for byte as the spec file; an API page (specUrl ending in /userapi) is saved as userapi-docs.html plus its text, userapi-docs.txt, for `npm run import-docs`.',
      )
      .option('-p, --provider <id...>', 'only these providers (repeatable); default: every provider with a specUrl')
      .option('--url <url>', 'fetch from this URL instead of specUrl (needs exactly one --provider)')
      .option('--timeout <ms>', 'give up on a provider after this many milliseconds', positiveInteger, 30_000)
      .option('--dry-run', 'fetch and check, report what would change, write nothing')
      .addHelpText(
        'after',
        '\nA failed download, a non-200 answer, HTML where a document was expected, or a document that does not load\nleaves that provider\'s committed files untouched; the other providers are still synced.\nExit codes: 0 success, 1 at least one provider failed, 2 usage error.',
      ),

  async run(program, ctx) {
    const opts = program.opts<{ provider?: string[]; url?: string; timeout: number; dryRun?: boolean }>();
    if (opts.url !== undefined) {
      if (opts.provider?.length !== 1) throw new UsageError('--url needs exactly one --provider');
      if (!/^https?:\/\/\S+$/i.test(opts.url)) throw new UsageError(`--url must be an http(s) URL`);
    }
    const failures = await syncProviders(
      workspace(ctx.root),
      opts.provider,
      { url: opts.url, timeoutMs: opts.timeout, dryRun: opts.dryRun },
      {
        skipped: (id) => ctx.io.stdout(`${id}: skipped, no specUrl\n`),
        synced: (result) => ctx.io.stdout(`${describeSync(result, opts.dryRun)}\n`),
        failed: (id, error) => ctx.io.stderr(`error: ${id}: ${error.message} (committed files left as they were)\n`),
      },
    );
    return failures > 0 ? 1 : 0;
  },
};

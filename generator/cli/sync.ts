import { Command, InvalidArgumentError } from 'commander';
import { GeneratorError, UsageError } from '../errors.ts';
import { describeSync, syncProvider } from '../sync/sync-provider.ts';
import { readSyncTarget } from '../sync/sync-target.ts';
import { selectProviders, workspace } from '../workspace.ts';
import { runCli } from './run-cli.ts';

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive whole number of milliseconds');
  return n;
}

const program = new Command('sync')
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
  );

await runCli(program, async () => {
  const opts = program.opts<{ provider?: string[]; url?: string; timeout: number; dryRun?: boolean }>();
  if (opts.url !== undefined) {
    if (opts.provider?.length !== 1) throw new UsageError('--url needs exactly one --provider');
    if (!/^https?:\/\/\S+$/i.test(opts.url)) throw new UsageError(`--url must be an http(s) URL`);
  }
  const ws = workspace();
  let ids = await selectProviders(ws, opts.provider);
  if (!opts.provider) {
    // Without --provider, providers that publish nothing to sync from are skipped.
    const withUrl: string[] = [];
    for (const id of ids) {
      const target = await readSyncTarget(ws, id).catch((error: unknown) => error);
      if (target instanceof GeneratorError && target.place.pointer === '/specUrl' && target.problem.startsWith('no "specUrl"')) process.stdout.write(`${id}: skipped, no specUrl\n`);
      else withUrl.push(id);
    }
    ids = withUrl;
  }
  let failures = 0;
  for (const id of ids) {
    try {
      const result = await syncProvider(ws, id, { url: opts.url, timeoutMs: opts.timeout, dryRun: opts.dryRun });
      process.stdout.write(`${describeSync(result, opts.dryRun)}\n`);
    } catch (error) {
      if (!(error instanceof GeneratorError)) throw error;
      failures += 1;
      process.stderr.write(`error: ${id}: ${error.message} (committed files left as they were)\n`);
    }
  }
  return failures > 0 ? 1 : 0;
});

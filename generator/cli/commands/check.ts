import path from 'node:path';
import { Command } from 'commander';
import { checkProviders } from '../../use-cases/check.ts';
import { selectProviders, workspace } from '../../workspace.ts';
import type { CliCommand } from '../command.ts';

export const command: CliCommand = {
  program: () =>
    new Command('check')
      .description('Regenerate in memory and fail, naming the files, when generated/ (or a spec imported from an API page) differs from what the generator produces.')
      .option('-p, --provider <id...>', 'only these providers (repeatable)')
      .option('--full', 'render every package, even one whose inputs and files are as recorded when it was last generated or checked')
      .addHelpText(
        'after',
        [
          '',
          'A package whose inputs (spec, overlay, provider.json, generator, templates, locked dependencies) and files',
          'hash to what was recorded when this machine last generated or checked it is up to date without rendering;',
          'a clean clone has no record, so it renders everything. Exit codes: 0 up to date, 1 stale output or',
          'generation error, 2 usage error.',
        ].join('\n'),
      ),

  async run(program, ctx) {
    const opts = program.opts<{ provider?: string[]; full?: boolean }>();
    const ws = workspace(ctx.root);
    const ids = await selectProviders(ws, opts.provider);
    const { packages, imports, staging } = await checkProviders(ws, ids, { full: opts.full === true });
    let stale = 0;
    for (const { id, dir, difference, stale: count, recorded } of packages) {
      const rel = (f: string) => path.relative(ws.root, path.join(dir, f));
      for (const f of difference.changed) ctx.io.stderr(`differs: ${rel(f)}\n`);
      for (const f of difference.missing) ctx.io.stderr(`missing: ${rel(f)}\n`);
      for (const f of difference.extra) ctx.io.stderr(`not generated: ${rel(f)}\n`);
      stale += count;
      ctx.io.stdout(`${id}: ${count > 0 ? `${count} file(s) out of date` : recorded ? 'up to date (inputs and files as recorded)' : 'up to date'}\n`);
    }
    for (const { id, page } of imports) {
      stale++;
      ctx.io.stderr(`differs: specs/${id}/swagger.json is not the import of ${page} (run \`npm run import-docs -- --provider ${id}\`)\n`);
    }
    for (const folder of staging) {
      stale++;
      ctx.io.stderr(`left over: generated/${folder.name} (a ${folder.kind} folder of an interrupted run (process ${folder.pid}); the next \`npm run generate\` removes it, or delete it)\n`);
    }
    if (stale > 0) ctx.io.stderr('generated/ is stale: run `npm run generate` and commit the result.\n');
    return stale > 0 ? 1 : 0;
  },
};

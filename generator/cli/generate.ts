import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { writeFileSet } from '../write/file-set.ts';
import { mapConcurrent, renderProvider, selectProviders, workspace } from '../workspace.ts';
import { runCli } from './run-cli.ts';

const program = new Command('generate')
  .description('Generate the client package of every provider under specs/ (or the ones named) into generated/<id>/.')
  .option('-p, --provider <id...>', 'only these providers (repeatable)')
  .addHelpText('after', '\nExit codes: 0 success, 1 generation error, 2 usage error.');

await runCli(program, async () => {
  const opts = program.opts<{ provider?: string[] }>();
  const ws = workspace();
  const ids = await selectProviders(ws, opts.provider);
  // Render everything first; only when every provider rendered do we write, so a failure leaves all output as it was.
  const results = await mapConcurrent(ids, os.availableParallelism(), async (id) => {
    const started = performance.now();
    const result = await renderProvider(ws, id);
    return { result, ms: performance.now() - started };
  });
  for (const { result, ms } of results) {
    await writeFileSet(path.join(ws.generatedDir, result.id), result.files);
    process.stdout.write(
      `${result.id}: ${result.operations} operations, ${result.corrections} corrections${result.warnings ? `, ${result.warnings} warnings` : ''}, ${result.files.size} files written to ${path.relative(ws.root, path.join(ws.generatedDir, result.id))}/ in ${(ms / 1000).toFixed(2)} s\n`,
    );
  }
  return 0;
});

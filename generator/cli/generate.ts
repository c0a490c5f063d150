import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { adHocProvider } from '../config/ad-hoc-provider.ts';
import { UsageError } from '../errors.ts';
import { generateProvider, type GenerationResult } from '../pipeline.ts';
import { writeFileSet } from '../write/file-set.ts';
import { mapConcurrent, renderProvider, selectProviders, workspace } from '../workspace.ts';
import { runCli } from './run-cli.ts';

const program = new Command('generate')
  .description('Generate the client package of every provider under specs/ (or the ones named) into generated/<id>/.')
  .option('-p, --provider <id...>', 'only these providers (repeatable)')
  .option('--spec <file-or-url>', 'generate one package from any Swagger 2.0 / OpenAPI 3.x document, without a provider folder')
  .option('--out <dir>', 'with --spec: the package folder to write')
  .option('--name <id>', 'with --spec: the package name (default: the file name)')
  .option('--hostbill', 'with --spec: apply the HostBill passes (@name paths, query fields as JSON bodies)')
  .addHelpText('after', '\nExamples:\n  npm run generate\n  npm run generate -- --provider time4vps\n  npm run generate -- --spec ./petstore.yaml --out ./petstore-client\n\nExit codes: 0 success, 1 generation error, 2 usage error.');

interface Options {
  provider?: string[];
  spec?: string;
  out?: string;
  name?: string;
  hostbill?: boolean;
}

function report(result: GenerationResult, shownDir: string, ms: number): void {
  process.stdout.write(
    `${result.id}: ${result.operations} operations, ${result.corrections} corrections${result.warnings ? `, ${result.warnings} warnings` : ''}, ${result.files.size} files written to ${shownDir}/ in ${(ms / 1000).toFixed(2)} s\n`,
  );
}

await runCli(program, async () => {
  const opts = program.opts<Options>();
  const ws = workspace();
  if (opts.spec !== undefined || opts.out !== undefined || opts.name !== undefined || opts.hostbill) {
    if (opts.spec === undefined || opts.out === undefined) throw new UsageError('--spec and --out go together (and --name/--hostbill need them)');
    if (opts.provider) throw new UsageError('--spec cannot be combined with --provider');
    const started = performance.now();
    const source = await adHocProvider(opts.spec, { name: opts.name, hostbill: opts.hostbill });
    const out = path.resolve(opts.out);
    const result = await generateProvider(source, out, path.dirname(source.specFile));
    await writeFileSet(out, result.files);
    report(result, path.relative(process.cwd(), out) || '.', performance.now() - started);
    return 0;
  }
  const ids = await selectProviders(ws, opts.provider);
  // Render everything first; only when every provider rendered do we write, so a failure leaves all output as it was.
  const results = await mapConcurrent(ids, os.availableParallelism(), async (id) => {
    const started = performance.now();
    const result = await renderProvider(ws, id);
    return { result, ms: performance.now() - started };
  });
  for (const { result, ms } of results) {
    const dir = path.join(ws.generatedDir, result.id);
    await writeFileSet(dir, result.files);
    report(result, path.relative(ws.root, dir).split(path.sep).join('/'), ms);
  }
  return 0;
});

import path from 'node:path';
import { Command } from 'commander';
import { packageIsCurrent, recordPackage, sourceInputsHash } from '../cache/inputs-hash.ts';
import { adHocProvider } from '../config/ad-hoc-provider.ts';
import { loadProvider } from '../config/load-provider.ts';
import { UsageError } from '../errors.ts';
import type { GenerationResult } from '../pipeline.ts';
import { writeFileSet } from '../write/file-set.ts';
import { renderProviders, selectProviders, workspace } from '../workspace.ts';
import { runCli } from './run-cli.ts';

const program = new Command('generate')
  .description('Generate the client package of every provider under specs/ (or the ones named) into generated/<id>/.')
  .option('-p, --provider <id...>', 'only these providers (repeatable)')
  .option('--spec <file-or-url>', 'generate one package from any Swagger 2.0 / OpenAPI 3.x document, without a provider folder')
  .option('--out <dir>', 'with --spec: the package folder to write')
  .option('--name <id>', 'with --spec: the package name (default: the file name)')
  .option('--hostbill', 'with --spec: apply the HostBill passes (@name paths, query fields as JSON bodies)')
  .option('--force', 'regenerate even packages whose recorded inputs hash says they are up to date')
  .addHelpText('after', '\nExamples:\n  npm run generate\n  npm run generate -- --provider time4vps\n  npm run generate -- --spec ./petstore.yaml --out ./petstore-client\n\nPackages whose inputs and files are unchanged since they were generated are skipped (--force regenerates them).\nExit codes: 0 success, 1 generation error, 2 usage error.');

interface Options {
  provider?: string[];
  spec?: string;
  out?: string;
  name?: string;
  hostbill?: boolean;
  force?: boolean;
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
    const shown = path.relative(process.cwd(), out) || '.';
    const hashOfInputs = await sourceInputsHash(source, out, path.dirname(source.specFile));
    if (!opts.force && (await packageIsCurrent(out, hashOfInputs))) {
      process.stdout.write(`${source.config.id}: up to date (inputs unchanged), ${shown}/ left as it is\n`);
      return 0;
    }
    const { generateProvider } = await import('../pipeline.ts');
    const result = await generateProvider(source, out, path.dirname(source.specFile));
    await writeFileSet(out, result.files);
    await recordPackage(out, hashOfInputs, result.files);
    report(result, shown, performance.now() - started);
    return 0;
  }
  const started = performance.now();
  const ids = await selectProviders(ws, opts.provider);
  // A package whose inputs (spec, overlay, provider.json, generator, dependencies) and files are as
  // recorded is skipped; the rest render on up to one worker thread per core.
  const stale: string[] = [];
  const hashes = new Map<string, string>();
  for (const id of ids) {
    const dir = path.join(ws.generatedDir, id);
    const hashOfInputs = await sourceInputsHash(await loadProvider(ws.specsDir, id), dir, ws.root);
    hashes.set(id, hashOfInputs);
    if (!opts.force && (await packageIsCurrent(dir, hashOfInputs))) process.stdout.write(`${id}: up to date (inputs unchanged)\n`);
    else stale.push(id);
  }
  // Render everything first; only when every provider rendered do we write, so a failure leaves all output as it was.
  const results = await renderProviders(ws, stale);
  for (const result of results) {
    const dir = path.join(ws.generatedDir, result.id);
    await writeFileSet(dir, result.files);
    await recordPackage(dir, hashes.get(result.id) as string, result.files);
    report(result, path.relative(ws.root, dir).split(path.sep).join('/'), performance.now() - started);
  }
  return 0;
});

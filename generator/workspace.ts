import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listProviders, loadProvider } from './config/load-provider.ts';
import { UsageError } from './errors.ts';
import type { GenerateOptions, GenerationResult } from './pipeline.ts';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Workspace {
  readonly root: string;
  readonly specsDir: string;
  readonly generatedDir: string;
}

export function workspace(root = process.env.CLIENTGEN_ROOT ?? ROOT_DIR): Workspace {
  return { root, specsDir: path.join(root, 'specs'), generatedDir: path.join(root, 'generated') };
}

/** The providers a command acts on: the ones named, or every folder under specs/. */
export async function selectProviders(ws: Workspace, requested: readonly string[] | undefined): Promise<string[]> {
  const all = await listProviders(ws.specsDir);
  if (!requested || requested.length === 0) {
    if (all.length === 0) throw new UsageError(`no providers found under ${ws.specsDir}`);
    return all;
  }
  for (const id of requested) {
    if (!all.includes(id)) throw new UsageError(`unknown provider "${id}"; known providers: ${all.join(', ') || '(none)'}`);
  }
  return [...requested];
}

/**
 * Renders one provider's package in memory. The pipeline (prettier, TypeScript, ts-morph,
 * openapi-typescript: seconds to load) is imported on first use, so commands that find nothing to
 * do never load it.
 */
export async function renderProvider(ws: Workspace, id: string, options: GenerateOptions = {}): Promise<GenerationResult> {
  const source = await loadProvider(ws.specsDir, id);
  const { generateProvider } = await import('./pipeline.ts');
  return generateProvider(source, path.join(ws.generatedDir, id), ws.root, options);
}

/**
 * Renders several providers on up to `limit` threads (CPU-bound work does not overlap on one
 * thread): this thread takes providers too, beside `limit - 1` worker threads, so a 2-core machine
 * pays for one extra module load, not two. Results keep the order of `ids`.
 */
export async function renderProviders(ws: Workspace, ids: readonly string[], limit = os.availableParallelism()): Promise<GenerationResult[]> {
  const threads = Math.min(limit, ids.length);
  if (threads <= 1) return mapConcurrent(ids, 1, (id) => renderProvider(ws, id));
  const { WorkerPool } = await import('./parallel/pool.ts');
  const pool = new WorkerPool(threads - 1);
  const results: GenerationResult[] = new Array(ids.length);
  let next = 0;
  const lane = async (render: (id: string) => Promise<GenerationResult>): Promise<void> => {
    while (next < ids.length) {
      const index = next++;
      results[index] = await render(ids[index] as string);
    }
  };
  try {
    const inWorker = (id: string) => pool.run('provider', { root: ws.root, id });
    await Promise.all([...Array.from({ length: threads - 1 }, () => lane(inWorker)), lane((id) => renderProvider(ws, id))]);
  } finally {
    await pool.close();
  }
  return results;
}

/** Runs `task` over the items with at most `limit` in flight; results keep the items' order. */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  });
  await Promise.all(workers);
  return results;
}

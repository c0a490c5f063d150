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
 * Renders several providers, on up to `limit` worker threads when there is more than one provider
 * and more than one core (CPU-bound work does not overlap on one thread); results keep the order.
 */
export async function renderProviders(ws: Workspace, ids: readonly string[], limit = os.availableParallelism()): Promise<GenerationResult[]> {
  if (ids.length <= 1 || limit <= 1) return mapConcurrent(ids, 1, (id) => renderProvider(ws, id));
  const { mapInWorkers } = await import('./parallel/pool.ts');
  return mapInWorkers(ids, limit, 'provider', (id) => ({ root: ws.root, id }));
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

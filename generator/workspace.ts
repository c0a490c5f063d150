import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listProviders, loadProvider } from './config/load-provider.ts';
import { UsageError } from './errors.ts';
import { generateProvider, type GenerationResult } from './pipeline.ts';

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

/** Renders one provider's package in memory. */
export async function renderProvider(ws: Workspace, id: string): Promise<GenerationResult> {
  const source = await loadProvider(ws.specsDir, id);
  return generateProvider(source, path.join(ws.generatedDir, id), ws.root);
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

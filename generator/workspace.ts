/**
 * Where a command works: the project root with its `specs/` and `generated/` folders, and which
 * providers it acts on. Imports nothing heavy and nothing that renders.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listProviders } from './config/load-provider.ts';
import { UsageError } from './errors.ts';

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

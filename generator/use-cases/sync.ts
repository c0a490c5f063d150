/**
 * `sync`: fetch each provider's published document into specs/<id>/. Without named providers, the
 * ones with no specUrl are set aside first; a provider that fails leaves its files as they were and
 * the others are still synced.
 */
import { GeneratorError } from '../errors.ts';
import { syncProvider, type SyncOptions, type SyncResult } from '../sync/sync-provider.ts';
import { readSyncTarget } from '../sync/sync-target.ts';
import { selectProviders, type Workspace } from '../workspace.ts';

export interface SyncEvents {
  skipped?(id: string): void;
  synced?(result: SyncResult): void;
  failed?(id: string, error: GeneratorError): void;
}

/** Returns how many providers failed. Errors other than input problems (GeneratorError) are thrown. */
export async function syncProviders(ws: Workspace, requested: readonly string[] | undefined, options: SyncOptions, events: SyncEvents = {}): Promise<number> {
  let ids = await selectProviders(ws, requested);
  if (!requested || requested.length === 0) {
    const withUrl: string[] = [];
    for (const id of ids) {
      const target = await readSyncTarget(ws, id).catch((error: unknown) => error);
      if (target instanceof GeneratorError && target.place.pointer === '/specUrl' && target.problem.startsWith('no "specUrl"')) events.skipped?.(id);
      else withUrl.push(id);
    }
    ids = withUrl;
  }
  let failures = 0;
  for (const id of ids) {
    try {
      events.synced?.(await syncProvider(ws, id, options));
    } catch (error) {
      if (!(error instanceof GeneratorError)) throw error;
      failures += 1;
      events.failed?.(id, error);
    }
  }
  return failures;
}

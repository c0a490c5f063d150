/** A provider as the engine sees it once its document is loaded: `readProvider`, then `settleProvider`, without rendering. */
import { readProvider, settleProvider, type ProviderSource } from '../../generator/config/load-provider.ts';
import { GeneratorError } from '../../generator/errors.ts';
import { loadDocument } from '../../generator/load/load-document.ts';

/** A document that does not load leaves the source unsettled, as the engine would report it at the stage that loads it. */
export async function loadProvider(specsDir: string, id: string): Promise<ProviderSource> {
  const source = await readProvider(specsDir, id);
  if (!source.pendingHostBill) return source;
  const loaded = await loadDocument(source.specFile).catch((error: unknown) => {
    if (error instanceof GeneratorError) return undefined;
    throw error;
  });
  return loaded ? settleProvider(source, loaded.document) : source;
}

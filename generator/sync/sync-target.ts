/**
 * What sync writes for a provider: its settings (read without requiring a spec file, which a new
 * provider does not have yet) and the files under specs/<id>/ the fetched answer becomes.
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateProviderConfig } from '../config/load-provider.ts';
import type { ProviderConfig } from '../config/provider-config.ts';
import { GeneratorError } from '../errors.ts';
import { parseDocumentText } from '../load/load-document.ts';
import type { Workspace } from '../workspace.ts';
import { specKind, type SpecKind } from './spec-source.ts';

/** Kept in step with generator/config/load-provider.ts, which picks the first that exists. */
const SPEC_CANDIDATES = ['openapi.yaml', 'openapi.yml', 'openapi.json', 'swagger.yaml', 'swagger.yml', 'swagger.json'];

export const PAGE_HTML = 'userapi-docs.html';
export const PAGE_TEXT = 'userapi-docs.txt';

export interface SyncTarget {
  readonly config: ProviderConfig;
  readonly dir: string;
  readonly url: string;
  readonly kind: SpecKind;
  /** For documents: the existing spec file's name, if any (else it is named after the fetched content). */
  readonly specName?: string;
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

export async function readSyncTarget(ws: Workspace, id: string, urlOverride?: string): Promise<SyncTarget> {
  const dir = path.join(ws.specsDir, id);
  const file = path.join(dir, 'provider.json');
  const text = await readFile(file, 'utf8').catch(() => {
    throw new GeneratorError({ file }, `provider "${id}" has no provider.json`);
  });
  const raw = parseDocumentText(text, file) as Record<string, unknown>;
  const config = validateProviderConfig(raw, id, file);
  const url = urlOverride ?? config.specUrl;
  if (url === undefined) throw new GeneratorError({ file, pointer: '/specUrl' }, 'no "specUrl": nothing to sync from');
  if (!/^https?:\/\//i.test(url)) throw new GeneratorError({ file, pointer: '/specUrl' }, `"specUrl" must be an http(s) URL`);
  const kind = specKind(url);
  let specName: string | undefined = typeof raw.spec === 'string' ? raw.spec : undefined;
  if (specName === undefined && kind === 'document') {
    for (const candidate of SPEC_CANDIDATES) {
      if (await exists(path.join(dir, candidate))) {
        specName = candidate;
        break;
      }
    }
  }
  return { config, dir, url, kind, specName };
}

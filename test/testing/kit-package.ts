import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OpenAPIV3 } from 'openapi-types';
import { loadProvider } from '../helpers/load-provider.ts';
import type { ProviderConfig } from '../../generator/config/provider-config.ts';
import { buildModel } from '../../generator/model/build-model.ts';
import type { ClientModel } from '../../generator/model/operation-model.ts';
import { workspace } from '../../generator/workspace.ts';
import { ROOT } from '../helpers/workspace.ts';

/** A committed package (`generated/<id>/`) with its test kit in `src/testing/`, as it ships. */
export interface KitPackage {
  readonly dir: string;
  readonly doc: OpenAPIV3.Document;
  readonly model: ClientModel;
  readonly packageName: string;
  readonly config: ProviderConfig;
}

const ws = workspace(ROOT);

export async function kitPackage(id: string): Promise<KitPackage> {
  const source = await loadProvider(ws.specsDir, id);
  const dir = path.join(ws.generatedDir, id);
  const doc = JSON.parse(await readFile(path.join(dir, 'openapi.json'), 'utf8')) as OpenAPIV3.Document;
  return { dir, doc, model: buildModel(doc, source.config, source.specFile), packageName: source.config.packageName, config: source.config };
}

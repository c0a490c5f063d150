import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OpenAPIV3 } from 'openapi-types';
import { loadProvider } from '../../generator/config/load-provider.ts';
import type { ProviderConfig } from '../../generator/config/provider-config.ts';
import { buildModel } from '../../generator/model/build-model.ts';
import type { ClientModel } from '../../generator/model/operation-model.ts';
import { renderTestingData } from '../../generator/render/testing-data.ts';
import { workspace } from '../../generator/workspace.ts';
import { ROOT } from '../helpers/workspace.ts';

/**
 * A generated package with its test kit, as the engine will write it: `generated/<id>/` copied
 * under `.tmp/` (inside the project, so `vitest` and `typescript` resolve), `templates/testing/*.ts`
 * copied to `src/testing/` and the rendered `src/testing/index.ts` beside them.
 */
export interface KitPackage {
  readonly dir: string;
  readonly doc: OpenAPIV3.Document;
  readonly model: ClientModel;
  readonly packageName: string;
  readonly config: ProviderConfig;
  remove(): Promise<void>;
}

const ws = workspace(ROOT);

export async function kitPackage(id: string): Promise<KitPackage> {
  const source = await loadProvider(ws.specsDir, id);
  const from = path.join(ws.generatedDir, id);
  const doc = JSON.parse(await readFile(path.join(from, 'openapi.json'), 'utf8')) as OpenAPIV3.Document;
  const model = buildModel(doc, source.config, source.specFile);
  const dir = path.join(ROOT, '.tmp', 'testkit', `${id}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  await mkdir(dir, { recursive: true });
  await cp(from, dir, { recursive: true });
  const testing = path.join(dir, 'src/testing');
  await mkdir(testing, { recursive: true });
  const kitDir = path.join(ROOT, 'templates/testing');
  for (const file of await readdir(kitDir)) if (file.endsWith('.ts')) await cp(path.join(kitDir, file), path.join(testing, file));
  await writeFile(path.join(testing, 'index.ts'), renderTestingData(model, doc, `specs/${id}/swagger.json`));
  return { dir, doc, model, packageName: source.config.packageName, config: source.config, remove: () => rm(dir, { recursive: true, force: true }) };
}

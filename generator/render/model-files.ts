import type { ProviderConfig } from '../config/provider-config.ts';
import type { ClientModel } from '../model/operation-model.ts';
import { renderClientFile } from './client-file.ts';
import { generatedHeader } from './shared/escape.ts';
import { renderIndexFile } from './index-file.ts';
import { renderOperationsFile } from './operations-file.ts';
import { renderCjsTsconfig, renderPackageJson, renderTestingPackageJson, renderTsconfig } from './package-json-file.ts';
import { renderReadme } from './readme-file.ts';
import type { PackageInfo } from './shared/templates.ts';
import { renderTypesFile } from './types-file.ts';

/**
 * Every file of a package that is made from the model alone (not from the document's schemas), not
 * yet formatted: what one thread renders while another makes `schema.ts` for a large document.
 */
export function renderModelFiles(model: ClientModel, provider: ProviderConfig, info: PackageInfo): Record<string, string> {
  const header = generatedHeader(info.specPath);
  return {
    'package.json': renderPackageJson(provider, info, model),
    'tsconfig.json': renderTsconfig(),
    'tsconfig.cjs.json': renderCjsTsconfig(),
    'testing/package.json': renderTestingPackageJson(),
    'README.md': renderReadme(model, provider, info),
    'src/types.ts': renderTypesFile(model, header),
    'src/operations.ts': renderOperationsFile(model, header),
    'src/client.ts': renderClientFile(model, provider, header),
    'src/index.ts': renderIndexFile(model, provider, header),
  };
}

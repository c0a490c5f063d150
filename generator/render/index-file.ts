import type { ProviderConfig } from '../config/provider-config.ts';
import type { ClientModel } from '../model/operation-model.ts';
import { PUBLIC_HOSTBILL_EXPORTS, PUBLIC_RUNTIME_EXPORTS } from '../../templates/runtime/contracts.ts';
import { buildSource } from './shared/ts-source.ts';

/** `src/index.ts`: what the package exports. */
export function renderIndexFile(model: ClientModel, provider: ProviderConfig, header: string): string {
  return (
    header +
    buildSource('index.ts', (file) => {
      file.addExportDeclaration({ namedExports: [model.className, ...[...model.groups, ...model.legacyGroups].map((g) => g.className)], moduleSpecifier: './client.js' });
      file.addExportDeclaration({ namedExports: ['operations'], moduleSpecifier: './operations.js' });
      file.addExportDeclaration({ isTypeOnly: true, namedExports: ['OperationId'], moduleSpecifier: './operations.js' });
      file.addExportDeclaration({ isTypeOnly: true, moduleSpecifier: './types.js' });
      file.addExportDeclaration({ isTypeOnly: true, namedExports: ['paths', 'components', 'operations as OperationTypes'], moduleSpecifier: './schema.js' });
      // Only the runtime's public API: its internals stay out of the package's surface.
      file.addExportDeclaration({ namedExports: [...PUBLIC_RUNTIME_EXPORTS.values], moduleSpecifier: './runtime/index.js' });
      file.addExportDeclaration({ isTypeOnly: true, namedExports: [...PUBLIC_RUNTIME_EXPORTS.types], moduleSpecifier: './runtime/index.js' });
      if (provider.hostbill) file.addExportDeclaration({ isTypeOnly: true, namedExports: [...PUBLIC_HOSTBILL_EXPORTS.types], moduleSpecifier: './runtime/hostbill.js' });
    })
  );
}

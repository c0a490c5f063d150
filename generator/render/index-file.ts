import type { ProviderConfig } from '../config/provider-config.ts';
import type { ClientModel } from '../model/operation-model.ts';
import { implementsHostBillClient } from './hostbill-common.ts';
import { buildSource } from './shared/ts-source.ts';

/** `src/index.ts`: what the package exports. */
export function renderIndexFile(model: ClientModel, provider: ProviderConfig, header: string): string {
  const common = provider.hostbill && implementsHostBillClient(model);
  return (
    header +
    buildSource('index.ts', (file) => {
      file.addExportDeclaration({ namedExports: [model.className, ...model.groups.map((g) => g.className)], moduleSpecifier: './client.js' });
      file.addExportDeclaration({ namedExports: ['operations'], moduleSpecifier: './operations.js' });
      file.addExportDeclaration({ isTypeOnly: true, namedExports: ['OperationId'], moduleSpecifier: './operations.js' });
      file.addExportDeclaration({ isTypeOnly: true, moduleSpecifier: './types.js' });
      file.addExportDeclaration({ isTypeOnly: true, namedExports: ['paths', 'components', 'operations as OperationTypes'], moduleSpecifier: './schema.js' });
      file.addExportDeclaration({ moduleSpecifier: './runtime/index.js' });
      if (common) {
        file.addExportDeclaration({ isTypeOnly: true, namedExports: ['HostBillClient', 'HostBillDnsApi', 'HostBillId', 'DnsRecordFields'], moduleSpecifier: './runtime/hostbill.js' });
      }
    })
  );
}

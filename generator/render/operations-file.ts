import { VariableDeclarationKind } from 'ts-morph';
import type { OperationSpec } from '../../templates/runtime/types.ts';
import type { ClientModel, OperationModel } from '../model/operation-model.ts';
import { propertyKey, stringLiteral } from './shared/escape.ts';
import { buildSource } from './shared/ts-source.ts';

/** The entry of the `operations` table for one operation: exactly the runtime's `OperationSpec`. */
function entryOf(op: OperationModel): OperationSpec {
  return {
    method: op.method,
    path: op.path,
    group: op.group,
    name: op.name,
    pathParams: op.pathParams,
    queryParams: op.queryParams,
    ...(op.queryStyles ? { queryStyles: op.queryStyles } : {}),
    ...(op.headerParams ? { headerParams: op.headerParams } : {}),
    bodyParams: op.bodyParams,
    body: op.body,
    ...(op.contentTypes ? { contentTypes: op.contentTypes } : {}),
    ...(op.encoding ? { encoding: op.encoding } : {}),
    auth: op.auth,
    response: op.response,
    ...(op.paged ? { paged: true } : {}),
  };
}

function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object' && value !== null) return `{ ${Object.entries(value).map(([k, v]) => `${propertyKey(k)}: ${literal(v)}`).join(', ')} }`;
  return typeof value === 'string' ? stringLiteral(value) : String(value);
}

/** `src/operations.ts`: the `operations` table, keyed by each operation's one name. */
export function renderOperationsFile(model: ClientModel, header: string): string {
  return (
    header +
    buildSource('operations.ts', (file) => {
      file.addImportDeclaration({ isTypeOnly: true, namedImports: ['OperationSpec'], moduleSpecifier: './runtime/index.js' });
      file.addVariableStatement({
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: ['Every operation of the API, keyed by operationId: method, path template and where each parameter goes.'],
        declarations: [
          {
            name: 'operations',
            initializer: (writer) => {
              writer.write('{').newLine();
              for (const op of model.operations) {
                const fields = Object.entries(entryOf(op)).map(([k, v]) => `${k}: ${literal(v)}`);
                writer.write(`${propertyKey(op.operationId)}: { ${fields.join(', ')} },`).newLine();
              }
              writer.write('} as const satisfies Record<string, OperationSpec>');
            },
          },
        ],
      });
      file.addTypeAlias({ isExported: true, name: 'OperationId', type: 'keyof typeof operations' });
    })
  );
}

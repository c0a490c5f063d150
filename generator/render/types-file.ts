import { StructureKind, type TypeAliasDeclarationStructure } from 'ts-morph';
import type { ClientModel } from '../model/operation-model.ts';
import { jsDocText } from './shared/doc-comments.ts';
import { paramsType, paramsTypeName, responseType, responseTypeName } from './shared/operation-types.ts';
import { buildSource } from './shared/ts-source.ts';

/** `src/types.ts`: `<Stem>Params` and `<Stem>Response` for every operation. */
export function renderTypesFile(model: ClientModel, header: string): string {
  return (
    header +
    buildSource('types.ts', (file) => {
      file.addImportDeclaration({ isTypeOnly: true, namedImports: ['operations'], moduleSpecifier: './schema.js' });
      // Structures are added in one batch: ts-morph re-parses the file on every insertion, so adding
      // them one by one is quadratic (minutes for GitHub's 1,100 operations).
      const aliases: TypeAliasDeclarationStructure[] = [];
      for (const op of model.operations) {
        const where = `\`${op.group}.${op.name}\` (${op.method} ${op.path})`;
        aliases.push({ kind: StructureKind.TypeAlias, isExported: true, name: paramsTypeName(op), type: paramsType(op), docs: [jsDocText(`Parameters of ${where}.`)] });
        const origin = op.responseInferred ? 'Inferred from the documented example: the API may send more fields, and numbers as strings.' : undefined;
        aliases.push({ kind: StructureKind.TypeAlias, isExported: true, name: responseTypeName(op), type: responseType(op), docs: [jsDocText(`Successful response of ${where}.`, origin)] });
      }
      file.addTypeAliases(aliases);
    })
  );
}

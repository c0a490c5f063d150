import { StructureKind, type TypeAliasDeclarationStructure } from 'ts-morph';
import type { ClientModel } from '../model/operation-model.ts';
import { jsDocText } from './shared/doc-comments.ts';
import { bodyChain, bodyTypeName, errorsType, errorsTypeName, paramsType, paramsTypeName, responseChain, responseType, responseTypeName, schemaAliases } from './shared/operation-types.ts';
import { stringLiteral } from './shared/escape.ts';
import { buildSource } from './shared/ts-source.ts';

const INFERRED = 'Inferred from the documented example: the API may send more fields, and numbers as strings.';

/**
 * `src/types.ts`: a named type for every component schema (`DnsZone`, `Invoice`), then for every
 * operation `<Stem>Params`, `<Stem>Response` (an alias of its body's name) and, where the document
 * declares error bodies, `<Stem>Errors`.
 */
export function renderTypesFile(model: ClientModel, header: string): string {
  const aliases = schemaAliases(model);
  const type = (name: string, text: string, ...docs: (string | undefined)[]): TypeAliasDeclarationStructure => ({ kind: StructureKind.TypeAlias, isExported: true, name, type: text, docs: [jsDocText(...docs)] });
  const out: TypeAliasDeclarationStructure[] = [];
  // A generic document's `<Key>Response` component is that operation's response type itself: emitted once, below.
  const responseNames = new Set(model.operations.map(responseTypeName));
  for (const schema of model.schemaTypes) {
    if (responseNames.has(schema.alias)) continue;
    const what = schema.inferred ? 'Inferred from the documented examples: the API may send more fields, and numbers as strings.' : undefined;
    out.push(type(schema.alias, `components["schemas"][${stringLiteral(schema.name)}]`, `The \`${schema.name}\` schema of the document.`, what));
  }
  let usesOperations = false;
  for (const op of model.operations) {
    const where = `\`${op.group}.${op.name}\` (${op.method} ${op.path})`;
    const body = bodyChain(op);
    if (body !== undefined) out.push(type(bodyTypeName(op), body, `Request body of ${where}.`));
    const params = paramsType(op, aliases, model.lenientParams);
    const lenient = model.lenientParams && params !== 'Record<string, never>' ? 'Numbers also as numeric strings, path parameters as `string | number`, `null` for an optional field (left out of the request).' : undefined;
    out.push(type(paramsTypeName(op), params, `Parameters of ${where}.`, lenient));
    const response = responseTypeName(op);
    const chain = responseChain(op);
    const origin = op.responseInferred ? INFERRED : undefined;
    const ownComponent = op.responseSchema !== undefined && aliases.get(op.responseSchema) === response;
    if (ownComponent) out.push(type(response, `components["schemas"][${stringLiteral(op.responseSchema as string)}]`, `Successful response of ${where}.`, origin));
    else {
      const result = `${op.typeStem}Result`;
      if (chain !== undefined) out.push(type(result, chain, `Successful response body of ${where}.`));
      out.push(type(response, responseType(op, aliases, result), `Successful response of ${where}.`, origin));
    }
    const errors = errorsType(op, aliases);
    if (errors !== undefined) out.push(type(errorsTypeName(op), errors, `Error responses of ${where}, by status: the body each one carries.`));
    usesOperations ||= /\boperations\[/.test([params, chain ?? '', body ?? '', errors ?? ''].join(' '));
  }
  const usesComponents = out.some((a) => typeof a.type === 'string' && a.type.startsWith('components['));
  return (
    header +
    buildSource('types.ts', (file) => {
      const schemaImports = [...(usesComponents ? ['components'] : []), ...(usesOperations ? ['operations'] : [])];
      if (schemaImports.length > 0) file.addImportDeclaration({ isTypeOnly: true, namedImports: schemaImports, moduleSpecifier: './schema.js' });
      if (out.some((a) => typeof a.type === 'string' && a.type.startsWith('Lenient<'))) file.addImportDeclaration({ isTypeOnly: true, namedImports: ['Lenient'], moduleSpecifier: './runtime/index.js' });
      // Structures are added in one batch: ts-morph re-parses the file on every insertion, so adding
      // them one by one is quadratic (minutes for GitHub's 1,100 operations).
      file.addTypeAliases(out);
    })
  );
}

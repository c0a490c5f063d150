import { StructureKind, type ClassDeclarationStructure, type MethodDeclarationStructure } from 'ts-morph';
import { DEFAULT_JWT } from '../config/hostbill-settings.ts';
import type { ProviderConfig } from '../config/provider-config.ts';
import type { ClientModel, DeprecatedAlias, GroupModel, OperationModel } from '../model/operation-model.ts';
import { isPrototypeName } from '../naming/index.ts';
import { jsDocText } from './shared/doc-comments.ts';
import { stringLiteral } from './shared/escape.ts';
import { RUNTIME_IMPORTS } from '../../templates/runtime/contracts.ts';
import { implementsHostBillClient } from './hostbill-common.ts';
import { paramsOptional, paramsTypeName, requestOptionsType, responseTypeName } from './shared/operation-types.ts';
import { buildSource } from './shared/ts-source.ts';

/**
 * The default of an optional `params`: `{}`, asserted to the params type when a parameter is named
 * like an Object.prototype member (`toString`, `hasOwnProperty`), since TypeScript checks `{}`
 * against such an optional property using the inherited method's type.
 */
const paramsDefault = (op: OperationModel, type: string): string | undefined =>
  !paramsOptional(op) ? undefined : [...op.queryParams, ...op.bodyParams].some(isPrototypeName) ? `{} as ${type}` : '{}';

/**
 * The JWT settings, as source text, when they are not the runtime's defaults (HostBill's routes and
 * its `token`/`refresh` fields): every field, so the client reads as the provider's whole setup.
 */
function jwtSettings(provider: ProviderConfig): string {
  const settings = provider.hostbillApi?.jwt;
  if (!settings) return '';
  const keys = ['login', 'refresh', 'revoke', 'logout', 'tokenField', 'refreshField'] as const;
  if (keys.every((key) => settings[key] === DEFAULT_JWT[key])) return '';
  const fields = keys.flatMap((key) => (settings[key] === undefined ? [] : [`${key}: ${stringLiteral(settings[key])}`]));
  return `, jwt: { ${fields.join(', ')} }`;
}

/** The provider defaults the client passes to the runtime's `ApiClient`, as source text. */
function providerDefaults(model: ClientModel, provider: ProviderConfig, jwt: boolean): string {
  const apiKey = model.auth.apiKey ? `, apiKey: { in: ${stringLiteral(model.auth.apiKey.in)}, name: ${stringLiteral(model.auth.apiKey.name)} }` : '';
  const schemes = model.auth.schemes.map((a) => stringLiteral(a)).join(', ');
  const rules = provider.hostbill ? `, rules: hostbillRules, nulls: ${stringLiteral('omit')}` : '';
  return `{ baseUrl: ${stringLiteral(provider.baseUrl)}, envPrefix: ${stringLiteral(model.envPrefix)}, authSchemes: [${schemes}]${rules}${apiKey}${jwt ? `, jwtSession${jwtSettings(provider)}` : ''} }`;
}

/** `ClientOptions<'basic' | 'jwt'>`: credentials for a scheme the provider lacks do not compile. */
function optionsType(model: ClientModel): string {
  return `ClientOptions<${model.auth.schemes.length > 0 ? model.auth.schemes.map((a) => stringLiteral(a)).join(' | ') : 'never'}>`;
}

/** The method `name` that sends `op` (and its `…Pages` companion for a paged operation), with the given docs. */
function operationMethods(op: OperationModel, name: string, docs: string, pagesDocs: string): MethodDeclarationStructure[] {
  const params = `T.${paramsTypeName(op)}`;
  const response = `T.${responseTypeName(op)}`;
  const parameters = [
    { name: 'params', type: params, initializer: paramsDefault(op, params) },
    { name: 'options', type: requestOptionsType(op), hasQuestionToken: true },
  ];
  const methods: MethodDeclarationStructure[] = [
    {
      kind: StructureKind.Method,
      name,
      docs: [docs],
      parameters,
      returnType: `ApiPromise<${response}>`,
      statements: [`return this.#client.request(operations.${op.operationId}, params, options);`],
    },
  ];
  if (op.paged) {
    methods.push({
      kind: StructureKind.Method,
      name: `${name}Pages`,
      docs: [pagesDocs],
      parameters,
      returnType: `AsyncIterableIterator<${response}>`,
      statements: [`return this.#client.paginate<${response}>(operations.${op.operationId}, params, options);`],
    });
  }
  return methods;
}

function groupMethods(op: OperationModel): MethodDeclarationStructure[] {
  const docs = jsDocText(op.summary, op.description, `${op.method} ${op.path}`);
  return operationMethods(op, op.name, op.deprecated ? `${docs}\n@deprecated` : docs, jsDocText(`Every page of \`${op.name}\`, one response at a time (stops at the last page).`));
}

/** A 0.1.x method name that calls the operation under its current name, `@deprecated`. */
function aliasMethods(alias: DeprecatedAlias): MethodDeclarationStructure[] {
  const op = alias.target;
  return operationMethods(
    op,
    alias.name,
    `${jsDocText(`${op.method} ${op.path}`)}\n@deprecated Renamed: use \`client.${op.group}.${op.name}\`.`,
    `@deprecated Renamed: use \`client.${op.group}.${op.name}Pages\`.`,
  );
}

function groupClass(group: GroupModel): ClassDeclarationStructure {
  const docs = group.deprecated ? `${jsDocText(`The 0.1.x \`${group.name}\` group: every method here was renamed and moved to another group.`)}\n@deprecated Use the methods each names.` : jsDocText(group.title, group.description);
  return {
    kind: StructureKind.Class,
    isExported: true,
    name: group.className,
    docs: [docs],
    properties: [{ name: '#client', isReadonly: true, type: 'ApiClient' }],
    ctors: [{ parameters: [{ name: 'client', type: 'ApiClient' }], statements: ['this.#client = client;'] }],
    methods: [...group.operations.flatMap(groupMethods), ...group.aliases.flatMap(aliasMethods)],
  };
}

/** `src/client.ts`: the client class, one property per group, and one class per group with one method per operation. */
export function renderClientFile(model: ClientModel, provider: ProviderConfig, header: string): string {
  const jwt = model.auth.schemes.includes('jwt');
  const common = provider.hostbill && implementsHostBillClient(model);
  return (
    header +
    buildSource('client.ts', (file) => {
      // JWT and HostBill code is imported only by clients that use it, so other bundles leave it out.
      for (const [moduleSpecifier, names] of Object.entries(RUNTIME_IMPORTS)) {
        const wanted = moduleSpecifier === './runtime/jwt.js' ? jwt : moduleSpecifier === './runtime/hostbill.js' ? provider.hostbill : true;
        if (!wanted) continue;
        const types = names.types.filter((t: string) => t !== 'HostBillClient' || common);
        file.addImportDeclaration({ namedImports: [...names.values, ...types.map((t: string) => ({ name: t, isTypeOnly: true }))], moduleSpecifier });
      }
      file.addImportDeclaration({ namedImports: ['operations'], moduleSpecifier: './operations.js' });
      file.addImportDeclaration({ isTypeOnly: true, namespaceImport: 'T', moduleSpecifier: './types.js' });
      file.addClass({
        isExported: true,
        name: model.className,
        extends: 'ApiClient',
        implements: common ? ['HostBillClient'] : [],
        docs: [jsDocText(`${provider.displayName} API client.`, `Base URL: ${provider.baseUrl}.`)],
        properties: [
          ...model.groups.map((g) => ({ name: g.name, isReadonly: true, type: g.className, docs: [jsDocText(g.title, g.description)] })),
          ...model.legacyGroups.map((g) => ({ name: g.name, isReadonly: true, type: g.className, docs: [`@deprecated The 0.1.x \`${g.name}\` group; its methods were renamed and moved.`] })),
        ],
        ctors: [
          {
            parameters: [{ name: 'options', type: optionsType(model), hasQuestionToken: true }],
            statements: [`super(options, ${providerDefaults(model, provider, jwt)});`, ...[...model.groups, ...model.legacyGroups].map((g) => `this.${g.name} = new ${g.className}(this);`)],
          },
        ],
      });
      const groupClasses = [...model.groups, ...model.legacyGroups].map(groupClass);
      file.addClasses(groupClasses);
    })
  );
}

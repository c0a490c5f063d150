import { StructureKind, type ClassDeclarationStructure, type MethodDeclarationStructure, type PropertyDeclarationStructure } from 'ts-morph';
import { DEFAULT_JWT } from '../config/hostbill-settings.ts';
import type { ProviderConfig } from '../config/provider-config.ts';
import type { ClientModel, DeprecatedAlias, GroupModel, OperationModel } from '../model/operation-model.ts';
import { isPrototypeName } from '../naming/index.ts';
import { jsDocText } from './shared/doc-comments.ts';
import { groupDocs, methodDocs } from './shared/method-docs.ts';
import { stringLiteral } from './shared/escape.ts';
import { RUNTIME_IMPORTS } from '../../templates/runtime/contracts.ts';
import { hostbillInterfaces } from './hostbill-common.ts';
import { paramsOptional, paramsTypeName, requestOptionsType, responseTypeName } from './shared/operation-types.ts';
import { buildSource } from './shared/ts-source.ts';

/**
 * The default of an optional `params`: `{}`, asserted to the params type when a parameter is named
 * like an Object.prototype member (`toString`, `hasOwnProperty`), since TypeScript checks `{}`
 * against such an optional property using the inherited method's type.
 */
const paramsDefault = (op: OperationModel, type: string): string | undefined =>
  !paramsOptional(op) ? undefined : [...op.queryParams, ...(op.headerParams ?? []), ...op.bodyParams].some(isPrototypeName) ? `{} as ${type}` : '{}';

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
  const rules = provider.hostbill ? `, rules: hostbillRules, nulls: ${stringLiteral('omit')}, query: ${stringLiteral('php')}` : '';
  return `{ baseUrl: ${stringLiteral(provider.baseUrl)}, envPrefix: ${stringLiteral(model.envPrefix)}, authSchemes: [${schemes}]${rules}${apiKey}${jwt ? `, jwtSession${jwtSettings(provider)}` : ''} }`;
}

/** `ClientOptions<'basic' | 'jwt'>`: credentials for a scheme the provider lacks do not compile. */
function optionsType(model: ClientModel): string {
  return `ClientOptions<${model.auth.schemes.length > 0 ? model.auth.schemes.map((a) => stringLiteral(a)).join(' | ') : 'never'}>`;
}

/** The method `name` that sends `op`, with the given docs. */
function operationMethod(op: OperationModel, name: string, docs: string): MethodDeclarationStructure {
  const params = `T.${paramsTypeName(op)}`;
  return {
    kind: StructureKind.Method,
    name,
    docs: [docs],
    parameters: [
      { name: 'params', type: params, initializer: paramsDefault(op, params) },
      { name: 'options', type: requestOptionsType(op), hasQuestionToken: true },
    ],
    returnType: `ApiPromise<T.${responseTypeName(op)}>`,
    statements: [`return this.#client.request(operations.${op.operationId}, params, options);`],
  };
}

/**
 * A paged operation is a property holding a `PagedMethod` (callable, with `.paginate`), made in the
 * constructor from the operation: `client.support.listTickets.paginate({ status })`.
 */
function pagedProperty(op: OperationModel, docs: string): PropertyDeclarationStructure {
  return { kind: StructureKind.Property, name: op.name, isReadonly: true, docs: [docs], type: `PagedMethod<T.${paramsTypeName(op)}, T.${responseTypeName(op)}>` };
}

/** A 0.1.x method name that calls the operation under its current name, `@deprecated`. */
function aliasMethod(alias: DeprecatedAlias): MethodDeclarationStructure {
  const op = alias.target;
  return operationMethod(op, alias.name, `${jsDocText(`${op.method} ${op.path}`)}\n@deprecated Renamed: use \`client.${op.group}.${op.name}\`.`);
}

function groupClass(group: GroupModel, hostbill: boolean): ClassDeclarationStructure {
  const docs = group.deprecated ? `${jsDocText(`The 0.1.x \`${group.name}\` group: every method here was renamed and moved to another group.`)}\n@deprecated Use the methods each names.` : jsDocText(group.title, group.description);
  const paged = group.operations.filter((op) => op.paged);
  return {
    kind: StructureKind.Class,
    isExported: true,
    name: group.className,
    docs: [docs],
    properties: [{ name: '#client', isReadonly: true, type: 'ApiClient' }, ...paged.map((op) => pagedProperty(op, methodDocs(op, hostbill)))],
    ctors: [
      {
        parameters: [{ name: 'client', type: 'ApiClient' }],
        statements: ['this.#client = client;', ...paged.map((op) => `this.${op.name} = pagedMethod(client, operations.${op.operationId});`)],
      },
    ],
    methods: [...group.operations.filter((op) => !op.paged).map((op) => operationMethod(op, op.name, methodDocs(op, hostbill))), ...group.aliases.map(aliasMethod)],
  };
}

/** `src/client.ts`: the client class, one property per group, and one class per group with one method per operation. */
export function renderClientFile(model: ClientModel, provider: ProviderConfig, header: string): string {
  const jwt = model.auth.schemes.includes('jwt');
  const implemented: readonly string[] = provider.hostbill ? hostbillInterfaces(model) : [];
  const paged = model.operations.some((op) => op.paged);
  return (
    header +
    buildSource('client.ts', (file) => {
      // JWT and HostBill code is imported only by clients that use it, so other bundles leave it out.
      for (const [moduleSpecifier, names] of Object.entries(RUNTIME_IMPORTS)) {
        const wanted = moduleSpecifier === './runtime/jwt.js' ? jwt : moduleSpecifier === './runtime/hostbill.js' ? provider.hostbill : moduleSpecifier === './runtime/paged-method.js' ? paged : true;
        if (!wanted) continue;
        const types = moduleSpecifier === './runtime/hostbill.js' ? names.types.filter((t: string) => implemented.includes(t)) : names.types;
        file.addImportDeclaration({ namedImports: [...names.values, ...types.map((t: string) => ({ name: t, isTypeOnly: true }))], moduleSpecifier });
      }
      file.addImportDeclaration({ namedImports: ['operations'], moduleSpecifier: './operations.js' });
      file.addImportDeclaration({ isTypeOnly: true, namespaceImport: 'T', moduleSpecifier: './types.js' });
      file.addClass({
        isExported: true,
        name: model.className,
        extends: 'ApiClient',
        implements: [...implemented],
        docs: [jsDocText(`${provider.displayName} API client.`, `Base URL: ${provider.baseUrl}.`)],
        properties: [
          ...model.groups.map((g) => ({ name: g.name, isReadonly: true, type: g.className, docs: [groupDocs(g)] })),
          ...model.legacyGroups.map((g) => ({ name: g.name, isReadonly: true, type: g.className, docs: [`@deprecated The 0.1.x \`${g.name}\` group; its methods were renamed and moved.`] })),
        ],
        ctors: [
          {
            parameters: [{ name: 'options', type: optionsType(model), hasQuestionToken: true }],
            statements: [`super(options, ${providerDefaults(model, provider, jwt)});`, ...[...model.groups, ...model.legacyGroups].map((g) => `this.${g.name} = new ${g.className}(this);`)],
          },
        ],
      });
      const groupClasses = [...model.groups, ...model.legacyGroups].map((g) => groupClass(g, provider.hostbill));
      file.addClasses(groupClasses);
    })
  );
}

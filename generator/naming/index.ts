/**
 * Every identifier the generator emits is decided here: client class, groups, methods, `operations`
 * keys, `<Stem>Params`/`<Stem>Response` types, component names made from examples, environment
 * prefixes, provider ids. A leaf: it imports nothing of the generator's. Spec text reaches code only
 * as identifiers made here or as literals made by `render/shared/escape.ts`.
 */
export { CLIENT_MEMBERS, RUNTIME_CLASS_NAMES } from './client-members.ts';
export { camelCase, isIdentifierName, isPrototypeName, pascalCase, safeCamelIdentifier, safeOperationId, safePascalIdentifier, words } from './identifiers.ts';
export { groupClassNames, groupName, nameOperations, typeStems, type NameChange, type NameClash, type NamePlan, type NamingOptions, type OperationInput, type OperationNames } from './operations.ts';
export { clientClassName, envPrefix, hasWord, providerId } from './packages.ts';
export { exampleSchemaBaseName, listItemName, resourceTypeName, routeNoun, schemaTypeNames, shareSchemaNames, type ExampleSchemaRole } from './type-names.ts';
export { HOSTBILL_SECTIONS, hostbillGroupTags, hostbillSectionOf } from './hostbill-sections.ts';
export { routeMethodName, routeSegments, type RouteSegment } from './routes.ts';
export { groupTitle } from './verbs.ts';
export { PIN_GROUP, PIN_METHOD, pinOf, type Name, type NameProblem, type PreviousName } from './stable.ts';
export { NAMES_FILE, namesFromFile, parseNamesFile, renderNamesFile } from './names-file.ts';

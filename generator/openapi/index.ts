/**
 * OpenAPI documents: their types, the operation walkers, local `$ref` resolution and JSON pointers.
 * A leaf module: every stage imports it, it imports nothing of the generator's.
 */
export { isObject, type MediaTypeObject, type OpenApiDocument, type OperationObject, type ParameterObject, type ReferenceObject, type SchemaObject, type SourceDocument } from './document.ts';
export { isPathItemMethod, PATH_ITEM_METHODS, type PathItemMethod } from './methods.ts';
export { effectiveParameters, listOperations, type OperationRef } from './operations.ts';
export { decodePointerToken, pointer, resolvePointer } from './pointer.ts';
export { isReference, MAX_REFERENCE_HOPS, resolveLocal } from './refs.ts';
export { findPointer, hasLoneSurrogate, type WalkedValue } from './walk.ts';
export { serverUrl } from './servers.ts';
export { authenticatedItemOf, SAMPLE_WITHOUT_AUTH } from './owned-items.ts';

import type { OpenAPIV3 } from 'openapi-types';
import { isObject, type OpenApiDocument } from './document.ts';
import { isPathItemMethod, type PathItemMethod } from './methods.ts';
import { resolveLocal } from './refs.ts';

export interface OperationRef {
  readonly path: string;
  readonly method: PathItemMethod;
  readonly operation: OpenAPIV3.OperationObject;
  readonly pathItem: OpenAPIV3.PathItemObject;
}

/**
 * Every operation of the document in document order (paths, then methods as written). An operation
 * that is no object (`get: "text"`) is not one: the passes leave it, and validation names its place.
 */
export function listOperations(doc: OpenApiDocument): OperationRef[] {
  const out: OperationRef[] = [];
  for (const [path, pathItem] of Object.entries(doc.paths ?? {})) {
    if (!isObject(pathItem)) continue;
    for (const key of Object.keys(pathItem)) {
      if (!isPathItemMethod(key)) continue;
      const operation = pathItem[key];
      if (isObject(operation)) out.push({ path, method: key, operation: operation as OpenAPIV3.OperationObject, pathItem });
    }
  }
  return out;
}

/** Path-level parameters merged with operation parameters (the operation's win), resolved. */
export function effectiveParameters(doc: OpenApiDocument, ref: OperationRef): OpenAPIV3.ParameterObject[] {
  const byKey = new Map<string, OpenAPIV3.ParameterObject>();
  for (const raw of [...(ref.pathItem.parameters ?? []), ...(ref.operation.parameters ?? [])]) {
    const param = resolveLocal<OpenAPIV3.ParameterObject>(doc, raw);
    if (param && typeof param.name === 'string') byKey.set(`${param.in}:${param.name}`, param);
  }
  return [...byKey.values()];
}

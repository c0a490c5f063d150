import type { OpenAPIV3 } from 'openapi-types';
import { decodePointerToken, HTTP_METHODS, type HttpMethod, type OpenApiDocument } from '../pass.ts';

export interface OperationRef {
  readonly path: string;
  readonly method: HttpMethod;
  readonly operation: OpenAPIV3.OperationObject;
  readonly pathItem: OpenAPIV3.PathItemObject;
}

/** Every operation of the document in document order (paths, then methods as written). */
export function listOperations(doc: OpenApiDocument): OperationRef[] {
  const out: OperationRef[] = [];
  for (const [path, pathItem] of Object.entries(doc.paths ?? {})) {
    if (!pathItem) continue;
    for (const key of Object.keys(pathItem)) {
      const method = key as HttpMethod;
      if (!(HTTP_METHODS as readonly string[]).includes(method)) continue;
      const operation = (pathItem as Record<string, unknown>)[method] as OpenAPIV3.OperationObject | undefined;
      if (operation) out.push({ path, method, operation, pathItem });
    }
  }
  return out;
}

export function isReference(value: unknown): value is OpenAPIV3.ReferenceObject {
  return typeof value === 'object' && value !== null && typeof (value as { $ref?: unknown }).$ref === 'string';
}

/** Resolves a local `#/components/...` reference; other values are returned as they are. */
export function resolveLocal<T>(doc: OpenApiDocument, value: T | OpenAPIV3.ReferenceObject): T | undefined {
  let current: unknown = value;
  for (let depth = 0; depth < 32 && isReference(current); depth++) {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) return undefined;
    current = ref
      .slice(2)
      .split('/')
      .map(decodePointerToken)
      .reduce<unknown>((node, token) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined), doc);
  }
  return isReference(current) ? undefined : (current as T | undefined);
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

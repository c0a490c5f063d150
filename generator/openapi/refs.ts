import type { OpenAPIV3 } from 'openapi-types';
import type { OpenApiDocument } from './document.ts';
import { resolvePointer } from './pointer.ts';

export function isReference(value: unknown): value is OpenAPIV3.ReferenceObject {
  return typeof value === 'object' && value !== null && typeof (value as { $ref?: unknown }).$ref === 'string';
}

/** How many `$ref` hops `resolveLocal` follows before it gives up on a chain (a cycle of references). */
export const MAX_REFERENCE_HOPS = 32;

/** Resolves a local `#/…` reference (following chains); other values are returned as they are. */
export function resolveLocal<T>(doc: OpenApiDocument, value: T | OpenAPIV3.ReferenceObject): T | undefined {
  let current: unknown = value;
  for (let hops = 0; hops < MAX_REFERENCE_HOPS && isReference(current); hops++) {
    if (!current.$ref.startsWith('#/')) return undefined;
    current = resolvePointer(doc, current.$ref);
  }
  return isReference(current) ? undefined : (current as T | undefined);
}

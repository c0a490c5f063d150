/**
 * The documents the generator reads, as types. This folder is a leaf: every stage imports it and it
 * imports nothing of the generator's.
 */
import type { OpenAPIV3 } from 'openapi-types';

/** An OpenAPI 3.0 or 3.1 document (3.1's additions are read as plain data where they matter). */
export type OpenApiDocument = OpenAPIV3.Document;

/** A source document as loaded (Swagger 2.0 or OpenAPI 3.x), before conversion: plain data, loosely typed. */
export type SourceDocument = Record<string, unknown> & { paths?: Record<string, Record<string, unknown>> };

export type SchemaObject = OpenAPIV3.SchemaObject;
export type ReferenceObject = OpenAPIV3.ReferenceObject;
export type OperationObject = OpenAPIV3.OperationObject;
export type ParameterObject = OpenAPIV3.ParameterObject;
export type MediaTypeObject = OpenAPIV3.MediaTypeObject;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

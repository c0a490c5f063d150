/**
 * Realistic fixtures: the committed Time4VPS document, normalised by the real pipeline, and copies
 * of it edited the way providers change their documents.
 */
import path from 'node:path';
import { loadProvider } from '../helpers/load-provider.ts';
import { loadDocument, parseDocumentText } from '../../generator/load/load-document.ts';
import { normalise } from '../../generator/normalise/index.ts';
import { schemaAt, type PlainDocument, type Schema } from '../../generator/release/openapi-index.ts';
import { ROOT } from '../helpers/workspace.ts';

export type Json = Record<string, any>;

const source = await loadProvider(path.join(ROOT, 'specs'), 'time4vps');

/** Normalises a Time4VPS Swagger document (as an object) with the provider's overlay. */
export async function normaliseTime4vps(swagger: Json): Promise<PlainDocument> {
  const text = JSON.stringify(swagger);
  const result = await normalise({ file: source.specFile, text, kind: 'swagger2', document: swagger }, source.config, source.overlayFile);
  return result.document as unknown as PlainDocument;
}

/** The committed specs/time4vps/swagger.json as an object (a fresh copy each call). */
export async function time4vpsSwagger(): Promise<Json> {
  const loaded = await loadDocument(source.specFile);
  return parseDocumentText(loaded.text ?? '', source.specFile) as Json;
}

/** The operation object at `METHOD /path` of a normalised document. */
export function op(doc: PlainDocument, key: string): Json {
  const [method, p] = key.split(' ') as [string, string];
  const found = (doc.paths as Json)[p]?.[method.toLowerCase()];
  if (!found) throw new Error(`fixture: no operation ${key}`);
  return found as Json;
}

/** The JSON request-body schema of an operation, with a `$ref` at the top followed. */
export function body(doc: PlainDocument, key: string): Json {
  return schemaAt(doc, op(doc, key).requestBody.content['application/json'].schema) as Json;
}

/** The 200 JSON response schema of an operation, with a `$ref` at the top followed. */
export function response(doc: PlainDocument, key: string): Json {
  return schemaAt(doc, op(doc, key).responses['200'].content['application/json'].schema) as Json;
}

export const clone = <T>(value: T): T => structuredClone(value);

export type { Schema };

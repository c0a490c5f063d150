import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { GeneratorError } from '../errors.ts';
import { parseJsonKeepingControlCharacters } from './parse-json.ts';

export type DocumentKind = 'swagger2' | 'openapi3';

export interface LoadedDocument {
  readonly file: string;
  /** The file's text exactly as read (hashed to detect spec changes). */
  readonly text?: string;
  readonly kind: DocumentKind;
  readonly document: Record<string, unknown>;
}

/** Parses JSON or YAML text. JSON is tried first when the text looks like JSON. */
export function parseDocumentText(text: string, file: string): unknown {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || /\.json$/i.test(file)) {
    const result = parseJsonKeepingControlCharacters(text);
    if (result.ok) return result.value;
    const { line, column, message } = result.problem;
    throw new GeneratorError({ file, line, column }, `invalid JSON: ${message}`);
  }
  const parsed = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const error = parsed.errors[0];
  if (error) {
    const pos = error.linePos?.[0];
    throw new GeneratorError(
      { file, line: pos?.line, column: pos?.col },
      `invalid YAML: ${error.message.split('\n')[0]}`,
    );
  }
  return parsed.toJS({ maxAliasCount: 1000 });
}

export function classifyDocument(value: unknown, file: string): LoadedDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GeneratorError({ file, pointer: '' }, 'the document is not an object, so it is neither Swagger 2.0 nor OpenAPI 3.x');
  }
  const document = value as Record<string, unknown>;
  if (typeof document.swagger === 'string' && document.swagger.startsWith('2.')) {
    return { file, kind: 'swagger2', document };
  }
  if (typeof document.openapi === 'string' && /^3\.[01]\./.test(document.openapi)) {
    return { file, kind: 'openapi3', document };
  }
  const found = document.swagger ?? document.openapi;
  throw new GeneratorError(
    { file, pointer: document.swagger !== undefined ? '/swagger' : document.openapi !== undefined ? '/openapi' : '' },
    found === undefined
      ? 'neither a "swagger": "2.0" nor an "openapi": "3.x" field: this is not a Swagger 2.0 or OpenAPI 3.x document'
      : `unsupported version ${JSON.stringify(found)}: expected Swagger 2.0 or OpenAPI 3.0/3.1`,
  );
}

export async function loadDocument(file: string): Promise<LoadedDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new GeneratorError({ file }, code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(error)})`);
  }
  return { ...classifyDocument(parseDocumentText(text, file), file), text };
}

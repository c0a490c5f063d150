import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Document } from 'yaml';
import { GeneratorError } from '../errors.ts';
import { decodeDocument } from './decode-text.ts';
import { assertWithinLimits, MAX_NESTING } from './document-limits.ts';
import { assertNoDuplicateJsonKeys } from './duplicate-keys.ts';
import { lineAndColumn, parseJsonKeepingControlCharacters } from './parse-json.ts';

/**
 * The yaml library, loaded when a YAML text is first parsed: most runs read only JSON, and loading
 * it took a third of a command's start (about 0.1 s).
 */
const requireYaml = createRequire(import.meta.url);
const yaml = (): typeof import('yaml') => requireYaml('yaml') as typeof import('yaml');

/** How far YAML aliases may expand (the yaml library's measure); an alias bomb stops here. */
export const MAX_YAML_ALIAS_COUNT = 1000;

/** The parsers we rely on (yaml, jsonc-parser) recurse per nesting level; a stack overflow there means the nesting is absurd. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

function tooDeep(file: string): GeneratorError {
  return new GeneratorError({ file }, `nested too deeply to parse; clientgen reads documents up to ${MAX_NESTING} levels of objects and arrays`);
}

/** The first alias of a YAML document, to point at when aliases expand too far. */
function firstAlias(doc: Document, text: string): { line?: number; column?: number } {
  let offset: number | undefined;
  const { visit } = yaml();
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset === undefined ? {} : lineAndColumn(text, offset);
}

export type DocumentKind = 'swagger2' | 'openapi3';

export interface LoadedDocument {
  readonly file: string;
  /** The file's text exactly as read (hashed to detect spec changes). */
  readonly text?: string;
  readonly kind: DocumentKind;
  readonly document: Record<string, unknown>;
  /** Defects of the version fields repaired while classifying, for the normalisation report. */
  readonly repairs?: readonly LoadRepair[];
}

/** A repair made while loading: what was changed and where (a JSON pointer into the source document). */
export interface LoadRepair {
  readonly message: string;
  readonly pointer: string;
}

/**
 * A version YAML read as a number (`swagger: 2.0` → 2, `openapi: 3.0` → 3) or written without its patch
 * (`"3.0"`) is what its author meant; spelled out, so the validators and converters take it.
 */
function repairedVersion(key: 'swagger' | 'openapi', value: unknown): string | undefined {
  if (key === 'swagger') return value === 2 || value === '2' ? '2.0' : undefined;
  if (typeof value === 'number' && (value === 3 || value === 3.1)) return value === 3 ? '3.0.0' : '3.1.0';
  if (typeof value === 'string' && /^3(\.[01])?$/.test(value.trim())) return value.trim() === '3.1' ? '3.1.0' : '3.0.0';
  return undefined;
}

/**
 * Parses JSON or YAML text (JSON is tried first when the text looks like JSON) and checks the limits
 * every document must keep: nesting depth, finite numbers, no duplicate keys, bounded YAML aliases.
 */
export function parseDocumentText(text: string, file: string): unknown {
  let value: unknown;
  try {
    value = parseText(text, file);
  } catch (error) {
    if (isStackOverflow(error)) throw tooDeep(file);
    throw error;
  }
  assertWithinLimits(value, file);
  if (looksLikeJson(text, file)) assertNoDuplicateJsonKeys(text, file);
  return value;
}

function looksLikeJson(text: string, file: string): boolean {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  return trimmed.startsWith('{') || trimmed.startsWith('[') || /\.json$/i.test(file);
}

function parseText(text: string, file: string): unknown {
  if (looksLikeJson(text, file)) {
    const result = parseJsonKeepingControlCharacters(text);
    if (result.ok) return result.value;
    const { line, column, message } = result.problem;
    throw new GeneratorError({ file, line, column }, `invalid JSON: ${message}`);
  }
  const parsed = yaml().parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const error = parsed.errors[0];
  if (error && /call stack/i.test(error.message)) throw tooDeep(file);
  if (error) {
    const pos = error.linePos?.[0];
    throw new GeneratorError(
      { file, line: pos?.line, column: pos?.col },
      `invalid YAML: ${error.message.split('\n')[0]}`,
    );
  }
  try {
    return parsed.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error;
    throw new GeneratorError(
      { file, ...firstAlias(parsed, text) },
      `YAML aliases expand too far (beyond ${MAX_YAML_ALIAS_COUNT} nodes, the pattern of an alias bomb); the first alias is here: expand the aliases by hand or use fewer`,
    );
  }
}

export function classifyDocument(value: unknown, file: string): LoadedDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GeneratorError({ file, pointer: '' }, 'the document is not an object, so it is neither Swagger 2.0 nor OpenAPI 3.x');
  }
  const document = value as Record<string, unknown>;
  const repairs: LoadRepair[] = [];
  for (const key of ['swagger', 'openapi'] as const) {
    const repaired = document[key] === undefined ? undefined : repairedVersion(key, document[key]);
    if (repaired === undefined) continue;
    repairs.push({ message: `"${key}": ${JSON.stringify(document[key])} read as ${JSON.stringify(repaired)} (a version must be a string; YAML reads 2.0 as a number)`, pointer: `/${key}` });
    document[key] = repaired;
  }
  const classified = classifyRepaired(document, file);
  return repairs.length > 0 ? { ...classified, repairs } : classified;
}

function classifyRepaired(document: Record<string, unknown>, file: string): LoadedDocument {
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
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new GeneratorError({ file }, code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(error)})`);
  }
  const text = decodeDocument(bytes, file);
  return { ...classifyDocument(parseDocumentText(text, file), file), text };
}

import { findPointer, hasLoneSurrogate, type OpenApiDocument, type SourceDocument } from '../openapi/index.ts';
import { GeneratorError } from '../errors.ts';

/** Swagger 2.0 → OpenAPI 3.0 with swagger2openapi; its `patch` mode fixes minor schema faults. */
export async function convertSwagger2(doc: SourceDocument, file: string): Promise<OpenApiDocument> {
  let converted: OpenApiDocument;
  try {
    // Loaded on first use: OpenAPI 3 documents never need it.
    const { default: swagger2openapi } = await import('swagger2openapi');
    const result = await swagger2openapi.convertObj(doc, { patch: true, warnOnly: true, resolve: false, direct: false });
    converted = result.openapi as OpenApiDocument;
  } catch (error) {
    throw conversionError(doc, file, error);
  }
  restoreDeletedNulls(converted);
  return converted;
}

/**
 * swagger2openapi deletes the `null` members of arrays (`enum: [null, 1]`, `default: ['a', null]`),
 * leaving holes that every later stage reads as undefined. A parsed document has no holes, so each
 * one was a null: put it back.
 */
function restoreDeletedNulls(doc: OpenApiDocument): void {
  findPointer(doc, ({ value }) => {
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) if (!(i in value)) value[i] = null;
    return false;
  });
}

/**
 * swagger2openapi fails with its own internals' messages; the ones fuzzing found are traced back to
 * the place in the document that causes them.
 */
function conversionError(doc: SourceDocument, file: string, error: unknown): GeneratorError {
  const message = error instanceof Error ? error.message : String(error);
  if (/hasOwnProperty is not a function/.test(message)) {
    const at = findPointer(doc, ({ key }) => key === 'hasOwnProperty');
    if (at !== undefined) {
      return new GeneratorError({ file, pointer: at }, 'swagger2openapi cannot convert a Swagger 2.0 document with a key named "hasOwnProperty"; rename it (an overlay action can) or convert the document to OpenAPI 3 first');
    }
  }
  if (/\b(consumes|produces)\b.*is not a function/.test(message)) {
    const at = findPointer(doc, ({ key, value }) => (key === 'consumes' || key === 'produces') && !Array.isArray(value));
    if (at !== undefined) return new GeneratorError({ file, pointer: at }, 'consumes and produces must be lists of media types (["application/json"])');
  }
  if (error instanceof URIError) {
    const inRef = findPointer(doc, ({ key, value }) => key === '$ref' && typeof value === 'string' && hasLoneSurrogate(value));
    const at = inRef ?? findPointer(doc, ({ key, value }) => (typeof key === 'string' && hasLoneSurrogate(key)) || (typeof value === 'string' && hasLoneSurrogate(value)));
    if (at !== undefined) {
      return new GeneratorError({ file, pointer: at }, 'this name or $ref holds a lone surrogate (half of a UTF-16 pair, not a character), which swagger2openapi cannot encode; remove it');
    }
  }
  return new GeneratorError({ file }, `Swagger 2.0 conversion failed: ${message}`);
}

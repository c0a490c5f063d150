import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import type { OpenApiDocument } from '../normalise/pass.ts';

const BLOB = ts.factory.createTypeReferenceNode('Blob');

/** `paths`, `components` and `operations` types for the document, by openapi-typescript. */
export async function renderSchemaTypes(doc: OpenApiDocument): Promise<string> {
  const ast = await openapiTS(structuredClone(doc) as never, {
    silent: true,
    alphabetize: false,
    transform(schema) {
      // Binary bodies arrive as a Blob at run time (the runtime never parses them).
      if (schema.format === 'binary') return BLOB;
      return undefined;
    },
  });
  return astToString(ast);
}

import { type OpenApiDocument, type SourceDocument } from '../openapi/index.ts';
import { GeneratorError } from '../errors.ts';

/** Swagger 2.0 → OpenAPI 3.0 with swagger2openapi; its `patch` mode fixes minor schema faults. */
export async function convertSwagger2(doc: SourceDocument, file: string): Promise<OpenApiDocument> {
  try {
    // Loaded on first use: OpenAPI 3 documents never need it.
    const { default: swagger2openapi } = await import('swagger2openapi');
    const result = await swagger2openapi.convertObj(doc, { patch: true, warnOnly: true, resolve: false, direct: false });
    return result.openapi as OpenApiDocument;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new GeneratorError({ file }, `Swagger 2.0 conversion failed: ${message}`);
  }
}

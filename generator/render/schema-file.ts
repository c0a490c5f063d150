import { findPointer, type OpenApiDocument } from '../openapi/index.ts';
import { createRequire } from 'node:module';
import type { GlobalContext, OpenAPITSOptions } from 'openapi-typescript';
import type TypeScript from 'typescript';
import { GeneratorError } from '../errors.ts';

// Loaded as CommonJS: an ESM `import` of a CommonJS module makes Node 20 scan its whole source for
// export names first, which for TypeScript's 9 MB compiler costs over a second at every start.
const require = createRequire(import.meta.url);
const ts = require('typescript') as typeof TypeScript;
const { astToString, resolveRef, scanDiscriminators, stringToAST, transformSchema } = require('openapi-typescript') as typeof import('openapi-typescript');

const BLOB = ts.factory.createTypeReferenceNode('Blob');

/** Our openapi-typescript options (exported for the test that compares with `openapiTS()`). */
export const OPTIONS: OpenAPITSOptions = {
  silent: true,
  alphabetize: false,
  transform(schema) {
    // Binary bodies arrive as a Blob at run time (the runtime never parses them).
    if (schema.format === 'binary') return BLOB;
    return undefined;
  },
};

/**
 * openapi-typescript's context, exactly as its public `openapiTS()` builds it for our options
 * (openapi-typescript is pinned; test/render/schema-file.test.ts checks that our output equals
 * `openapiTS()`'s on the providers' documents). We call its public `transformSchema` directly:
 * `openapiTS()` first lints and bundles the document with Redocly, which on a large document
 * (GitHub's) costs more than the transformation itself and adds nothing here, because the document
 * is already one bundled, validated file with local `$ref`s only.
 */
function contextFor(schema: Record<string, unknown>): GlobalContext {
  const context: Omit<GlobalContext, 'redoc'> = {
    additionalProperties: false,
    alphabetize: OPTIONS.alphabetize ?? false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(schema as never, OPTIONS),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    silent: true,
    inject: undefined,
    transform: OPTIONS.transform,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve<T>($ref: string): T | undefined {
      return resolveRef<T>(schema as never, $ref, { silent: true });
    },
  };
  // Only openapiTS()'s lint-and-bundle step reads `redoc` (Redocly's config); the transforms never do.
  return { ...context, redoc: undefined as unknown as GlobalContext['redoc'] };
}

/**
 * openapi-typescript marks the properties an allOf requires of a `$ref` member with its helper
 * `WithRequired<T, K extends keyof T>`; when the referenced schema is nullable, T is `X | null`,
 * whose keyof is `never`, and the package does not compile (plaid.com's `Cause`). Taking the keys
 * of `NonNullable<T>` types the same for a non-nullable T.
 */
const WITH_REQUIRED = 'type WithRequired<T, K extends keyof NonNullable<T>> = T & { [P in K]-?: NonNullable<T>[P] };';

function nullableSafeWithRequired(node: TypeScript.Node): TypeScript.Node {
  const isHelper = ts.isTypeAliasDeclaration(node) && node.name.text === 'WithRequired';
  return isHelper ? (stringToAST(WITH_REQUIRED)[0] as TypeScript.Node) : node;
}

/** `decodeURIComponent` refuses it: a `%` that starts no `%XX` escape. */
function isMalformedEscape(text: string): boolean {
  try {
    decodeURIComponent(text);
    return false;
  } catch {
    return true;
  }
}

/**
 * openapi-typescript re-reads the pointer of each object property schema it types, percent-decoding
 * its tokens, but writes the names unencoded: a property named `% Processor Time` throws URIError.
 * Throws a GeneratorError naming the first such property, if there is one.
 */
function unescapedPercent(schema: Record<string, unknown>, file: string): void {
  const at = findPointer(schema, ({ path }) => path.at(-2) === 'properties' && isMalformedEscape(String(path.at(-1))));
  if (at === undefined) return;
  throw new GeneratorError(
    { file: `${file} (normalised)`, pointer: at },
    "openapi-typescript cannot type a property whose name holds a '%' that starts no %XX escape (it percent-decodes the property's place); rename the property or describe the object with additionalProperties",
  );
}

/**
 * `paths`, `components` and `operations` types for the document, by openapi-typescript. Takes the
 * normalised document or its JSON text; openapi-typescript patches discriminator enums into the
 * object it is given, so it works on its own copy unless `inPlace` allows it to change `doc`.
 */
export async function renderSchemaTypes(doc: OpenApiDocument | string, file = 'openapi.json', options: { inPlace?: boolean } = {}): Promise<string> {
  const schema = (typeof doc === 'string' ? JSON.parse(doc) : options.inPlace ? doc : structuredClone(doc)) as Record<string, unknown>;
  // Redocly's bundler always leaves a `components` object; the types depend on it being there.
  schema.components ??= {};
  try {
    return astToString(transformSchema(schema as never, contextFor(schema)).map(nullableSafeWithRequired));
  } catch (error) {
    if (error instanceof GeneratorError) throw error;
    if (error instanceof URIError) unescapedPercent(schema, file);
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new GeneratorError({ file: `${file} (normalised)` }, `openapi-typescript cannot turn the document into types: ${message}`);
  }
}

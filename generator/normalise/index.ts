import SwaggerParser from '@apidevtools/swagger-parser';
import type { ProviderConfig } from '../config/provider-config.ts';
import { GeneratorError } from '../errors.ts';
import type { LoadedDocument } from '../load/load-document.ts';
import { assertReferencesResolve } from './check-refs.ts';
import { convertSwagger2 } from './convert.ts';
import { applyOverlay } from './overlay.ts';
import type { NormalisePass, OpenApiDocument, PassContext, ReportEntry, SourcePass, SwaggerDocument } from './pass.ts';
import { exampleResponsesPass } from './passes/example-responses.ts';
import { hostbillAuthPass } from './passes/hostbill-auth.ts';
import { operationIdsPass } from './passes/operation-ids.ts';
import { parameterSchemasPass } from './passes/parameter-schemas.ts';
import { patternDescriptionsPass } from './passes/pattern-descriptions.ts';
import { phpArraysPass } from './passes/php-arrays.ts';
import { queryFieldsToBodyPass } from './passes/query-fields-to-body.ts';
import { serversPass } from './passes/servers.ts';
import { arrayParametersPass } from './source-passes/array-parameters.ts';
import { blankMethodPass } from './source-passes/blank-method.ts';
import { fileResponsesPass } from './source-passes/file-responses.ts';
import { pathParametersPass } from './source-passes/path-parameters.ts';
import { pathPlaceholdersPass } from './source-passes/path-placeholders.ts';
import { unreferencedDefinitionsPass } from './source-passes/unreferenced-definitions.ts';

/** Passes over the document as published, in order. They fix what would break conversion. */
export const SOURCE_PASSES: readonly SourcePass[] = [
  pathPlaceholdersPass,
  blankMethodPass,
  pathParametersPass,
  arrayParametersPass,
  unreferencedDefinitionsPass,
  fileResponsesPass,
];

/** Passes over the OpenAPI 3 document, in order. */
export const OPENAPI_PASSES: readonly NormalisePass[] = [
  operationIdsPass,
  queryFieldsToBodyPass,
  parameterSchemasPass,
  phpArraysPass,
  hostbillAuthPass,
  serversPass,
  exampleResponsesPass,
  patternDescriptionsPass,
];

export interface NormaliseResult {
  readonly document: OpenApiDocument;
  readonly report: readonly ReportEntry[];
  readonly overlayActions: readonly string[];
}

function contextFor(pass: { name: string }, provider: ProviderConfig, file: string, report: ReportEntry[]): PassContext {
  return {
    provider,
    file,
    record: (message, pointer) => report.push({ pass: pass.name, kind: 'change', message, pointer }),
    warn: (message, pointer) => report.push({ pass: pass.name, kind: 'warning', message, pointer }),
  };
}

export async function normalise(loaded: LoadedDocument, provider: ProviderConfig, overlayFile?: string): Promise<NormaliseResult> {
  const report: ReportEntry[] = [];
  let source = structuredClone(loaded.document) as SwaggerDocument;
  let overlayActions: string[] = [];
  if (overlayFile) {
    const result = await applyOverlay(source, overlayFile);
    source = result.document as SwaggerDocument;
    overlayActions = result.applied;
    for (const action of overlayActions) report.push({ pass: 'overlay', kind: 'change', message: action });
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
    pass.run(doc, contextFor(pass, provider, loaded.file, report));
  }
  await validateOpenApi(doc, loaded.file);
  return { document: doc, report, overlayActions };
}

/** The normalised document must pass a real OpenAPI validator; a failure here names the pointer. */
export async function validateOpenApi(doc: OpenApiDocument, file: string): Promise<void> {
  try {
    await SwaggerParser.validate(structuredClone(doc) as never);
  } catch (error) {
    const details = (error as { details?: { instancePath?: string; message?: string }[] }).details;
    const first = details?.[0];
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new GeneratorError(
      { file: `${file} (normalised)`, pointer: first?.instancePath },
      `the normalised document is not valid OpenAPI: ${first?.message ?? message}`,
    );
  }
}

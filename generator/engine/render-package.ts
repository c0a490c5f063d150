/**
 * The engine: one package from one source, as an in-memory file set. It knows nothing of threads,
 * output folders or the cache: the caller passes everything in (the provider source, the
 * carried-over version and changelog, the spec's label) and writes the result where it likes.
 *
 * Every call into load, normalise, model and render is in this file, so swapping a renderer is an
 * edit here. The stages are exported for the scheduler, which runs the two halves of a large
 * document on two threads; `renderPackage` runs them one after the other on this thread, and both
 * ways give the same bytes.
 */
import { createHash } from 'node:crypto';
import { settleProvider } from '../config/load-provider.ts';
import type { ProviderConfig } from '../config/provider-config.ts';
import { loadDocument } from '../load/load-document.ts';
import { buildModel } from '../model/build-model.ts';
import type { ClientModel } from '../model/operation-model.ts';
import { NAMES_FILE } from '../naming/index.ts';
import { normalise, OPENAPI_PASSES, SOURCE_PASSES } from '../normalise/index.ts';
import type { OpenApiDocument } from '../openapi/index.ts';
import { renderModelFiles } from '../render/model-files.ts';
import { renderNames } from '../render/names-file.ts';
import { renderReport } from '../render/report.ts';
import { runtimeFiles, testKitFiles } from '../render/runtime-files.ts';
import { renderSchemaTypes } from '../render/schema-file.ts';
import { generatedHeader } from '../render/shared/escape.ts';
import { formatFile, formatPrintedTypeScript } from '../render/shared/format.ts';
import type { PackageInfo } from '../render/shared/templates.ts';
import { renderTestingData } from '../render/testing-data.ts';
import { sortedFileSet, type EngineInput, type PackageResult, type Warning } from './package-result.ts';

/** The client half's input: structured-cloneable, so it can go to another thread. */
export interface ClientHalfInput {
  readonly model: ClientModel;
  readonly config: ProviderConfig;
  readonly specPath: string;
  readonly info: PackageInfo;
}

/**
 * A document loaded, normalised and modelled; the two halves are rendered from it. Its two largest
 * parts are taken, once each, by the stage that needs them (`takeClientHalf`, and `renderTypesHalf`
 * the document), so that nothing holds them while the largest files are formatted: on a huge
 * document that is the difference between the live set and a few hundred MB more.
 */
export interface PreparedPackage {
  readonly id: string;
  readonly specFile: string;
  readonly specPath: string;
  /** The normalised document, until `renderTypesHalf` takes it (openapi-typescript patches it in place). */
  document?: OpenApiDocument;
  /** The model and what the client half needs with it, until `takeClientHalf`. */
  client?: ClientHalfInput;
  /** The test kit's catalog, unformatted: made from the document before anything patches it. */
  readonly testing: string;
  readonly openapiJson: string;
  readonly report: string;
  readonly changelog?: string;
  readonly operations: number;
  readonly corrections: number;
  readonly warnings: readonly Warning[];
}

/** Stage 1: load, normalise, model; serialises openapi.json before anything may patch the document. */
export async function preparePackage(input: EngineInput): Promise<PreparedPackage> {
  const { specPath, carried } = input;
  const loaded = await loadDocument(input.source.specFile);
  const source = settleProvider(input.source, loaded.document);
  const { config } = source;
  // Nothing reads the loaded document after normalisation, so the passes work on it directly.
  const normalised = await normalise(loaded, config, source.overlayFile, { inPlace: true, previousNames: carried.names });
  const document = normalised.document;
  const model = buildModel(document, config, source.specFile, carried.names);
  const info = document.info as { version?: string } | undefined;
  const packageInfo: PackageInfo = {
    version: carried.version,
    specVersion: String(info?.version ?? ''),
    specHash: `sha256-${createHash('sha256').update(loaded.text ?? '').digest('hex')}`,
    specPath,
  };
  const warnings = normalised.report
    .filter((e) => e.kind === 'warning')
    .map((e): Warning => ({ pass: e.pass, message: e.message, ...(e.pointer !== undefined ? { pointer: e.pointer } : {}) }));
  return {
    id: config.id,
    specFile: source.specFile,
    specPath,
    document,
    client: { model, config, specPath, info: packageInfo },
    testing: renderTestingData(model, document, specPath),
    openapiJson: `${JSON.stringify(document, null, 2)}\n`,
    report: renderReport(config.displayName, specPath, [...SOURCE_PASSES, ...OPENAPI_PASSES], normalised.report, model.operations.length),
    changelog: carried.changelog,
    operations: model.operations.length,
    corrections: normalised.report.filter((e) => e.kind === 'change').length,
    warnings,
  };
}

/** The client half's input, taken from the prepared package (which then no longer holds the model). */
export function takeClientHalf(prepared: PreparedPackage): ClientHalfInput {
  const { client } = prepared;
  if (!client) throw new Error(`the client half of ${prepared.id} was taken twice`);
  prepared.client = undefined;
  return client;
}

/** Stage 2a, the client half: every file made from the model (ts-morph modules, handlebars files), formatted. */
export async function renderClientHalf(input: ClientHalfInput): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, content] of Object.entries(renderModelFiles(input.model, input.config, input.info))) out[name] = await formatFile(name, content);
  out[NAMES_FILE] = renderNames(input.model);
  return out;
}

/** openapi-typescript's types, printed from the document it takes from `prepared`; once this returns, nothing holds the document. */
async function printSchemaTypes(prepared: PreparedPackage): Promise<string> {
  const { document } = prepared;
  if (!document) throw new Error(`the types half of ${prepared.id} was rendered twice`);
  prepared.document = undefined;
  return `${generatedHeader(prepared.specPath)}${await renderSchemaTypes(document, prepared.specFile, { inPlace: true })}`;
}

/** Stage 2b, the types half: openapi-typescript's schema.ts, openapi.json, the report, the runtime, the changelog. Run once per prepared package. */
export async function renderTypesHalf(prepared: PreparedPackage): Promise<Record<string, string>> {
  const schemaTypes = await printSchemaTypes(prepared);
  const out: Record<string, string> = {
    'openapi.json': prepared.openapiJson,
    'normalisation-report.md': await formatFile('normalisation-report.md', prepared.report),
    'src/schema.ts': await formatPrintedTypeScript('src/schema.ts', schemaTypes),
    'src/testing/index.ts': await formatFile('src/testing/index.ts', prepared.testing),
    ...Object.fromEntries(await runtimeFiles()),
    ...Object.fromEntries(await testKitFiles()),
  };
  if (prepared.changelog !== undefined) out['CHANGELOG.md'] = prepared.changelog;
  return out;
}

/** Stage 3: both halves as one package. */
export function assemblePackage(prepared: PreparedPackage, clientFiles: Record<string, string>, typesFiles: Record<string, string>): PackageResult {
  return {
    id: prepared.id,
    files: sortedFileSet([...Object.entries(clientFiles), ...Object.entries(typesFiles)]),
    operations: prepared.operations,
    corrections: prepared.corrections,
    warnings: prepared.warnings,
  };
}

/** A stage `renderPackage` has finished, for progress lines on a long document. */
export interface StageEvent {
  readonly stage: 'prepared' | 'client' | 'types';
  readonly id: string;
  readonly operations: number;
}

/**
 * Every stage on this thread. The client half goes first, as it does when it is sent to another
 * thread before the types half starts.
 */
export async function renderPackage(input: EngineInput, onStage?: (event: StageEvent) => void): Promise<PackageResult> {
  const prepared = await preparePackage(input);
  const stage = (name: StageEvent['stage']): void => onStage?.({ stage: name, id: prepared.id, operations: prepared.operations });
  stage('prepared');
  const clientFiles = await renderClientHalf(takeClientHalf(prepared));
  stage('client');
  const typesFiles = await renderTypesHalf(prepared);
  stage('types');
  return assemblePackage(prepared, clientFiles, typesFiles);
}

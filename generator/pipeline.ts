import { createHash } from 'node:crypto';
import path from 'node:path';
import { carriedOver } from './cache/inputs-hash.ts';
import type { ProviderSource } from './config/load-provider.ts';
import type { ProviderConfig } from './config/provider-config.ts';
import { loadDocument } from './load/load-document.ts';
import { buildModel } from './model/build-model.ts';
import type { ClientModel } from './model/operation-model.ts';
import { normalise, OPENAPI_PASSES, SOURCE_PASSES } from './normalise/index.ts';
import { generatedHeader } from './render/shared/escape.ts';
import { formatFile } from './render/shared/format.ts';
import { renderModelFiles } from './render/model-files.ts';
import { renderReport } from './render/report.ts';
import { runtimeFiles } from './render/runtime-files.ts';
import type { PackageInfo } from './render/shared/templates.ts';
import { renderSchemaTypes } from './render/schema-file.ts';
import { WorkerPool } from './parallel/pool.ts';
import type { FileSet } from './write/file-set.ts';

export interface GenerationResult {
  readonly id: string;
  readonly files: FileSet;
  readonly operations: number;
  readonly corrections: number;
  readonly warnings: number;
}

/**
 * Documents above this size (characters as read; the five providers' are under 160 kB) render their
 * client half (ts-morph, templates, prettier) on a second thread while this one makes the types.
 */
export const LARGE_DOCUMENT = 1_000_000;

export interface GenerateOptions {
  /** Already on a worker thread: do not start another one. */
  readonly inWorker?: boolean;
}

/** The client half of a package, formatted: the ts-morph modules and the handlebars files. */
export async function renderClientFiles(model: ClientModel, config: ProviderConfig, specPath: string, info: PackageInfo): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, content] of Object.entries(renderModelFiles(model, config, { ...info, specPath }))) out[name] = await formatFile(name, content);
  return out;
}

/** Runs every stage for one provider and returns the formatted files; writes nothing. */
export async function generateProvider(source: ProviderSource, outDir: string, rootDir: string, options: GenerateOptions = {}): Promise<GenerationResult> {
  const { config } = source;
  const relSpec = path.relative(rootDir, source.specFile).split(path.sep).join('/');
  const loaded = await loadDocument(source.specFile);
  const large = (loaded.text?.length ?? 0) > LARGE_DOCUMENT;
  // Nothing reads the loaded document after normalisation, so the passes work on it directly.
  const normalised = await normalise(loaded, config, source.overlayFile, { inPlace: true });
  const doc = normalised.document;
  const model = buildModel(doc, config, source.specFile);
  const release = await carriedOver(outDir);
  const info = doc.info as { version?: string } | undefined;
  const packageInfo: PackageInfo = {
    version: release.version,
    specVersion: String(info?.version ?? ''),
    specHash: `sha256-${createHash('sha256').update(loaded.text ?? '').digest('hex')}`,
    specPath: relSpec,
  };
  const openapiJson = `${JSON.stringify(doc, null, 2)}\n`;
  const report = renderReport(config.displayName, relSpec, [...SOURCE_PASSES, ...OPENAPI_PASSES], normalised.report, model.operations.length);
  // A large document's client half (ts-morph, templates) runs on another core while this thread makes the types.
  let pool: WorkerPool | undefined;
  let clientFiles: Promise<Record<string, string>>;
  if (large && !options.inWorker) {
    pool = new WorkerPool(1);
    clientFiles = pool.run('clientFiles', { model, config, specPath: relSpec, info: packageInfo });
    clientFiles.catch(() => undefined);
  } else clientFiles = renderClientFiles(model, config, relSpec, packageInfo);
  try {
    // openapi.json is serialised above, so openapi-typescript may patch the document in place.
    const schemaTypes = await formatFile('src/schema.ts', `${generatedHeader(relSpec)}${await renderSchemaTypes(doc, source.specFile, { inPlace: true })}`);
    const raw = new Map<string, string>([
      ...Object.entries(await clientFiles),
      ['openapi.json', openapiJson],
      ['normalisation-report.md', await formatFile('normalisation-report.md', report)],
      ['src/schema.ts', schemaTypes],
      ...(await runtimeFiles()),
    ]);
    if (release.changelog !== undefined) raw.set('CHANGELOG.md', release.changelog);
    const files = new Map([...raw].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return {
      id: config.id,
      files,
      operations: model.operations.length,
      corrections: normalised.report.filter((e) => e.kind === 'change').length,
      warnings: normalised.report.filter((e) => e.kind === 'warning').length,
    };
  } finally {
    await pool?.close();
  }
}

import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProviderSource } from './config/load-provider.ts';
import { loadDocument } from './load/load-document.ts';
import { buildModel } from './model/build-model.ts';
import { normalise, OPENAPI_PASSES, SOURCE_PASSES } from './normalise/index.ts';
import { GENERATED_HEADER, renderClient } from './render/client.ts';
import { formatFile } from './render/format.ts';
import { renderReport } from './render/report.ts';
import { renderPackageFiles, TEMPLATES_DIR } from './render/templates.ts';
import { renderSchemaTypes } from './render/types.ts';
import type { FileSet } from './write/file-set.ts';

export interface GenerationResult {
  readonly id: string;
  readonly files: FileSet;
  readonly operations: number;
  readonly corrections: number;
  readonly warnings: number;
}

const RUNTIME_DIR = path.join(TEMPLATES_DIR, 'runtime');

/** The runtime's source files, copied verbatim into every package. */
export async function runtimeFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const names = (await readdir(RUNTIME_DIR)).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts')).sort();
  for (const name of names) files.set(`src/runtime/${name}`, await readFile(path.join(RUNTIME_DIR, name), 'utf8'));
  return files;
}

/** The version and changelog belong to the release workflow; generation carries them over. */
async function previousRelease(outDir: string): Promise<{ version: string; changelog?: string }> {
  const pkg = await readFile(path.join(outDir, 'package.json'), 'utf8').then(
    (t) => JSON.parse(t) as { version?: string },
    () => ({ version: undefined }),
  );
  const changelog = await readFile(path.join(outDir, 'CHANGELOG.md'), 'utf8').catch(() => undefined);
  return { version: pkg.version ?? '0.1.0', changelog };
}

/** Runs every stage for one provider and returns the formatted files; writes nothing. */
export async function generateProvider(source: ProviderSource, outDir: string, rootDir: string): Promise<GenerationResult> {
  const { config } = source;
  const relSpec = path.relative(rootDir, source.specFile).split(path.sep).join('/');
  const loaded = await loadDocument(source.specFile);
  const normalised = await normalise(loaded, config, source.overlayFile);
  const doc = normalised.document;
  const model = buildModel(doc, config, source.specFile);
  const header = GENERATED_HEADER(relSpec);
  const schemaTypes = `${header}${await renderSchemaTypes(doc)}`;
  const client = renderClient(model, config, relSpec);
  const release = await previousRelease(outDir);
  const info = doc.info as { version?: string } | undefined;
  const packageFiles = await renderPackageFiles(model, config, {
    version: release.version,
    specVersion: String(info?.version ?? ''),
    specHash: `sha256-${createHash('sha256').update(loaded.text ?? '').digest('hex')}`,
    specPath: relSpec,
  });
  const raw = new Map<string, string>([
    ...Object.entries(packageFiles),
    ['openapi.json', `${JSON.stringify(doc, null, 2)}\n`],
    ['normalisation-report.md', renderReport(config.displayName, relSpec, [...SOURCE_PASSES, ...OPENAPI_PASSES], normalised.report, model.operations.length)],
    ['src/schema.ts', schemaTypes],
    ...Object.entries(client),
    ...(await runtimeFiles()),
  ]);
  if (release.changelog !== undefined) raw.set('CHANGELOG.md', release.changelog);
  const files = new Map<string, string>();
  for (const [name, content] of [...raw].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const verbatim = name.startsWith('src/runtime/') || name === 'CHANGELOG.md' || name === 'openapi.json';
    files.set(name, verbatim ? content : await formatFile(name, content));
  }
  return {
    id: config.id,
    files,
    operations: model.operations.length,
    corrections: normalised.report.filter((e) => e.kind === 'change').length,
    warnings: normalised.report.filter((e) => e.kind === 'warning').length,
  };
}

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleExternalRefs, firstExternalRef } from '../load/bundle-refs.ts';
import { documentBaseUrl } from './document-base-url.ts';
import { fetchSpec } from '../load/fetch-document.ts';
import { loadDocument } from '../load/load-document.ts';
import type { ProviderSource } from './load-provider.ts';
import { validateProviderConfig } from './load-provider.ts';

const isUrl = (spec: string): boolean => /^https?:\/\//i.test(spec);

/** Where a document read from a file that names no absolute server is taken to live (the client's `baseUrl` option moves it). */
const LOCAL_BASE = 'http://localhost';

/** What `generate --spec` (or one entry of a config file) asks for besides the document. */
export interface AdHocOptions {
  /** The npm package name (`pets-client`, `@acme/pets`); default: made from `info.title`, else the file name. */
  readonly name?: string;
  readonly hostbill?: boolean;
  /** An OpenAPI Overlay 1.0 file applied before the passes. */
  readonly overlay?: string;
  /** The package's `repository.url`; none unless given. */
  readonly repository?: string;
  /** Fetch `$ref`s over http(s). */
  readonly allowRemoteRefs?: boolean;
}

/** Downloads a document to a temporary file, keeping its extension so the loader picks the parser. */
async function download(url: string): Promise<string> {
  const fetched = await fetchSpec(url, { accept: 'application/json, application/yaml, text/yaml, */*', timeoutMs: 60_000 });
  const ext = /\.(ya?ml|json)$/i.exec(new URL(url).pathname)?.[1] ?? (/yaml/i.test(fetched.contentType) ? 'yaml' : 'json');
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'clientgen-spec-')), `spec.${ext.toLowerCase()}`);
  await writeFile(file, fetched.body);
  return file;
}

/** `Swagger Petstore` → `swagger-petstore`: an npm name (and folder id) made of lower-case words. */
const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '').slice(0, 100);

/** The package name and the id (its last segment) from `--name`, else the title, else the file name. */
function packageNames(options: AdHocOptions, title: string | undefined, fromFile: string): { id: string; packageName: string } {
  const given = options.name?.trim();
  if (given && /^@[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/.test(given)) return { id: given.slice(given.indexOf('/') + 1), packageName: given };
  const id = slug(given || title || '') || slug(fromFile) || 'api';
  return { id, packageName: id };
}

/**
 * A document with external `$ref`s, bundled into one and saved as JSON (which YAML includes) in a
 * temporary folder under the same file name, so the engine (which reads one file) sees one document
 * and every label still names the user's file.
 */
async function bundledSpec(specFile: string, location: string, doc: Record<string, unknown>, remote: boolean): Promise<string> {
  const bundled = await bundleExternalRefs(doc, location, { remote });
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'clientgen-bundle-')), path.basename(specFile));
  await writeFile(file, `${JSON.stringify(bundled, null, 2)}\n`);
  return file;
}

/**
 * A provider for a document given on the command line (`--spec`) or in a config file, with settings
 * taken from the document itself; generic (not HostBill) unless asked.
 */
export async function adHocProvider(spec: string, options: AdHocOptions): Promise<ProviderSource> {
  const downloaded = isUrl(spec) ? await download(spec) : path.resolve(spec);
  const loaded = await loadDocument(downloaded);
  const specFile = firstExternalRef(loaded.document)
    ? await bundledSpec(downloaded, isUrl(spec) ? spec : downloaded, loaded.document, options.allowRemoteRefs === true)
    : downloaded;
  const info = (loaded.document.info ?? {}) as { title?: unknown };
  const fromFile = path.basename(isUrl(spec) ? new URL(spec).pathname : spec).replace(/\.(json|ya?ml)$/i, '');
  const title = typeof info.title === 'string' && info.title.trim() !== '' ? info.title.trim() : undefined;
  const { id, packageName } = packageNames(options, title, fromFile);
  const config = validateProviderConfig(
    { displayName: title ?? id, packageName, baseUrl: documentBaseUrl(loaded.document, isUrl(spec) ? spec : LOCAL_BASE) ?? LOCAL_BASE, auth: [], hostbill: options.hostbill === true },
    id,
    specFile,
  );
  return {
    config: options.repository !== undefined ? { ...config, repository: options.repository } : config,
    dir: path.dirname(specFile),
    specFile,
    ...(options.overlay !== undefined ? { overlayFile: path.resolve(options.overlay) } : {}),
    // With no provider.json to say otherwise, a HostBill document's own auth schemes, API prefix and
    // JWT routes apply, as they do for a provider folder whose provider.json leaves them out.
    ...(config.hostbill ? { pendingHostBill: { overrides: {}, authGiven: false } } : {}),
  };
}

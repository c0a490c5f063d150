/**
 * `add-provider`: a new HostBill provider from its address (or a saved document) in one step. It
 * finds the published document the way `sync` fetches and checks it, writes `specs/<id>/` with a
 * `provider.json` made from what the document says, and generates `generated/<id>/`.
 */
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { documentBaseUrl } from '../config/document-base-url.ts';
import { detectHostBillSettings, UNDECLARED_AUTH, type DetectedHostBillSettings } from '../config/hostbill-settings.ts';
import type { ProviderAuthScheme } from '../config/provider-config.ts';
import type { PackageResult } from '../engine/package-result.ts';
import { GeneratorError, UsageError } from '../errors.ts';
import { importDocs, ImportDocsError, serialiseDocument } from '../import-docs/index.ts';
import { classifyDocument, parseDocumentText } from '../load/load-document.ts';
import { checkDocument, checkPage } from '../sync/check-fetched.ts';
import { displayUrl, fetchSpec, type Fetched } from '../load/fetch-document.ts';
import { PAGE_HTML, PAGE_TEXT } from '../sync/sync-target.ts';
import type { Workspace } from '../workspace.ts';
import { generateProviders, type GenerateEvents } from './generate.ts';

/** Where HostBill publishes its documents on a billing host: the Swagger export, else the API page. */
export const SWAGGER_PATH = '/?cmd=userapi&action=swagger';
export const PAGE_PATH = '/userapi';

const ID = /^[a-z0-9][a-z0-9-]*$/;

export interface AddProviderOptions {
  readonly id: string;
  /** An http(s) URL (a host, a Swagger URL or an API page) or a file. */
  readonly from: string;
  readonly displayName?: string;
  readonly baseUrl?: string;
  readonly force?: boolean;
  readonly timeoutMs: number;
  /** For relative file names. */
  readonly cwd: string;
  readonly fetch?: typeof fetch;
}

/** What was found and written, for the report. */
export interface AddedProvider {
  readonly id: string;
  /** `document` (a Swagger/OpenAPI file) or `page` (an API page, imported). */
  readonly found: 'document' | 'page';
  /** The URL it came from (credentials and secret query values hidden), or the file. */
  readonly source: string;
  /** Files written under the workspace, relative to its root. */
  readonly files: readonly string[];
  readonly config: ProviderJson;
  readonly settings: DetectedHostBillSettings;
  /** Whether `auth` came from the document's declared schemes (else the HostBill default). */
  readonly authDeclared: boolean;
  readonly result: PackageResult;
  /** `generated/<id>/normalisation-report.md`, relative to the workspace root. */
  readonly report: string;
}

/** provider.json as written: every setting stated, so a reader sees what was detected. */
export interface ProviderJson {
  readonly displayName: string;
  readonly packageName: string;
  readonly baseUrl: string;
  readonly specUrl?: string;
  readonly auth: readonly ProviderAuthScheme[];
  readonly hostbill: true;
}

interface Found {
  readonly kind: 'document' | 'page';
  /** The fetched URL, when it came from the network. */
  readonly url?: string;
  /** File name → exact bytes for specs/<id>/. */
  readonly files: { name: string; content: Buffer }[];
  /** The document generation reads (the page's import for a page). */
  readonly document: Record<string, unknown>;
}

const isUrl = (text: string): boolean => /^https?:\/\//i.test(text);

/** The URLs to try for `from`: a bare host gives the Swagger export, then the API page; any other URL is taken as it is. */
export function candidateUrls(from: string): string[] {
  const url = new URL(from);
  if ((url.pathname === '/' || url.pathname === '') && url.search === '' && url.hash === '') {
    return [new URL(SWAGGER_PATH, url).toString(), new URL(PAGE_PATH, url).toString()];
  }
  return [url.toString()];
}

const looksLikePageUrl = (url: string): boolean => /\/userapi\/?$/i.test(new URL(url).pathname) && new URL(url).search === '';

function imported(text: string, label: string, host: string | undefined): { json: string; document: Record<string, unknown> } {
  let result;
  try {
    result = importDocs(text, { file: label });
  } catch (error) {
    // A page whose samples name no host: the host it was fetched from is where the API is.
    if (!(error instanceof ImportDocsError) || host === undefined || !/no API base URL/.test(error.problem)) throw error;
    result = importDocs(text, { file: label, host });
  }
  const json = serialiseDocument(result.document);
  return { json, document: JSON.parse(json) as Record<string, unknown> };
}

function fromPage(fetched: Fetched, label: string, host: string | undefined, url?: string): Found {
  const page = checkPage(fetched);
  const { json, document } = imported(page.text, `${label} (text)`, host);
  return {
    kind: 'page',
    url,
    document,
    files: [
      { name: PAGE_HTML, content: fetched.body },
      { name: PAGE_TEXT, content: Buffer.from(page.text, 'utf8') },
      { name: 'swagger.json', content: Buffer.from(json, 'utf8') },
    ],
  };
}

function fromDocument(fetched: Fetched, label: string, url?: string): Found {
  const checked = checkDocument(fetched, undefined);
  return { kind: 'document', url, document: classifyDocument(parseDocumentText(checked.text, label), label).document, files: [{ name: checked.defaultName, content: fetched.body }] };
}

/** Fetches the candidates in order; the first that passes sync's checks wins, else every failure is named. */
async function fetchPublished(from: string, options: AddProviderOptions): Promise<Found> {
  const failures: string[] = [];
  for (const url of candidateUrls(from)) {
    const page = looksLikePageUrl(url);
    try {
      const fetched = await fetchSpec(url, { accept: page ? 'text/html' : 'application/json, application/yaml;q=0.9, */*;q=0.1', timeoutMs: options.timeoutMs, fetch: options.fetch });
      return page ? fromPage(fetched, displayUrl(url), new URL(url).host, url) : fromDocument(fetched, displayUrl(url), url);
    } catch (error) {
      if (!(error instanceof GeneratorError)) throw error;
      failures.push(error.message);
    }
  }
  throw new GeneratorError({ file: displayUrl(from) }, `no HostBill document found: ${failures.join('; ')}`);
}

/** A saved document, copied byte for byte (or a saved API page, imported). */
async function readLocal(file: string): Promise<Found> {
  const body = await readFile(file).catch(() => {
    throw new UsageError(`no such file: ${file}`);
  });
  const fetched: Fetched = { url: file, contentType: '', body };
  const label = path.basename(file);
  const text = body.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  try {
    return text.startsWith('<') ? fromPage(fetched, label, undefined) : fromDocument(fetched, label);
  } catch (error) {
    // The checks name a URL, which a file has not: name the file.
    if (error instanceof GeneratorError && error.place.file === displayUrl(file)) throw new GeneratorError({ ...error.place, file }, error.problem);
    throw error;
  }
}

/** The document's server, else (HostBill's User API lives under /api on the host that publishes it) /api there. */
function publishedBaseUrl(document: Record<string, unknown>, fetchedFrom: string | undefined): string | undefined {
  return documentBaseUrl(document, fetchedFrom) ?? (fetchedFrom !== undefined ? new URL('/api', fetchedFrom).toString() : undefined);
}

function displayNameOf(document: Record<string, unknown>, fallback: string): string {
  const info = (document.info ?? {}) as { title?: unknown };
  return typeof info.title === 'string' && info.title.trim() !== '' ? info.title.trim() : fallback;
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

interface SpecsWrite {
  /** Drops what was replaced. */
  keep(): Promise<void>;
  /** Puts back what was there (or nothing), so a failed generation leaves no half-added provider. */
  undo(): Promise<void>;
}

/** Writes specs/<id>/ whole: the files go to a hidden folder beside it that replaces it with one rename. */
async function writeSpecs(dir: string, files: readonly { name: string; content: Buffer | string }[]): Promise<SpecsWrite> {
  await mkdir(path.dirname(dir), { recursive: true });
  const staging = await mkdtemp(path.join(path.dirname(dir), `.${path.basename(dir)}-new-`));
  const previous = `${staging}-previous`;
  let replaced = false;
  try {
    for (const { name, content } of files) await writeFile(path.join(staging, name), content);
    if (await exists(dir)) {
      await rename(dir, previous);
      replaced = true;
    }
    await rename(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (replaced) await rename(previous, dir);
    throw error;
  }
  return {
    keep: () => (replaced ? rm(previous, { recursive: true, force: true }) : Promise.resolve()),
    async undo() {
      await rm(dir, { recursive: true, force: true });
      if (replaced) await rename(previous, dir);
    },
  };
}

/** The URL as provider.json keeps it: never with a user name or password. */
function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

export async function addProvider(ws: Workspace, options: AddProviderOptions, events: GenerateEvents = {}): Promise<AddedProvider> {
  const { id } = options;
  if (!ID.test(id)) throw new UsageError(`invalid provider id "${id}" (lowercase letters, digits and dashes)`);
  const dir = path.join(ws.specsDir, id);
  if (!options.force && (await exists(dir))) throw new UsageError(`specs/${id}/ already exists; pass --force to replace it`);
  if (options.baseUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(options.baseUrl)) throw new UsageError('--base-url must be an http(s) URL');

  const local = isUrl(options.from) ? undefined : path.resolve(options.cwd, options.from);
  const found = local !== undefined ? await readLocal(local) : await fetchPublished(options.from, options);
  const source = local ?? displayUrl(found.url as string);
  const settings = detectHostBillSettings(found.document);
  const base = options.baseUrl ?? publishedBaseUrl(found.document, found.url);
  if (base === undefined) throw new UsageError(`${source}: the document names no server; pass --base-url`);
  const trimmed = base.replace(/\/+$/, '');
  const baseUrl = settings.apiPrefix !== '' && !trimmed.endsWith(settings.apiPrefix) ? `${trimmed}${settings.apiPrefix}` : trimmed;
  const authDeclared = settings.auth.length > 0;
  const config: ProviderJson = {
    displayName: options.displayName ?? displayNameOf(found.document, new URL(baseUrl).host),
    packageName: `@clientgen/${id}`,
    baseUrl,
    ...(found.url !== undefined ? { specUrl: withoutCredentials(found.url) } : {}),
    auth: authDeclared ? settings.auth : UNDECLARED_AUTH,
    hostbill: true,
  };
  const files = [...found.files, { name: 'provider.json', content: `${JSON.stringify(config, null, 2)}\n` }];
  const written = await writeSpecs(dir, files);
  let result: PackageResult;
  try {
    [result] = (await generateProviders(ws, [id], { force: true }, events)) as [PackageResult];
  } catch (error) {
    await written.undo();
    throw error;
  }
  await written.keep();
  const rel = (...parts: string[]) => path.posix.join(...parts);
  return {
    id,
    found: found.kind,
    source,
    files: files.map((f) => rel('specs', id, f.name)).sort(),
    config,
    settings,
    authDeclared,
    result,
    report: rel('generated', id, 'normalisation-report.md'),
  };
}

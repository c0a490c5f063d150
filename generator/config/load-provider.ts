import { readFile, readdir, access } from 'node:fs/promises';
import path from 'node:path';
import { GeneratorError } from '../errors.ts';
import { parseDocumentText } from '../load/load-document.ts';
import { detectHostBillSettings, readHostBillOverrides, withHostBillSettings, type HostBillOverrides } from './hostbill-settings.ts';
import type { ProviderAuthScheme, ProviderConfig } from './provider-config.ts';

export const KNOWN_AUTH_SCHEMES: readonly ProviderAuthScheme[] = ['basic', 'jwt'];
const SPEC_CANDIDATES = ['openapi.yaml', 'openapi.yml', 'openapi.json', 'swagger.yaml', 'swagger.yml', 'swagger.json'];

export interface ProviderSource {
  readonly config: ProviderConfig;
  readonly dir: string;
  readonly specFile: string;
  /** The overlay with corrections no rule can infer, when the provider has one. */
  readonly overlayFile?: string;
  /**
   * Present while `config` still lacks the HostBill settings the document itself gives (API prefix,
   * auth, JWT routes): `settleProvider` adds them once the document is loaded. Plain data, so a
   * source crosses to a worker thread as it is.
   */
  readonly pendingHostBill?: { readonly overrides: HostBillOverrides; readonly authGiven: boolean };
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** Validates a parsed provider.json. Every problem names the file and the JSON pointer. */
export function validateProviderConfig(raw: unknown, id: string, file: string): ProviderConfig {
  const fail = (pointer: string, problem: string): never => {
    throw new GeneratorError({ file, pointer }, problem);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('', 'provider config must be an object');
  const obj = raw as Record<string, unknown>;
  const str = (key: string, required: boolean): string | undefined => {
    const value = obj[key];
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || value.trim() === '') return fail(`/${key}`, `"${key}" must be a non-empty string`);
    return value;
  };
  const known = new Set(['displayName', 'packageName', 'baseUrl', 'specUrl', 'auth', 'hostbill', 'spec', 'apiPrefix', 'jwt', '$schema']);
  for (const key of Object.keys(obj)) if (!known.has(key)) fail(`/${key}`, `unknown setting "${key}"`);
  const baseUrl = str('baseUrl', true) as string;
  if (!/^https?:\/\/[^\s/]+/.test(baseUrl)) fail('/baseUrl', `"baseUrl" must be an http(s) URL, got ${JSON.stringify(baseUrl)}`);
  const packageName = str('packageName', true) as string;
  if (!/^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/.test(packageName)) {
    fail('/packageName', `"packageName" ${JSON.stringify(packageName)} is not a valid npm package name`);
  }
  const auth = obj.auth ?? [];
  if (!Array.isArray(auth)) return fail('/auth', '"auth" must be an array of scheme names');
  auth.forEach((scheme, index) => {
    if (!KNOWN_AUTH_SCHEMES.includes(scheme as ProviderAuthScheme)) {
      fail(`/auth/${index}`, `unknown auth scheme ${JSON.stringify(scheme)}; known schemes: ${KNOWN_AUTH_SCHEMES.join(', ')}`);
    }
  });
  if (obj.hostbill !== undefined && typeof obj.hostbill !== 'boolean') fail('/hostbill', '"hostbill" must be true or false');
  readHostBillOverrides(obj, file);
  return {
    id,
    displayName: str('displayName', true) as string,
    packageName,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    specUrl: str('specUrl', false),
    auth: [...new Set(auth as ProviderAuthScheme[])],
    hostbill: obj.hostbill === true,
  };
}

/**
 * A provider's source from provider.json and the files beside it, without reading the document: what
 * a run needs to decide whether anything is to be rendered (a no-op `generate` reads no document).
 * A HostBill provider's settings from the document come later, from `settleProvider`.
 */
export async function readProvider(specsDir: string, id: string): Promise<ProviderSource> {
  const dir = path.join(specsDir, id);
  const file = path.join(dir, 'provider.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new GeneratorError({ file }, `provider "${id}" has no provider.json (looked in ${dir})`);
  }
  const raw = parseDocumentText(text, file) as Record<string, unknown>;
  const config = validateProviderConfig(raw, id, file);
  let specFile: string | undefined;
  if (typeof raw.spec === 'string') specFile = path.join(dir, raw.spec);
  else {
    for (const candidate of SPEC_CANDIDATES) {
      if (await exists(path.join(dir, candidate))) {
        specFile = path.join(dir, candidate);
        break;
      }
    }
  }
  if (!specFile) throw new GeneratorError({ file: dir }, `no spec file found (expected one of ${SPEC_CANDIDATES.join(', ')})`);
  const overlay = ['overlay.yaml', 'overlay.yml', 'overlay.json'].map((n) => path.join(dir, n));
  let overlayFile: string | undefined;
  for (const candidate of overlay) if (await exists(candidate)) overlayFile ??= candidate;
  if (!config.hostbill) return { config, dir, specFile, overlayFile };
  return { config, dir, specFile, overlayFile, pendingHostBill: { overrides: readHostBillOverrides(raw, file), authGiven: raw.auth !== undefined } };
}

/** The source with the HostBill settings its (loaded, not yet normalised) document gives; other sources as they are. */
export function settleProvider(source: ProviderSource, document: Record<string, unknown>): ProviderSource {
  const { pendingHostBill, ...settled } = source;
  if (!pendingHostBill) return source;
  return { ...settled, config: withHostBillSettings(source.config, pendingHostBill.overrides, detectHostBillSettings(document), pendingHostBill.authGiven) };
}

/** Every folder under `specs/` that holds a provider.json, sorted so runs are deterministic. */
export async function listProviders(specsDir: string): Promise<string[]> {
  const entries = await readdir(specsDir, { withFileTypes: true }).catch(() => []);
  const ids: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory() && (await exists(path.join(specsDir, entry.name, 'provider.json')))) ids.push(entry.name);
  }
  return ids.sort();
}

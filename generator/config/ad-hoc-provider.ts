import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GeneratorError } from '../errors.ts';
import { loadDocument } from '../load/load-document.ts';
import type { ProviderSource } from './load-provider.ts';
import { validateProviderConfig } from './load-provider.ts';

const isUrl = (spec: string): boolean => /^https?:\/\//i.test(spec);

/** Downloads a document to a temporary file, keeping its extension so the loader picks the parser. */
async function download(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(60_000), redirect: 'follow' });
  } catch (error) {
    throw new GeneratorError({ file: url }, `cannot download the document (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!response.ok) throw new GeneratorError({ file: url }, `cannot download the document: HTTP ${response.status}`);
  const ext = /\.(ya?ml|json)(?:$|\?)/i.exec(new URL(url).pathname)?.[1] ?? (/yaml/i.test(response.headers.get('content-type') ?? '') ? 'yaml' : 'json');
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'clientgen-spec-')), `spec.${ext.toLowerCase()}`);
  await writeFile(file, Buffer.from(await response.arrayBuffer()));
  return file;
}

function baseUrlOf(doc: Record<string, unknown>): string {
  const servers = Array.isArray(doc.servers) ? (doc.servers as { url?: unknown }[]) : [];
  const url = servers.find((s) => typeof s.url === 'string' && /^https?:\/\//.test(s.url))?.url;
  if (typeof url === 'string') return url;
  if (typeof doc.host === 'string') {
    const scheme = Array.isArray(doc.schemes) && doc.schemes.includes('https') ? 'https' : (doc.schemes as string[] | undefined)?.[0] ?? 'https';
    return `${scheme}://${doc.host}${typeof doc.basePath === 'string' ? doc.basePath : ''}`;
  }
  return 'http://localhost';
}

/**
 * A provider for a document given on the command line (`--spec`), with settings taken from the
 * document itself; generic (not HostBill) unless asked.
 */
export async function adHocProvider(spec: string, options: { name?: string; hostbill?: boolean }): Promise<ProviderSource> {
  const specFile = isUrl(spec) ? await download(spec) : path.resolve(spec);
  const loaded = await loadDocument(specFile);
  const info = (loaded.document.info ?? {}) as { title?: unknown };
  const fromFile = path.basename(isUrl(spec) ? new URL(spec).pathname : spec).replace(/\.(json|ya?ml)$/i, '');
  const id = (options.name ?? fromFile).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '') || 'api';
  const title = typeof info.title === 'string' && info.title.trim() !== '' ? info.title : id;
  const config = validateProviderConfig(
    { displayName: title, packageName: id, baseUrl: baseUrlOf(loaded.document), auth: [], hostbill: options.hostbill === true },
    id,
    specFile,
  );
  return { config, dir: path.dirname(specFile), specFile };
}

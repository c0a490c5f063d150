import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { GeneratorError } from '../errors.ts';
import { findPointer } from '../openapi/index.ts';

export interface BundleOptions {
  /** Fetch `$ref`s over http(s) (asked for with `--allow-remote-refs`); never by default. */
  readonly remote?: boolean;
}

type RefParser = { bundle(path: string, schema: object, options: object): Promise<Record<string, unknown>>; isUnsafeUrl(url: string): boolean };

/** json-schema-ref-parser, the bundler @apidevtools/swagger-parser uses, loaded from where it lives. */
function refParser(): RefParser {
  const load = createRequire(createRequire(import.meta.url).resolve('@apidevtools/swagger-parser'));
  return load('@apidevtools/json-schema-ref-parser') as RefParser;
}

const isRemote = (location: string): boolean => /^https?:\/\//i.test(location);

/** The first `$ref` that points outside the document, with its JSON pointer. */
export function firstExternalRef(doc: unknown): { pointer: string; ref: string } | undefined {
  let ref = '';
  const at = findPointer(doc, ({ key, value }) => {
    if (key !== '$ref' || typeof value !== 'string' || value.startsWith('#')) return false;
    ref = value;
    return true;
  });
  return at === undefined ? undefined : { pointer: at, ref };
}

/**
 * A document whose `$ref`s point into other files (or URLs) made one document, by json-schema-ref-parser's
 * bundler: each external target is inlined once and every other reference to it points there. References
 * resolve relative to `location` (the document's file or URL). A document read from a URL may not reach
 * local files, and nothing is fetched over the network unless `remote` says so.
 */
export async function bundleExternalRefs(doc: Record<string, unknown>, location: string, options: BundleOptions = {}): Promise<Record<string, unknown>> {
  const first = firstExternalRef(doc);
  if (!first) return doc;
  const base = isRemote(location) ? location : pathToFileURL(location).href;
  const target = new URL(first.ref, base);
  if (/^https?:$/.test(target.protocol) && !options.remote) {
    throw new GeneratorError({ file: location, pointer: first.pointer }, `$ref ${JSON.stringify(first.ref)} is remote (${target.origin}); pass --allow-remote-refs to fetch it, or save it beside the document`);
  }
  // ref-parser's http resolver never fetches loopback, private or link-local addresses (its SSRF guard, kept on).
  if (/^https?:$/.test(target.protocol) && refParser().isUnsafeUrl(target.href)) {
    throw new GeneratorError({ file: location, pointer: first.pointer }, `$ref ${JSON.stringify(first.ref)} points at a local or private address (${target.host}), which is never fetched; save it beside the document`);
  }
  const resolve: Record<string, unknown> = { external: true, http: options.remote ? { timeout: 30_000, redirects: 5, withCredentials: false } : false };
  if (isRemote(location)) resolve.file = false;
  try {
    return await refParser().bundle(location, structuredClone(doc), { resolve, dereference: { circular: true } });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new GeneratorError({ file: location }, `cannot bundle the external $refs: ${message}`);
  }
}

import { isObject, serverUrl } from '../openapi/index.ts';

/** An absolute http(s) URL a request can go to (no blank, a host). */
const isHttpUrl = (url: string): boolean => /^https?:\/\/[^\s/]+[^\s]*$/i.test(url) && URL.canParse(url);

/** A server's URL with its variables filled (openapi/servers.ts); `undefined` while a `{name}` has no default. */
const resolvedServerUrl = (server: unknown): string | undefined => {
  const url = serverUrl(server);
  return url !== undefined && !/\{[^{}]*\}/.test(url) ? url : undefined;
};

/**
 * Where a document's API lives: its first absolute http(s) server (over https when the document lists
 * that same server with https too), else its first relative one
 * resolved against `relativeTo` (where the document was read from), else Swagger 2.0's
 * `schemes`/`host`/`basePath`. `undefined` when the document names no server.
 */
export function documentBaseUrl(document: Record<string, unknown>, relativeTo?: string): string | undefined {
  const servers = (Array.isArray(document.servers) ? document.servers : []).filter(isObject).map(resolvedServerUrl);
  const absolute = servers.find((url) => url !== undefined && isHttpUrl(url));
  // The same server over TLS, when the document also lists it (AWS lists http:// first, then https://).
  const secure = absolute?.startsWith('http:') ? servers.find((url) => url === `https:${absolute.slice('http:'.length)}`) : undefined;
  if (absolute !== undefined) return secure ?? absolute;
  const relative = servers.find((url) => url !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(url));
  const resolved = relative !== undefined && relativeTo !== undefined && URL.canParse(relative, relativeTo) ? new URL(relative, relativeTo).toString() : undefined;
  if (resolved !== undefined && isHttpUrl(resolved)) return resolved;
  if (typeof document.host === 'string' && document.host !== '') {
    const schemes = Array.isArray(document.schemes) ? document.schemes : [];
    // Only HTTP APIs are clients' business: a document that also lists ws/wss gets the HTTP scheme it lists.
    const scheme = schemes.includes('https') || !schemes.includes('http') ? 'https' : 'http';
    const url: string = `${scheme}://${document.host}${typeof document.basePath === 'string' ? document.basePath : ''}`;
    if (isHttpUrl(url)) return url;
  }
  return undefined;
}

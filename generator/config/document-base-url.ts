import { isObject } from '../openapi/index.ts';

/** An absolute http(s) URL a request can go to (no blank, a host). */
const isHttpUrl = (url: string): boolean => /^https?:\/\/[^\s/]+[^\s]*$/i.test(url) && URL.canParse(url);

/**
 * A server's URL with each `{name}` replaced by its variable's default (OpenAPI 3 requires one), as
 * clients resolve it: a template left as it is would send requests to a host named `{region}`.
 * `undefined` when a variable has no default.
 */
function serverUrl(server: Record<string, unknown>): string | undefined {
  if (typeof server.url !== 'string') return undefined;
  const variables = isObject(server.variables) ? server.variables : {};
  let unresolved = false;
  const url = server.url.replace(/\{([^{}]*)\}/g, (_match, name: string) => {
    const variable = Object.hasOwn(variables, name) ? variables[name] : undefined;
    const value = isObject(variable) ? variable.default : undefined;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    unresolved = true;
    return '';
  });
  return unresolved ? undefined : url;
}

/**
 * Where a document's API lives: its first absolute http(s) server, else its first relative one
 * resolved against `relativeTo` (where the document was read from), else Swagger 2.0's
 * `schemes`/`host`/`basePath`. `undefined` when the document names no server.
 */
export function documentBaseUrl(document: Record<string, unknown>, relativeTo?: string): string | undefined {
  const servers = (Array.isArray(document.servers) ? document.servers : []).filter(isObject).map(serverUrl);
  const absolute = servers.find((url) => url !== undefined && isHttpUrl(url));
  if (absolute !== undefined) return absolute;
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

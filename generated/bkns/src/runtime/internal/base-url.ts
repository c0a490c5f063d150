/** The base URL a client sends to, checked once at construction rather than failing every call. */
import { ApiError } from '../errors.js';

/**
 * `baseUrl` when it is an absolute http(s) URL without user info. Credentials in a URL would end up
 * in logs, hook events and error causes, and fetch refuses such URLs anyway, so they are refused here
 * with a message that names the option to use instead (and not the credentials).
 */
export function checkBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ApiError('baseUrl is not an absolute URL (e.g. https://my.example.com/api)');
  }
  if (url.username || url.password) {
    throw new ApiError(`baseUrl must not contain credentials (${url.protocol}//user:password@…): pass them as the \`auth\` option`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ApiError(`baseUrl must be an http or https URL, not ${url.protocol}`);
  return baseUrl;
}

/** URLs the client sends to: its base URL, checked once at construction, and redirect targets. */
import { ApiError } from '../errors.js';

/** `text` (resolved against `base`) as a URL when it is http(s); `undefined` when it is not a URL or another scheme. */
export function httpUrl(text: string, base?: string): URL | undefined {
  try {
    const url = new URL(text, base);
    return /^https?:$/.test(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `baseUrl` when it is an absolute http(s) URL without user info. Credentials in a URL would end up
 * in logs, hook events and error causes, and fetch refuses such URLs anyway, so they are refused here
 * with a message that names the option to use instead (and not the credentials).
 */
export function checkBaseUrl(baseUrl: string): string {
  const url = httpUrl(baseUrl);
  if (!url) throw new ApiError('baseUrl is not an absolute URL with http or https (e.g. https://my.example.com/api)');
  if (url.username || url.password) {
    throw new ApiError(`baseUrl must not contain credentials (${url.protocol}//user:password@…): pass them as the \`auth\` option`);
  }
  return baseUrl;
}

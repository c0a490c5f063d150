/**
 * Redaction: what logs, hook events and errors may show of headers and URLs. One rule for request and
 * response headers, so a credential the server echoes (`Set-Cookie`, a token header) is hidden too.
 */

const SENSITIVE_NAME = /auth|cookie|key|token|secret|pass|session|csrf|xsrf/i;
/** Challenges name the scheme a server wants, not a credential; they help explain a 401. */
const CHALLENGE_NAME = /^(?:www|proxy)-authenticate$/i;

export const REDACTED = '***';

/** Whether a header may carry a credential; `extraName` (lower case) is the provider's API key header. */
export function isSensitiveHeader(name: string, extraName?: string): boolean {
  return (SENSITIVE_NAME.test(name) && !CHALLENGE_NAME.test(name)) || name === extraName;
}

/** A `Headers` copy for errors, credentials replaced by `***` (`util.inspect(error)` prints it). */
export function redactedHeaders(headers: Headers, extraName?: string): Headers {
  const out = new Headers();
  headers.forEach((value, name) => out.append(name, isSensitiveHeader(name, extraName) ? REDACTED : value));
  return out;
}

/** A plain copy of the headers for hooks, credentials replaced by `***`. */
export function redactedHeaderRecord(headers: Headers, extraName?: string): Record<string, string> {
  // forEach, not Object.fromEntries(headers): packages must compile with `lib: ["DOM"]` alone (no DOM.Iterable).
  const out: Record<string, string> = {};
  redactedHeaders(headers, extraName).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/** Origin and path of a URL the server chose (a redirect target): no user info, no query. */
export function originAndPath(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

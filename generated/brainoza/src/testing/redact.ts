/**
 * What `calls` shows of a request: header values, query values and body fields that may hold
 * credentials read `***`, as the runtime's hook events show them.
 */

/** Header and query names, as the runtime's `redactHeaders` matches them. */
export const CREDENTIAL_NAME = /auth|cookie|key|token|secret|pass/i;
/** Body fields (narrower: a DNS record's `key` or `keyword` is data). */
const CREDENTIAL_FIELD = /pass|secret|token/i;

export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((v, k) => {
    out[k] = CREDENTIAL_NAME.test(k) ? '***' : v;
  });
  return out;
}

export function redactFields(value: unknown, depth = 0): unknown {
  if (depth > 16 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactFields(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, CREDENTIAL_FIELD.test(k) ? '***' : redactFields(v, depth + 1)]));
}

export function redactUrl(url: URL): string {
  const shown = new URL(url.href);
  shown.username = shown.password = '';
  for (const name of [...shown.searchParams.keys()]) if (CREDENTIAL_NAME.test(name)) shown.searchParams.set(name, '***');
  return shown.href;
}

/** Where a provider publishes its document, and what kind of answer to expect there. */

/**
 * `document`: a Swagger/OpenAPI file (HostBill serves it at `/?cmd=userapi&action=swagger`).
 * `page`: the HTML API page (HostBill's `/userapi`), for providers that publish no Swagger file.
 */
export type SpecKind = 'document' | 'page';

export function specKind(url: string): SpecKind {
  const parsed = new URL(url);
  return /\/userapi\/?$/i.test(parsed.pathname) && parsed.search === '' ? 'page' : 'document';
}

/** The URL without user name, password or query values, for messages: credentials never reach a log. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    for (const key of [...parsed.searchParams.keys()]) {
      if (/token|key|secret|pass|auth|sig/i.test(key)) parsed.searchParams.set(key, '***');
    }
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}

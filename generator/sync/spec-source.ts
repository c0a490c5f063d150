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

/**
 * Whether a route acts on an item that other, authenticated operations act on: `/domain/{id}/documents/{documentid}/download`
 * hangs under `/domain/{id}`, the account's own domain. Such an operation needs the account's credentials
 * whatever its sample shows, which is why an API page's curl sample without `-u` or a bearer header is not
 * enough to send it without them. Placeholders may be written `{id}` or `@id`.
 */

/** Marks an operation imported from an API page whose sample shows no credentials, though it keeps the global security. */
export const SAMPLE_WITHOUT_AUTH = 'x-clientgen-sample-without-auth';

const PLACEHOLDER = /^(?:@.+|\{.+\})$/;

const segments = (path: string): string[] => path.split('/').filter((s) => s !== '');
/** `/domain/{id}` and `/domain/@id` are one item. */
const shape = (parts: readonly string[]): string => parts.map((s) => (PLACEHOLDER.test(s) ? '{}' : s.toLowerCase())).join('/');

/**
 * The first item (a prefix of `path` ending in a placeholder, short of `path` itself) that one of
 * `authenticated` (paths of operations that send credentials) also runs through; undefined when none does.
 */
export function authenticatedItemOf(path: string, authenticated: readonly string[]): string | undefined {
  const own = segments(path);
  const others = authenticated.map((p) => shape(segments(p)));
  for (let end = 1; end < own.length; end++) {
    if (!PLACEHOLDER.test(own[end - 1] as string)) continue;
    const prefix = shape(own.slice(0, end));
    if (others.some((o) => o === prefix || o.startsWith(`${prefix}/`))) return `/${own.slice(0, end).join('/')}`;
  }
  return undefined;
}

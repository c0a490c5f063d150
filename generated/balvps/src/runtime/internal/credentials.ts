/**
 * What `auth` (or the environment) becomes: a header, an API key for the query, or a JWT session.
 * The result lives in a private field of the client, never on a property, an error or a log line.
 */
import { ApiError } from '../errors.js';
import type { AuthScheme, Credentials, JwtSession, ProviderDefaults, Send } from '../types.js';
import type { QueryKey } from './build-request.js';
import { readEnv } from './env.js';

export type Credential =
  | { readonly kind: 'none' }
  /** `name` in lower case. */
  | { readonly kind: 'header'; readonly name: string; readonly value: string }
  | { readonly kind: 'query'; readonly key: QueryKey }
  | { readonly kind: 'jwt'; readonly session: JwtSession };

export const NO_CREDENTIAL: Credential = { kind: 'none' };
const DEFAULT_API_KEY = { in: 'header', name: 'X-API-Key' } as const;

/** `<prefix>_USERNAME` and `<prefix>_PASSWORD`, when both are set. */
export function credentialsFromEnv(prefix: string): Credentials | undefined {
  const username = readEnv(prefix, 'USERNAME');
  const password = readEnv(prefix, 'PASSWORD');
  return username && password ? { username, password } : undefined;
}

/** `Basic base64(user:pass)`, UTF-8 encoded. */
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${username}:${password}`)))}`;
}

/** The scheme a username and password sign in with: the one asked for, else Basic when offered (or nothing is), else JWT. */
export function passwordScheme(asked: 'basic' | 'jwt' | undefined, offered: readonly AuthScheme[]): 'basic' | 'jwt' {
  if (asked === 'jwt' && !offered.includes('jwt')) {
    const list = offered.length ? offered.join(', ') : 'no sign-in scheme';
    throw new ApiError(`auth.scheme 'jwt' is not offered by this API (it offers ${list}): leave scheme out to sign in with Basic auth`);
  }
  return asked ?? (offered.includes('basic') || !offered.includes('jwt') ? 'basic' : 'jwt');
}

/** The credential for `auth`; a JWT session signs in through `send`, the client's own transport. */
export function resolveCredential(auth: Credentials | undefined, defaults: ProviderDefaults, send: Send): Credential {
  if (!auth) return NO_CREDENTIAL; // operations that need credentials get 401 from the API
  if ('token' in auth) return { kind: 'header', name: 'authorization', value: `Bearer ${auth.token}` };
  if ('apiKey' in auth) {
    const { in: where, name } = defaults.apiKey ?? DEFAULT_API_KEY;
    if (where === 'query') return { kind: 'query', key: [name, auth.apiKey] };
    // The Cookie header is the credential then: redacted, and dropped on a redirect to another origin, like any other.
    return where === 'cookie' ? { kind: 'header', name: 'cookie', value: `${name}=${auth.apiKey}` } : { kind: 'header', name: name.toLowerCase(), value: auth.apiKey };
  }
  if (passwordScheme(auth.scheme, defaults.authSchemes) === 'basic') {
    return { kind: 'header', name: 'authorization', value: basicAuthorization(auth.username, auth.password) };
  }
  const { jwtSession } = defaults;
  if (!jwtSession) {
    throw new ApiError("This client was generated without JWT sign-in: use Basic auth (scheme: 'basic') or a token");
  }
  return { kind: 'jwt', session: jwtSession(send, defaults.jwt, auth.username, auth.password) };
}

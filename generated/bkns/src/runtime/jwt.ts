import { ApiError, InvalidResponseError, ThrottleError } from './errors.js';
import type { JwtPaths, JwtSession, Send } from './types.js';

/**
 * JWT sign-in, opt-in: a generated client passes `jwtSession` in its provider defaults only when the
 * provider offers JWT, so bundles of other clients leave this module out.
 */

const DEFAULT_PATHS: JwtPaths = { login: '/login', refresh: '/token', revoke: '/revoke', logout: '/logout' };
const AUTH_OP = { method: 'POST', group: 'auth', pathParams: [], queryParams: [], bodyParams: [], body: 'whole', auth: false, response: 'json' } as const;

/** `exp` of a JWT in ms (payload decoded, not verified); Infinity when unreadable. */
export function expiry(token: string): number {
  try {
    const part = (token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
    const exp = (JSON.parse(atob(part)) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : Infinity;
  } catch {
    return Infinity;
  }
}

/** Credentials live only in this closure: never on the client, an error or a log line. */
export function jwtSession(send: Send, paths: JwtPaths = DEFAULT_PATHS, username: string, password: string): JwtSession {
  let token: string | undefined;
  let refresh: string | undefined;
  let exp = 0;
  let pending: Promise<string> | undefined;

  /** An unauthenticated POST with a JSON body, and the access token when given. */
  const post = (path: string, body: object, bearer?: string) =>
    send({ ...AUTH_OP, path, name: path }, { body }, bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {});

  const store = (r: unknown): string => {
    const { token: t, refresh: f } = (r ?? {}) as { token?: unknown; refresh?: unknown };
    if (typeof t !== 'string' || !t) throw new InvalidResponseError('JWT response carried no token');
    token = t;
    refresh = typeof f === 'string' && f ? f : undefined; // no refresh token (BKNS): log in again instead
    exp = expiry(t);
    return t;
  };

  const obtain = (): Promise<string> =>
    (pending ??= (async () => {
      try {
        if (refresh) {
          try {
            return store(await post(paths.refresh, { refresh_token: refresh }));
          } catch (e) {
            // A refused refresh token (expired, revoked) falls back to one login; outages and throttles do not.
            if (!(e instanceof ApiError) || e instanceof ThrottleError || !e.status || e.status >= 500) throw e;
            refresh = undefined;
          }
        }
        return store(await post(paths.login, { username, password }));
      } finally {
        pending = undefined;
      }
    })());

  return {
    token: () => (token && exp - Date.now() > 30_000 ? Promise.resolve(token) : obtain()),
    renew: (used) => pending ?? (token && token !== used ? Promise.resolve(token) : ((token = undefined), obtain())),
    async logout() {
      await pending?.catch(() => {});
      const [t, r] = [token, refresh];
      token = refresh = undefined;
      if (r && paths.revoke) await post(paths.revoke, { refresh_token: r }, t);
      else if (t && paths.logout) await post(paths.logout, {}, t);
    },
  };
}

import { ApiError, InvalidResponseError, ThrottleError } from './errors.js';

/** Sends an unauthenticated POST with a JSON body (and a bearer token when given); resolves the parsed body. */
export type Post = (path: string, body: object, bearer?: string) => Promise<unknown>;

export interface JwtPaths {
  login: string;
  refresh: string;
  revoke?: string | undefined;
  logout?: string | undefined;
}

export interface JwtSession {
  /** A current access token: logs in on first use, refreshes within 30 s of `exp`. */
  token(): Promise<string>;
  /** A new token after `used` was refused with 401; one refresh however many calls ask. */
  renew(used: string): Promise<string>;
  /** Revokes the tokens (or logs out) and forgets them. */
  logout(): Promise<void>;
}

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
export function jwtSession(post: Post, paths: JwtPaths, username: string, password: string): JwtSession {
  let token: string | undefined;
  let refresh: string | undefined;
  let exp = 0;
  let pending: Promise<string> | undefined;

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

/**
 * JWT sign-in, opt-in: a generated client passes `jwtSession` in its provider defaults only when the
 * provider offers JWT, so bundles of other clients leave this module out.
 */
import { ApiError, InvalidResponseError, ThrottleError } from './errors.js';
import type { JwtPaths, JwtSession, Send } from './types.js';

const DEFAULT_PATHS: JwtPaths = { login: '/login', refresh: '/token', revoke: '/revoke', logout: '/logout' };
const AUTH_OP = { method: 'POST', group: 'auth', pathParams: [], queryParams: [], bodyParams: [], body: 'whole', auth: false, response: 'json' } as const;

/** Refresh at most this long before `exp`… */
const MAX_REFRESH_MARGIN_MS = 30_000;
/** …and at most this share of the token's lifetime before it, so a 30 s token is not refreshed on every call. */
const REFRESH_MARGIN_SHARE = 0.1;

/** `exp` and `iat` of a JWT in ms (payload decoded, not verified); `exp` is Infinity when unreadable. */
export function claims(token: string): { exp: number; iat?: number | undefined } {
  try {
    const part = (token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
    const { exp, iat } = JSON.parse(atob(part)) as { exp?: unknown; iat?: unknown };
    return { exp: typeof exp === 'number' ? exp * 1000 : Infinity, iat: typeof iat === 'number' ? iat * 1000 : undefined };
  } catch {
    return { exp: Infinity };
  }
}

/**
 * When to refresh a token expiring at `exp`: 30 s before it, or 10 % of its lifetime (from `iat`,
 * else from when it was obtained) when that is shorter.
 */
export function refreshAt(exp: number, issuedAt: number): number {
  const lifetime = Math.max(exp - issuedAt, 0);
  return exp - Math.min(MAX_REFRESH_MARGIN_MS, lifetime * REFRESH_MARGIN_SHARE);
}

/** A refused refresh token (expired, revoked) falls back to one login; outages and throttles do not. */
const isRefusedRefresh = (error: unknown): boolean => error instanceof ApiError && !(error instanceof ThrottleError) && !!error.status && error.status < 500;

/** Credentials live only in this closure: never on the client, an error or a log line. */
export function jwtSession(send: Send, paths: JwtPaths = DEFAULT_PATHS, username: string, password: string): JwtSession {
  let token: string | undefined;
  let refresh: string | undefined;
  let refreshDue = 0;
  let pending: Promise<string> | undefined;

  /** An unauthenticated POST with a JSON body, and the access token when given. */
  const post = (path: string, body: object, bearer?: string) =>
    send({ ...AUTH_OP, path, name: path }, { body }, bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {});

  const store = (response: unknown): string => {
    const body = (response ?? {}) as Record<string, unknown>;
    const access = body[paths.tokenField ?? 'token'];
    const refreshed = body[paths.refreshField ?? 'refresh'];
    if (typeof access !== 'string' || !access) throw new InvalidResponseError('JWT response carried no token');
    const { exp, iat } = claims(access);
    token = access;
    refresh = typeof refreshed === 'string' && refreshed ? refreshed : undefined; // none (BKNS): log in again instead
    refreshDue = refreshAt(exp, iat ?? Date.now());
    return access;
  };

  const refreshOrLogin = async (): Promise<string> => {
    if (refresh) {
      try {
        return store(await post(paths.refresh, { refresh_token: refresh }));
      } catch (error) {
        if (!isRefusedRefresh(error)) throw error;
        refresh = undefined;
      }
    }
    return store(await post(paths.login, { username, password }));
  };

  /** One sign-in at a time, however many calls ask. */
  const obtain = (): Promise<string> => (pending ??= refreshOrLogin().finally(() => (pending = undefined)));

  return {
    token: () => (token && Date.now() < refreshDue ? Promise.resolve(token) : obtain()),
    renew: (used) => pending ?? (token && token !== used ? Promise.resolve(token) : ((token = undefined), obtain())),
    async logout() {
      await pending?.catch(() => {});
      const [access, refreshToken] = [token, refresh];
      token = refresh = undefined;
      if (refreshToken && paths.revoke) await post(paths.revoke, { refresh_token: refreshToken }, access);
      else if (access && paths.logout) await post(paths.logout, {}, access);
    },
  };
}

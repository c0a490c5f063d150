/**
 * JWTs as HostBill hands them out, for code that signs in with `scheme: 'jwt'`: `POST /login`
 * gives `{ token, refresh }`, the access token carries an `exp` claim, `POST /token` rotates both
 * (the old refresh token stops working), `/revoke` ends both and `/logout` the access token.
 * The tokens are unsigned (`alg: none`): the mock only needs to recognise its own.
 */

export interface TokenPair {
  readonly token: string;
  readonly refresh: string;
}

export type TokenState = 'valid' | 'expired' | 'unknown';

export interface JwtIssuer {
  login(username: string): TokenPair;
  /** A new pair for a current refresh token (which then stops working); `undefined` for any other. */
  rotate(refreshToken: string): TokenPair | undefined;
  /** Ends the refresh token and its access token, found by either. */
  revoke(token: string): boolean;
  /** Ends an access token. */
  logout(token: string): boolean;
  check(token: string): TokenState;
}

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const HEADER = base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }));

/** `lifetime` in seconds; `now` in ms (the test's clock, so expiry needs no waiting). */
export function createJwtIssuer(lifetime: number, now: () => number): JwtIssuer {
  let serial = 0;
  /** Access token → its expiry (ms) and refresh token. */
  const access = new Map<string, { exp: number; refresh: string }>();
  /** Refresh token → its access token. */
  const refresh = new Map<string, string>();

  const make = (username: string, kind: string, exp: number) =>
    `${HEADER}.${base64url(JSON.stringify({ sub: username, typ: kind, jti: `mock-${++serial}`, iat: Math.floor(now() / 1000), exp: Math.floor(exp / 1000) }))}.mock`;

  const issue = (username: string): TokenPair => {
    const exp = now() + lifetime * 1000;
    const pair = { token: make(username, 'access', exp), refresh: make(username, 'refresh', exp + lifetime * 1000) };
    access.set(pair.token, { exp, refresh: pair.refresh });
    refresh.set(pair.refresh, pair.token);
    return pair;
  };

  const subject = (token: string): string => {
    try {
      const part = (token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
      return String((JSON.parse(atob(part)) as { sub?: unknown }).sub ?? '');
    } catch {
      return '';
    }
  };

  const end = (refreshToken: string) => {
    const token = refresh.get(refreshToken);
    refresh.delete(refreshToken);
    if (token !== undefined) access.delete(token);
  };

  return {
    login: issue,
    rotate(refreshToken) {
      if (!refresh.has(refreshToken)) return undefined;
      end(refreshToken);
      return issue(subject(refreshToken));
    },
    revoke(token) {
      const viaAccess = access.get(token)?.refresh;
      if (viaAccess !== undefined) {
        end(viaAccess);
        return true;
      }
      if (!refresh.has(token)) return false;
      end(token);
      return true;
    },
    logout(token) {
      return access.delete(token);
    },
    check(token) {
      const entry = access.get(token);
      if (!entry) return 'unknown';
      return entry.exp > now() ? 'valid' : 'expired';
    },
  };
}

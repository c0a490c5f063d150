import type { OperationSpec } from '../runtime/types.js';
import type { JwtIssuer } from './jwt.js';
import { errorReply, type Reply } from './reply.js';

/**
 * Who may call what, as HostBill decides it: Basic credentials on every request (checked against
 * the test's account when it set one), or a Bearer token the mock's own `/login` issued and has not
 * expired or ended; refusals are 401 with HostBill's entries (`wronglogin`, `unauthorized`).
 * The JWT endpoints are recognised by route: `POST /login`, `/token`, `/revoke`, `/logout`.
 */

export interface Account {
  readonly username: string;
  readonly password: string;
}

const JWT_ROUTE = /^\/?(login|token|revoke|logout)$/;
const bearerOf = (authorization: string) => /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];

/** `[user, password]` of a Basic header, or `undefined`. */
function basicCredentials(authorization: string): [string, string] | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(authorization);
  if (!match) return undefined;
  try {
    const text = new TextDecoder().decode(Uint8Array.from(atob(match[1] as string), (c) => c.charCodeAt(0)));
    const colon = text.indexOf(':');
    return colon < 0 ? undefined : [text.slice(0, colon), text.slice(colon + 1)];
  } catch {
    return undefined;
  }
}

/** `undefined` when the request may proceed; else the refusal. */
export function authenticate(op: OperationSpec, authorization: string, account: Account | undefined, jwt: JwtIssuer): Reply | undefined {
  if (!op.auth) return undefined;
  const bearer = bearerOf(authorization);
  if (bearer !== undefined) return jwt.check(bearer) === 'valid' ? undefined : errorReply(401, ['unauthorized']);
  const basic = basicCredentials(authorization);
  if (!basic) return errorReply(401, ['unauthorized']);
  if (account && (basic[0] !== account.username || basic[1] !== account.password)) return errorReply(401, ['wronglogin']);
  return undefined;
}

/**
 * The answer of a JWT endpoint, `undefined` for any other operation. Success answers keep the
 * documented answer's other fields (`documented`) beside the tokens.
 */
export function jwtEndpoint(
  op: OperationSpec,
  body: Readonly<Record<string, unknown>>,
  authorization: string,
  account: Account | undefined,
  jwt: JwtIssuer,
  documented: unknown,
): Reply | undefined {
  const endpoint = op.method === 'POST' ? JWT_ROUTE.exec(op.path)?.[1] : undefined;
  if (!endpoint) return undefined;
  const bearer = bearerOf(authorization);
  const refused = errorReply(401, ['unauthorized']);
  const answer = (extra: object): Reply => ({ status: 200, json: { ...(documented !== null && typeof documented === 'object' ? documented : {}), ...extra } });
  const refreshToken = typeof body['refresh_token'] === 'string' ? body['refresh_token'] : undefined;
  switch (endpoint) {
    case 'login': {
      const { username, password } = body;
      const given = typeof username === 'string' && typeof password === 'string' && username !== '' && password !== '';
      if (!given || (account && (username !== account.username || password !== account.password))) return errorReply(401, ['wronglogin']);
      return answer(jwt.login(username));
    }
    case 'token': {
      const pair = refreshToken === undefined ? undefined : jwt.rotate(refreshToken);
      return pair ? answer(pair) : refused;
    }
    case 'revoke': {
      const token = refreshToken ?? bearer;
      return token !== undefined && jwt.revoke(token) ? answer({}) : refused;
    }
    default:
      return bearer !== undefined && jwt.logout(bearer) ? answer({}) : refused;
  }
}

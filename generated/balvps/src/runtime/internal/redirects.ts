/**
 * Redirects, followed by the client itself (fetch is called with `redirect: 'manual'`) so that no
 * credential follows a redirect to another origin: fetch drops Basic and Bearer `Authorization`
 * there, but keeps API key headers, query keys and a sign-in body.
 */
import { RedirectError, RedirectLoopError } from '../errors.js';
import { isSensitiveHeader, originAndPath } from './redact.js';

/** One request as it goes to fetch. */
export interface OutgoingRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | undefined;
}

export interface RedirectPolicy {
  /** Redirects followed per attempt. */
  readonly maxRedirects: number;
  /** Follow a redirect to another origin, without credentials. */
  readonly allowCrossOrigin: boolean;
  /** The body carries a credential (JWT sign-in, refresh, revoke): never to another origin. */
  readonly secretBody: boolean;
  /** The query parameter holding the API key, dropped on the way to another origin. */
  readonly secretParam?: string | undefined;
  /** The header holding the credential (lower case), dropped on the way to another origin. */
  readonly secretHeader?: string | undefined;
}

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** The redirect target, when `status` is a redirect with a Location; `undefined` for any other response. */
export function redirectLocation(status: number, headers: Headers): string | undefined {
  return REDIRECT_STATUSES.has(status) ? (headers.get('location') ?? undefined) : undefined;
}

/** 303 turns any method but HEAD into GET; 301 and 302 turn POST into GET (as fetch does); 307 and 308 keep both. */
export function becomesGet(status: number, method: string): boolean {
  return status === 303 ? method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST';
}

function targetOf(location: string, from: OutgoingRequest, status: number, label: string): URL {
  let target: URL | undefined;
  try {
    target = new URL(location, from.url);
  } catch {
    // fall through: unusable
  }
  if (!target || !/^https?:$/.test(target.protocol) || target.username || target.password) {
    throw new RedirectError(`${label}: ${status} redirect to an unusable Location`, { status });
  }
  return target;
}

/** The request without any credential: auth and key headers, cookies, the API key in the query. */
function withoutCredentials(headers: Headers, target: URL, policy: RedirectPolicy): Headers {
  const kept = new Headers();
  headers.forEach((value, name) => {
    if (!isSensitiveHeader(name, policy.secretHeader)) kept.append(name, value);
  });
  if (policy.secretParam) target.searchParams.delete(policy.secretParam);
  return kept;
}

/**
 * The request a redirect asks for. To another origin: a `RedirectError` unless `allowCrossOrigin`
 * (and never for a secret body); when allowed, the request goes without credentials.
 */
export function redirectedRequest(from: OutgoingRequest, status: number, location: string, policy: RedirectPolicy, label: string): OutgoingRequest {
  const target = targetOf(location, from, status, label);
  const crossOrigin = target.origin !== new URL(from.url).origin;
  if (crossOrigin && (policy.secretBody || !policy.allowCrossOrigin)) {
    const why = policy.secretBody ? 'sign-in requests never follow one' : 'set baseUrl to the new address, or allowCrossOriginRedirects to follow without credentials';
    throw new RedirectError(`${label}: ${status} redirect to another origin (${target.origin}) refused: ${why}`, { status, location: originAndPath(target) });
  }
  const toGet = becomesGet(status, from.method);
  const headers = crossOrigin ? withoutCredentials(from.headers, target, policy) : new Headers(from.headers);
  if (toGet) headers.delete('content-type');
  return { url: target.href, method: toGet ? 'GET' : from.method, headers, body: toGet ? undefined : from.body };
}

/**
 * What a fetch that follows redirects itself (or a browser's) hides: where a redirect went. An
 * answer from another origin is refused (so a token from there is never taken), though the request
 * has already been sent there.
 */
export function checkFollowedByFetch(response: Response, request: OutgoingRequest, policy: RedirectPolicy, label: string): void {
  if (response.type === 'opaqueredirect') {
    throw new RedirectError(`${label}: redirected where this fetch does not say: set baseUrl to the final address`);
  }
  if (!response.redirected || !response.url) return;
  const final = new URL(response.url);
  if (final.origin !== new URL(request.url).origin && (policy.secretBody || !policy.allowCrossOrigin)) {
    throw new RedirectError(`${label}: fetch followed a redirect to another origin (${final.origin}); its answer is refused`, { location: originAndPath(final) });
  }
}

/** A redirect being followed: the response that asked for it and the request that follows. */
export type RedirectHop = (response: Response, next: OutgoingRequest) => void;

/**
 * Sends `request`, following redirects: same-origin ones up to `maxRedirects`, others as the policy
 * says. A target already visited is a `RedirectLoopError` at once, as is one redirect too many.
 */
export async function sendFollowingRedirects(
  send: (request: OutgoingRequest) => Promise<Response>,
  request: OutgoingRequest,
  policy: RedirectPolicy,
  label: string,
  onHop?: RedirectHop,
): Promise<Response> {
  const visited = new Set([request.url]);
  let current = request;
  for (let hop = 0; hop <= policy.maxRedirects; hop++) {
    const response = await send(current);
    checkFollowedByFetch(response, current, policy, label);
    const location = redirectLocation(response.status, response.headers);
    if (location === undefined) return response;
    await response.body?.cancel().catch(() => {});
    const next = redirectedRequest(current, response.status, location, policy, label);
    if (visited.has(next.url)) {
      throw new RedirectLoopError(`${label}: redirect loop back to ${originAndPath(new URL(next.url))}`, { status: response.status });
    }
    visited.add(next.url);
    onHop?.(response, next);
    current = next;
  }
  throw new RedirectLoopError(`${label}: more than ${policy.maxRedirects} redirects (maxRedirects)`);
}

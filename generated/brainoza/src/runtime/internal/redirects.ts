/**
 * Redirects, followed by the client itself (fetch is called with `redirect: 'manual'`) so that no
 * credential follows a redirect to another origin: fetch drops Basic and Bearer `Authorization`
 * there, but keeps API key headers, query keys and a sign-in body.
 */
import { RedirectError, RedirectLoopError } from '../errors.js';
import { httpUrl } from './base-url.js';
import { isSensitiveHeader, originAndPath } from './redact.js';

/** One request as it goes to fetch. */
export interface OutgoingRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | undefined;
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

const REDIRECT_STATUSES: readonly number[] = [301, 302, 303, 307, 308];

/** The redirect target, when `status` is a redirect with a Location; `undefined` for any other response. */
export function redirectLocation(status: number, headers: Headers): string | undefined {
  return REDIRECT_STATUSES.includes(status) ? (headers.get('location') ?? undefined) : undefined;
}

/** 303 turns any method but HEAD into GET; 301 and 302 turn POST into GET (as fetch does); 307 and 308 keep both. */
export function becomesGet(status: number, method: string): boolean {
  return status === 303 ? method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST';
}

/** Whether `target` is on another origin than `from`, and the policy refuses to go there. */
const refusedOrigin = (target: URL, from: string, policy: RedirectPolicy): boolean =>
  target.origin !== new URL(from).origin && (policy.secretBody || !policy.allowCrossOrigin);

/**
 * The request a redirect asks for. To another origin: a `RedirectError` unless `allowCrossOrigin`
 * (and never for a secret body); when allowed, the request goes without any credential (auth and
 * key headers, cookies, the API key in the query).
 */
export function redirectedRequest(from: OutgoingRequest, status: number, location: string, policy: RedirectPolicy, label: string): OutgoingRequest {
  const target = httpUrl(location, from.url);
  if (!target || target.username || target.password) {
    throw new RedirectError(`${label}: ${status} redirect to an unusable Location`, { status });
  }
  if (refusedOrigin(target, from.url, policy)) {
    const why = policy.secretBody ? 'sign-in requests never follow one' : 'set baseUrl to the new address, or allowCrossOriginRedirects to follow without credentials';
    throw new RedirectError(`${label}: ${status} redirect to another origin (${target.origin}) refused: ${why}`, { status, location: originAndPath(target) });
  }
  const crossOrigin = target.origin !== new URL(from.url).origin;
  const toGet = becomesGet(status, from.method);
  if (!toGet && from.body instanceof ReadableStream) throw new RedirectError(`${label}: ${status} redirect would send the stream body again, which a stream cannot`, { status });
  const headers = new Headers();
  from.headers.forEach((value, name) => {
    const dropped = (crossOrigin && isSensitiveHeader(name, policy.secretHeader)) || (toGet && name === 'content-type');
    if (!dropped) headers.append(name, value);
  });
  if (crossOrigin && policy.secretParam) target.searchParams.delete(policy.secretParam);
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
  const final = response.redirected && response.url ? new URL(response.url) : undefined;
  if (final && refusedOrigin(final, request.url, policy)) {
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
  const visited = [request.url];
  let current = request;
  for (let hop = 0; hop <= policy.maxRedirects; hop++) {
    const response = await send(current);
    checkFollowedByFetch(response, current, policy, label);
    const location = redirectLocation(response.status, response.headers);
    if (location === undefined) return response;
    await response.body?.cancel().catch(() => {});
    current = redirectedRequest(current, response.status, location, policy, label);
    if (visited.includes(current.url)) {
      throw new RedirectLoopError(`${label}: redirect loop back to ${originAndPath(new URL(current.url))}`, { status: response.status });
    }
    visited.push(current.url);
    onHop?.(response, current);
  }
  throw new RedirectLoopError(`${label}: more than ${policy.maxRedirects} redirects (maxRedirects)`);
}

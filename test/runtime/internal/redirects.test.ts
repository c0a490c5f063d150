import { describe, expect, it } from 'vitest';
import { RedirectError, RedirectLoopError } from '../../../templates/runtime/index.ts';
import {
  becomesGet,
  checkFollowedByFetch,
  redirectedRequest,
  redirectLocation,
  sendFollowingRedirects,
  type OutgoingRequest,
  type RedirectPolicy,
} from '../../../templates/runtime/internal/redirects.ts';

const policy = (extra: Partial<RedirectPolicy> = {}): RedirectPolicy => ({ maxRedirects: 10, allowCrossOrigin: false, secretBody: false, ...extra });
const post = (url = 'https://api.example/v1/x?api_key=k-1'): OutgoingRequest => ({
  url,
  method: 'POST',
  headers: new Headers({ authorization: 'Basic abc', 'x-key': 'k-2', cookie: 'c=1', 'content-type': 'application/json', 'x-extra': 'kept' }),
  body: '{"a":1}',
});

describe('redirectLocation', () => {
  it.each([
    [301, '/a', '/a'],
    [302, '/a', '/a'],
    [303, '/a', '/a'],
    [307, '/a', '/a'],
    [308, '/a', '/a'],
    [300, '/a', undefined],
    [304, '/a', undefined],
    [200, '/a', undefined],
    [302, undefined, undefined],
  ])('%i with Location %s → %s', (status, location, want) => {
    expect(redirectLocation(status, new Headers(location ? { location } : {}))).toBe(want);
  });
});

describe('becomesGet', () => {
  it.each([
    [303, 'POST', true],
    [303, 'PUT', true],
    [303, 'HEAD', false],
    [301, 'POST', true],
    [302, 'POST', true],
    [302, 'PUT', false],
    [302, 'DELETE', false],
    [307, 'POST', false],
    [308, 'POST', false],
  ])('%i %s → %s', (status, method, want) => expect(becomesGet(status, method)).toBe(want));
});

describe('redirectedRequest', () => {
  it('same origin, 307: method, body and every header kept; relative Location resolved', () => {
    const next = redirectedRequest(post(), 307, '../v2/x', policy(), 'POST /v1/x');
    expect(next.url).toBe('https://api.example/v2/x');
    expect(next.method).toBe('POST');
    expect(next.body).toBe('{"a":1}');
    expect(next.headers.get('authorization')).toBe('Basic abc');
    expect(next.headers.get('content-type')).toBe('application/json');
  });

  it('same origin, 303: GET without body or content type', () => {
    const next = redirectedRequest(post(), 303, '/done', policy(), 'POST /v1/x');
    expect([next.method, next.body, next.headers.get('content-type'), next.headers.get('authorization')]).toEqual(['GET', undefined, null, 'Basic abc']);
  });

  it('a stream body cannot follow a 307 (it would be sent again), but may become a GET on a 303', () => {
    const streamed = { ...post(), body: new ReadableStream() };
    expect(() => redirectedRequest(streamed, 307, '/v2/x', policy(), 'POST /v1/x')).toThrow(new RedirectError('POST /v1/x: 307 redirect would send the stream body again, which a stream cannot', { status: 307 }));
    expect(redirectedRequest(streamed, 303, '/done', policy(), 'POST /v1/x').body).toBeUndefined();
  });

  it('another origin is refused by default, naming the origin and the way out', () => {
    const run = () => redirectedRequest(post(), 302, 'https://evil.example/steal?x=1', policy(), 'POST /v1/x');
    expect(run).toThrow(RedirectError);
    expect(run).toThrow(/^POST \/v1\/x: 302 redirect to another origin \(https:\/\/evil\.example\) refused: set baseUrl .* allowCrossOriginRedirects/);
    const error = (() => {
      try {
        run();
      } catch (e) {
        return e as RedirectError;
      }
    })();
    expect(error?.location).toBe('https://evil.example/steal');
    expect(error?.status).toBe(302);
  });

  it('http → https on the same host is another origin too', () => {
    expect(() => redirectedRequest(post('http://api.example/x'), 301, 'https://api.example/x', policy(), 'POST /x')).toThrow(RedirectError);
  });

  it('another origin, when allowed: followed without any credential', () => {
    const next = redirectedRequest(post(), 307, 'https://other.example/x?api_key=k-1&y=2', policy({ allowCrossOrigin: true, secretParam: 'api_key', secretHeader: 'x-key' }), 'POST /v1/x');
    expect(next.url).toBe('https://other.example/x?y=2');
    expect([...next.headers.keys()].sort()).toEqual(['content-type', 'x-extra']);
    expect(next.body).toBe('{"a":1}');
  });

  it('a sign-in body never goes to another origin, even when allowed', () => {
    expect(() => redirectedRequest(post(), 307, 'https://other.example/login', policy({ allowCrossOrigin: true, secretBody: true }), 'POST /login')).toThrow(
      /sign-in requests never follow one/,
    );
  });

  it.each(['javascript:alert(1)', 'ftp://api.example/x', 'https://u:p@api.example/x', 'http://[::1'])('an unusable Location (%s) is a RedirectError', (location) => {
    expect(() => redirectedRequest(post(), 302, location, policy({ allowCrossOrigin: true }), 'POST /v1/x')).toThrow(/unusable Location/);
  });
});

describe('checkFollowedByFetch', () => {
  const request = post('https://api.example/x');
  const followed = (url: string) => Object.defineProperties(new Response('{}'), { redirected: { value: true }, url: { value: url } });
  it('refuses an answer fetch fetched from another origin by itself', () => {
    expect(() => checkFollowedByFetch(followed('https://other.example/x'), request, policy(), 'GET /x')).toThrow(/fetch followed a redirect to another origin/);
    expect(() => checkFollowedByFetch(followed('https://other.example/x'), request, policy({ allowCrossOrigin: true }), 'GET /x')).not.toThrow();
    expect(() => checkFollowedByFetch(followed('https://other.example/x'), request, policy({ allowCrossOrigin: true, secretBody: true }), 'GET /x')).toThrow(RedirectError);
  });
  it('accepts a same-origin one, and says so when a browser hides the redirect', () => {
    expect(() => checkFollowedByFetch(followed('https://api.example/y'), request, policy(), 'GET /x')).not.toThrow();
    const opaque = Object.defineProperty(new Response(null), 'type', { value: 'opaqueredirect' });
    expect(() => checkFollowedByFetch(opaque, request, policy(), 'GET /x')).toThrow(/where this fetch does not say/);
  });
});

describe('sendFollowingRedirects', () => {
  /** A fake transport: `routes[path]` answers; every request is recorded. */
  const transport = (routes: Record<string, () => Response>) => {
    const sent: OutgoingRequest[] = [];
    const send = async (r: OutgoingRequest) => {
      sent.push(r);
      const route = routes[new URL(r.url).pathname];
      return route ? route() : new Response('missing', { status: 404 });
    };
    return { sent, send };
  };
  const redirect = (status: number, location: string) => () => new Response(null, { status, headers: { location } });
  const get: OutgoingRequest = { url: 'https://api.example/a', method: 'GET', headers: new Headers(), body: undefined };

  it('follows a chain to its end and reports each hop', async () => {
    const { sent, send } = transport({ '/a': redirect(301, '/b'), '/b': redirect(302, '/c'), '/c': () => new Response('ok') });
    const hops: string[] = [];
    const response = await sendFollowingRedirects(send, get, policy(), 'GET /a', (from, next) => hops.push(`${from.status} ${next.url}`));
    expect(await response.text()).toBe('ok');
    expect(sent.map((r) => new URL(r.url).pathname)).toEqual(['/a', '/b', '/c']);
    expect(hops).toEqual(['301 https://api.example/b', '302 https://api.example/c']);
  });

  it('stops a loop at the first repeated address', async () => {
    const { sent, send } = transport({ '/a': redirect(302, '/b'), '/b': redirect(302, '/a') });
    await expect(sendFollowingRedirects(send, get, policy(), 'GET /a')).rejects.toThrow(RedirectLoopError);
    expect(sent).toHaveLength(2);
  });

  it('stops after maxRedirects', async () => {
    const routes = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`/r${i}`, redirect(302, `/r${i + 1}`)]));
    const { sent, send } = transport(routes);
    const start = { ...get, url: 'https://api.example/r0' };
    await expect(sendFollowingRedirects(send, start, policy({ maxRedirects: 3 }), 'GET /r0')).rejects.toThrow(/more than 3 redirects/);
    expect(sent).toHaveLength(4);
  });

  it('hands back a 3xx without Location as the response', async () => {
    const { send } = transport({ '/a': () => new Response(null, { status: 302 }) });
    expect((await sendFollowingRedirects(send, get, policy(), 'GET /a')).status).toBe(302);
  });
});

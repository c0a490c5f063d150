import { describe, expect, it } from 'vitest';
import { ApiConnectionError, ApiError, ApiTimeoutError, RedirectError, ResponseTooLargeError, ThrottleError } from '../../../templates/runtime/index.ts';
import { backoffMs, isRetriable, maxRetriesFor, nextRetryDelay, retryAfterMs } from '../../../templates/runtime/internal/retry.ts';
import type { HttpMethod, RequestOptions } from '../../../templates/runtime/types.ts';

describe('maxRetriesFor', () => {
  const cases: [method: HttpMethod, call: RequestOptions, client: number | undefined, want: number][] = [
    ['GET', {}, undefined, 2],
    ['GET', {}, 5, 5],
    ['GET', { maxRetries: 1 }, 5, 1],
    ['GET', { retry: false }, 5, 0],
    ['PUT', {}, undefined, 2],
    ['DELETE', {}, undefined, 2],
    ['POST', {}, 5, 0],
    ['PATCH', { maxRetries: 3 }, undefined, 0],
    ['POST', { retry: true }, undefined, 2],
    ['POST', { retry: true, maxRetries: 4 }, undefined, 4],
  ];
  it.each(cases)('%s %j (client %s) → %i', (method, call, client, want) => expect(maxRetriesFor(method, call, client)).toBe(want));
});

describe('isRetriable', () => {
  const status = (s: number) => new ApiError('x', { status: s });
  const cases: [name: string, error: ApiError, want: boolean][] = [
    ['connection error', new ApiConnectionError('x'), true],
    ['timeout', new ApiTimeoutError('x'), true],
    ['408', status(408), true],
    ['429', status(429), true],
    ['500', status(500), true],
    ['503', status(503), true],
    ['400', status(400), false],
    ['401', status(401), false],
    ['404', status(404), false],
    ['409', status(409), false],
    ['a throttle, even with 429', new ThrottleError('x', { status: 429, waitSeconds: 3 }), false],
    ['a redirect the client refused', new RedirectError('x', { status: 302 }), false],
    ['a body over the limit', new ResponseTooLargeError('x', { status: 200, limit: 1 }), false],
    ['no status', new ApiError('x'), false],
  ];
  it.each(cases)('%s → %s', (_, error, want) => expect(isRetriable(error)).toBe(want));
});

describe('retryAfterMs', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');
  const cases: [header: string | null, want: number | undefined][] = [
    [null, undefined],
    ['', undefined],
    ['3', 3000],
    ['0', 0],
    ['1.5', 1500],
    ['Sun, 01 Jun 2025 12:00:05 GMT', 5000],
    ['Sun, 01 Jun 2025 11:59:00 GMT', 0],
    ['soon', undefined],
  ];
  it.each(cases)('%s → %s', (header, want) => expect(retryAfterMs(header, now)).toBe(want));
});

describe('backoffMs', () => {
  const cases: [retry: number, random: number, want: number][] = [
    [1, 0, 500],
    [2, 0, 1000],
    [3, 0, 2000],
    [5, 0, 8000],
    [9, 0, 8000],
    [1, 1, 375],
    [2, 0.5, 875],
  ];
  it.each(cases)('retry %i, random %d → %d ms', (retry, random, want) => expect(backoffMs(retry, random)).toBe(want));
});

describe('nextRetryDelay', () => {
  const withRetryAfter = (value: string) => new ApiError('x', { status: 503, headers: new Headers({ 'retry-after': value }) });
  it('is undefined once the retries are spent, or for an error that is not retried', () => {
    expect(nextRetryDelay(new ApiError('x', { status: 503 }), 2, 2)).toBeUndefined();
    expect(nextRetryDelay(new ApiError('x', { status: 404 }), 0, 2)).toBeUndefined();
  });
  it('follows Retry-After up to 60 s, and gives up on a longer one', () => {
    expect(nextRetryDelay(withRetryAfter('7'), 0, 2)).toBe(7000);
    expect(nextRetryDelay(withRetryAfter('60'), 0, 2)).toBe(60_000);
    expect(nextRetryDelay(withRetryAfter('61'), 0, 2)).toBeUndefined();
  });
  it('backs off by the retry number without Retry-After', () => {
    const delay = nextRetryDelay(new ApiConnectionError('x'), 1, 2);
    expect(delay).toBeGreaterThan(750);
    expect(delay).toBeLessThanOrEqual(1000);
  });
});

/** When a failed attempt is tried again, and after how long. */
import { ApiConnectionError, type ApiError, ThrottleError } from '../errors.js';
import type { HttpMethod, RequestOptions } from '../types.js';

export const DEFAULT_MAX_RETRIES = 2;

/** Longest Retry-After the client waits; a longer one fails the call at once (headers keep the value). */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Retries allowed for a call: none for POST/PATCH unless it opts in (`retry: true`), none with `retry: false`. */
export function maxRetriesFor(method: HttpMethod, call: RequestOptions<string>, clientMaxRetries: number | undefined): number {
  if (call.retry === false) return 0;
  if (!call.retry && (method === 'POST' || method === 'PATCH')) return 0;
  return call.maxRetries ?? clientMaxRetries ?? DEFAULT_MAX_RETRIES;
}

/** Connection errors, timeouts, 408, 429 and 5xx may pass on a second try; a throttle never does. */
export function isRetriable(error: ApiError): boolean {
  if (error instanceof ThrottleError) return false;
  const status = error.status ?? 0;
  return error instanceof ApiConnectionError || status === 408 || status === 429 || status >= 500;
}

/** The delay Retry-After asks for, in ms (seconds or an HTTP date; a past date is 0); `undefined` when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isNaN(seconds) ? Date.parse(header) - now : seconds * 1000;
  return Number.isNaN(ms) ? undefined : Math.max(ms, 0);
}

/** 0.5 s, 1 s, 2 s, … capped at 8 s for retry number `retry` (1-based), times a jitter factor in (0.75, 1]. */
export function backoffMs(retry: number, random = Math.random()): number {
  return Math.min(500 * 2 ** (retry - 1), 8000) * (1 - random / 4);
}

/**
 * The delay before the next attempt, or `undefined` when the call should fail with `error` now: no
 * retries left, an error a retry cannot fix, or a Retry-After over MAX_RETRY_AFTER_MS. Retry-After
 * when the response has one, else the backoff.
 */
export function nextRetryDelay(error: ApiError, retriesDone: number, maxRetries: number): number | undefined {
  if (retriesDone >= maxRetries || !isRetriable(error)) return undefined;
  const asked = retryAfterMs(error.headers?.get('retry-after'));
  if (asked === undefined) return backoffMs(retriesDone + 1);
  return asked > MAX_RETRY_AFTER_MS ? undefined : asked;
}

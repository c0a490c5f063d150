/** One attempt's time limit and the caller's cancellation, and what each failure is called. */
import { ApiAbortError, ApiConnectionError, ApiError, ApiTimeoutError } from '../errors.js';

export const DEFAULT_TIMEOUT_MS = 60_000;

/** `GET /api/path: aborted`: named like a timeout, without origin or query. */
export const abortError = (label: string): ApiAbortError => new ApiAbortError(`${label}: aborted`);

/**
 * Runs `work` with a signal that fires after `timeoutMs` or when `callerSignal` does. An `ApiError`
 * from `work` passes through; anything else becomes an `ApiAbortError` (the caller aborted), an
 * `ApiTimeoutError` (the time ran out) or an `ApiConnectionError` (fetch failed; the cause kept).
 */
export async function withDeadline<T>(timeoutMs: number, callerSignal: AbortSignal | undefined, label: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, timeoutMs);
  callerSignal?.addEventListener('abort', abort);
  try {
    return await work(controller.signal);
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    if (callerSignal?.aborted) throw abortError(label);
    if (controller.signal.aborted) throw new ApiTimeoutError(`${label}: timed out after ${timeoutMs} ms`);
    throw new ApiConnectionError(`${label}: connection error`, { cause });
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', abort);
  }
}

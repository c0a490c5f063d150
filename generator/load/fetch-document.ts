/**
 * Fetches a published document with global `fetch`, a timeout and clear errors. Credentials in the
 * URL are sent as Basic auth (fetch refuses such URLs, and its error would echo them), and no
 * message names them.
 */
import { GeneratorError } from '../errors.ts';

/** The URL without user name, password or query values, for messages: credentials never reach a log. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    for (const key of [...parsed.searchParams.keys()]) {
      if (/token|key|secret|pass|auth|sig/i.test(key)) parsed.searchParams.set(key, '***');
    }
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}

export interface Fetched {
  readonly url: string;
  readonly contentType: string;
  readonly body: Buffer;
}

export interface FetchOptions {
  readonly accept: string;
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code && !cause.message.includes(code) ? `${code}: ${cause.message}` : cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export async function fetchSpec(url: string, options: FetchOptions): Promise<Fetched> {
  const shown = displayUrl(url);
  const fail = (problem: string): never => {
    throw new GeneratorError({ file: shown }, problem);
  };
  // fetch() refuses URLs with credentials (and would echo them in its error): send them as Basic auth instead.
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return fail('not a valid URL');
  }
  const headers: Record<string, string> = { accept: options.accept, 'user-agent': 'clientgen' };
  if (target.username || target.password) {
    headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`).toString('base64')}`;
    target.username = '';
    target.password = '';
  }
  const scrub = (text: string) => text.split(url).join(shown).split(target.toString()).join(shown);
  const doFetch = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(options.timeoutMs);
  const seconds = `${options.timeoutMs / 1000} s`;
  const isTimeout = (error: unknown) => (error as Error | undefined)?.name === 'TimeoutError' || signal.aborted;
  let response: Response;
  try {
    response = await doFetch(target, { signal, redirect: 'follow', headers });
  } catch (error) {
    return fail(isTimeout(error) ? `no answer within ${seconds}` : `cannot fetch: ${scrub(describeCause(error))}`);
  }
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => undefined);
    return fail(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} (expected 200)`);
  }
  let body: Buffer;
  try {
    body = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    return fail(isTimeout(error) ? `the answer did not finish within ${seconds}` : `reading the answer failed: ${scrub(describeCause(error))}`);
  }
  return { url, contentType: response.headers.get('content-type') ?? '', body };
}

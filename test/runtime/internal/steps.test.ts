import { describe, expect, it } from 'vitest';
import { ApiAbortError, ApiConnectionError, ApiError, ApiTimeoutError } from '../../../templates/runtime/index.ts';
import { withDeadline } from '../../../templates/runtime/internal/deadline.ts';
import { requestHeaders } from '../../../templates/runtime/internal/headers.ts';
import { createLog } from '../../../templates/runtime/internal/log.ts';

describe('requestHeaders', () => {
  const base = { acceptJson: true, auth: true } as const;
  const cases: [name: string, parts: Parameters<typeof requestHeaders>[0], want: Record<string, string>][] = [
    ['JSON defaults', { ...base, contentType: 'application/json' }, { accept: 'application/json', 'content-type': 'application/json' }],
    ['the declared body type', { ...base, contentType: 'application/xml' }, { accept: 'application/json', 'content-type': 'application/xml' }],
    ['no Content-Type without one (multipart: fetch writes it with the boundary)', base, { accept: 'application/json' }],
    ['binary: no Accept', { ...base, acceptJson: false }, {}],
    ['the credential beats a client-wide header', { ...base, client: { Authorization: 'mine' }, credential: ['authorization', 'Basic x'] }, { accept: 'application/json', authorization: 'Basic x' }],
    ['a call header beats the credential', { ...base, credential: ['authorization', 'Basic x'], call: { authorization: 'Bearer y' } }, { accept: 'application/json', authorization: 'Bearer y' }],
    ['auth: false drops a client-wide Authorization', { ...base, auth: false, client: { Authorization: 'mine', 'X-Extra': '1' }, credential: ['authorization', 'Basic x'] }, { accept: 'application/json', 'x-extra': '1' }],
  ];
  it.each(cases)('%s', (_, parts, want) => expect(Object.fromEntries(requestHeaders(parts))).toEqual(want));
});

describe('withDeadline', () => {
  const never = (signal: AbortSignal) => new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
  it('names a timeout, a caller abort and a connection failure', async () => {
    await expect(withDeadline(5, undefined, 'GET /x', never)).rejects.toThrow(new ApiTimeoutError('GET /x: timed out after 5 ms'));
    const controller = new AbortController();
    const pending = withDeadline(60_000, controller.signal, 'GET /x', never);
    controller.abort();
    const aborted = await pending.catch((e: unknown) => e);
    expect(aborted).toBeInstanceOf(ApiAbortError);
    expect((aborted as Error).message).toBe('GET /x: aborted');
    const failed = (await withDeadline(60_000, undefined, 'GET /x', () => Promise.reject(new TypeError('fetch failed'))).catch((e: unknown) => e)) as ApiConnectionError;
    expect(failed).toBeInstanceOf(ApiConnectionError);
    expect(failed.message).toBe('GET /x: connection error');
    expect(failed.cause).toBeInstanceOf(TypeError);
  });
  it('passes an ApiError through and resolves what the work resolves', async () => {
    const own = new ApiError('mine');
    await expect(withDeadline(60_000, undefined, 'GET /x', () => Promise.reject(own))).rejects.toBe(own);
    await expect(withDeadline(60_000, undefined, 'GET /x', async () => 42)).resolves.toBe(42);
  });
});

describe('createLog', () => {
  const sink = () => {
    const lines: string[] = [];
    const at = (level: string) => (m: string) => void lines.push(`${level}: ${m}`);
    return { lines, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
  };
  it.each([
    ['debug', ['debug', 'info', 'warn', 'error']],
    [undefined, ['warn', 'error']],
    ['error', ['error']],
    ['off', []],
  ] as const)('level %s logs %j', (level, want) => {
    const { lines, logger } = sink();
    const log = createLog(logger, level);
    for (const l of ['debug', 'info', 'warn', 'error'] as const) log[l]?.('m');
    expect(lines.map((line) => line.split(':')[0])).toEqual(want);
  });
  it('logs nothing without a logger or a level', () => expect(createLog(undefined, undefined)).toEqual({}));
});

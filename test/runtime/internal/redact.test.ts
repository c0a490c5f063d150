import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../templates/runtime/index.ts';
import { isSensitiveHeader, originAndPath, redactedHeaderRecord, redactedHeaders } from '../../../templates/runtime/internal/redact.ts';

describe('isSensitiveHeader', () => {
  const cases: [name: string, extra: string | undefined, want: boolean][] = [
    ['authorization', undefined, true],
    ['proxy-authorization', undefined, true],
    ['cookie', undefined, true],
    ['set-cookie', undefined, true],
    ['x-api-key', undefined, true],
    ['x-auth-token', undefined, true],
    ['x-csrf-token', undefined, true],
    ['x-session-id', undefined, true],
    ['x-client-secret', undefined, true],
    ['x-tenant', 'x-tenant', true],
    ['www-authenticate', undefined, false],
    ['proxy-authenticate', undefined, false],
    ['content-type', undefined, false],
    ['retry-after', undefined, false],
    ['x-request-id', undefined, false],
    ['keep-alive', undefined, false],
  ];
  it.each(cases)('%s (extra %s) → %s', (name, extra, want) => expect(isSensitiveHeader(name, extra)).toBe(want));
});

describe('redaction', () => {
  it('replaces credential values in a header record and in a Headers copy', () => {
    const headers = new Headers({ authorization: 'Basic abc', 'x-tenant': 't-1', accept: 'application/json' });
    expect(redactedHeaderRecord(headers, 'x-tenant')).toEqual({ authorization: '***', 'x-tenant': '***', accept: 'application/json' });
    const response = new Headers([
      ['set-cookie', 'session=s3cr3t; HttpOnly'],
      ['set-cookie', 'other=v4lue'],
      ['content-type', 'application/json'],
    ]);
    const copy = redactedHeaders(response);
    expect(copy.getSetCookie()).toEqual(['***', '***']);
    expect(copy.get('content-type')).toBe('application/json');
    expect(response.get('set-cookie')).toContain('s3cr3t'); // the original is left alone
  });

  it('errors store redacted headers, so util.inspect shows no cookie', () => {
    const error = new ApiError('x', { status: 404, headers: new Headers({ 'set-cookie': 'session=s3cr3t', 'x-request-id': 'r-1' }) });
    expect(error.headers?.get('set-cookie')).toBe('***');
    expect(error.headers?.get('x-request-id')).toBe('r-1');
    expect(inspect(error, { depth: 5 })).not.toContain('s3cr3t');
  });

  it('originAndPath drops user info and query', () => {
    expect(originAndPath(new URL('https://u:p@h.example:8443/a/b?api_key=k&x=1#f'))).toBe('https://h.example:8443/a/b');
  });
});

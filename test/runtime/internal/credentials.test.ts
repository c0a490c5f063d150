import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../templates/runtime/index.ts';
import { checkBaseUrl, httpUrl } from '../../../templates/runtime/internal/base-url.ts';
import { basicAuthorization, passwordScheme, resolveCredential } from '../../../templates/runtime/internal/credentials.ts';
import { jwtSession } from '../../../templates/runtime/jwt.ts';
import type { AuthScheme } from '../../../templates/runtime/types.ts';
import { defaults } from '../server.ts';

describe('passwordScheme', () => {
  const cases: [asked: 'basic' | 'jwt' | undefined, offered: AuthScheme[], want: 'basic' | 'jwt' | RegExp][] = [
    [undefined, ['basic'], 'basic'],
    [undefined, ['basic', 'jwt'], 'basic'],
    [undefined, ['jwt'], 'jwt'],
    [undefined, [], 'basic'],
    ['jwt', ['basic', 'jwt'], 'jwt'],
    ['basic', ['jwt'], 'basic'],
    ['jwt', ['basic'], /auth\.scheme 'jwt' is not offered by this API \(it offers basic\)/],
    ['jwt', [], /it offers no sign-in scheme/],
  ];
  it.each(cases)('%s of %j → %s', (asked, offered, want) => {
    if (typeof want === 'string') expect(passwordScheme(asked, offered)).toBe(want);
    else expect(() => passwordScheme(asked, offered)).toThrow(want);
  });
});

describe('resolveCredential', () => {
  const send = async () => ({});
  it('turns each kind of auth into a header, a query key or a session', () => {
    expect(resolveCredential(undefined, defaults(), send)).toEqual({ kind: 'none' });
    expect(resolveCredential({ token: 't' }, defaults(), send)).toEqual({ kind: 'header', name: 'authorization', value: 'Bearer t' });
    expect(resolveCredential({ apiKey: 'k' }, defaults(), send)).toEqual({ kind: 'header', name: 'x-api-key', value: 'k' });
    expect(resolveCredential({ apiKey: 'k' }, defaults({ apiKey: { in: 'query', name: 'key' } }), send)).toEqual({ kind: 'query', key: ['key', 'k'] });
    expect(resolveCredential({ apiKey: 'k' }, defaults({ apiKey: { in: 'cookie', name: 'SESSIONID' } }), send)).toEqual({ kind: 'header', name: 'cookie', value: 'SESSIONID=k' });
    expect(resolveCredential({ username: 'u', password: 'p' }, defaults(), send)).toEqual({ kind: 'header', name: 'authorization', value: `Basic ${btoa('u:p')}` });
    expect(resolveCredential({ username: 'u', password: 'p', scheme: 'jwt' }, defaults({ authSchemes: ['jwt'], jwtSession }), send).kind).toBe('jwt');
  });

  it('says in a user\'s words when JWT cannot work, without naming internals', () => {
    const noSession = () => resolveCredential({ username: 'u', password: 'p' }, defaults({ authSchemes: ['jwt'] }), send);
    expect(noSession).toThrow(ApiError);
    expect(noSession).toThrow(/generated without JWT sign-in: use Basic auth/);
    expect(noSession).not.toThrow(/jwtSession|provider defaults/);
  });

  it('encodes Basic credentials as UTF-8', () => {
    expect(basicAuthorization('ü', 'p€')).toBe(`Basic ${Buffer.from('ü:p€').toString('base64')}`);
  });
});

describe('checkBaseUrl', () => {
  const cases: [url: string, want: true | RegExp][] = [
    ['https://my.example.com/api', true],
    ['http://127.0.0.1:8080', true],
    ['https://admin:pw@my.example.com/api', /must not contain credentials .* pass them as the `auth` option/],
    ['https://admin@my.example.com/api', /must not contain credentials/],
    ['my.example.com/api', /not an absolute URL/],
    ['ftp://my.example.com', /http or https/],
  ];
  it.each(cases)('%s → %s', (url, want) => {
    if (want === true) expect(checkBaseUrl(url)).toBe(url);
    else {
      expect(() => checkBaseUrl(url)).toThrow(want);
      expect(() => checkBaseUrl(url)).not.toThrow(/pw|admin/);
    }
  });
});

describe('httpUrl', () => {
  it.each([
    ['https://api.example/x', undefined, 'https://api.example/x'],
    ['../v2/x', 'http://api.example/v1/y', 'http://api.example/v2/x'],
    ['//other.example/x', 'https://api.example/', 'https://other.example/x'],
    ['ftp://api.example/x', undefined, undefined],
    ['javascript:alert(1)', 'https://api.example/', undefined],
    ['my.example.com/api', undefined, undefined],
    ['http://[::1', undefined, undefined],
  ])('%s (base %s) → %s', (text, base, want) => expect(httpUrl(text, base)?.href).toBe(want));
});

import { describe, expect, it } from 'vitest';
import { claims, refreshAt } from '../../../templates/runtime/jwt.ts';
import { makeJwt } from '../server.ts';

describe('refreshAt', () => {
  const s = 1000;
  const cases: [name: string, exp: number, issued: number, want: number][] = [
    ['an hour-long token: 30 s before exp', 3600 * s, 0, 3570 * s],
    ['a 5-minute token: 30 s before exp (10 % is exactly 30 s)', 300 * s, 0, 270 * s],
    ['a 30 s token: 3 s before exp, not at once', 30 * s, 0, 27 * s],
    ['a 10 s token: 1 s before exp', 110 * s, 100 * s, 109 * s],
    ['an expired token (exp before issue): at exp', 50 * s, 100 * s, 50 * s],
    ['a token without exp: never', Infinity, 0, Infinity],
  ];
  it.each(cases)('%s', (_, exp, issued, want) => expect(refreshAt(exp, issued)).toBe(want));
});

describe('claims', () => {
  it('reads exp and iat in ms, and tolerates tokens it cannot read', () => {
    expect(claims(makeJwt('a', 2000, 1000))).toEqual({ exp: 2_000_000, iat: 1_000_000 });
    expect(claims(makeJwt('a', 2000))).toEqual({ exp: 2_000_000, iat: undefined });
    expect(claims('not-a-jwt')).toEqual({ exp: Infinity });
  });
});

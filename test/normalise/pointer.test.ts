import { decodePointerToken, pointer } from '../../generator/openapi/index.ts';
import { describe, expect, it } from 'vitest';

describe('JSON pointer tokens of $refs', () => {
  it('percent-decodes, then unescapes ~1 and ~0', () => {
    expect(decodePointerToken('~1pets~1%7Bid%7D')).toBe('/pets/{id}');
    expect(decodePointerToken('a~0b')).toBe('a~b');
    expect(decodePointerToken('na%C3%AFve')).toBe('naïve');
  });

  it('takes a % that starts no valid escape literally instead of throwing', () => {
    expect(decodePointerToken('100%')).toBe('100%');
    expect(decodePointerToken('%E0%A4%A~1x')).toBe('%E0%A4%A/x');
  });

  it('round-trips what pointer() encodes', () => {
    const tokens = ['paths', '/a/{b}', 'x~y'];
    expect(pointer(...tokens).split('/').slice(1).map(decodePointerToken)).toEqual(tokens);
  });
});

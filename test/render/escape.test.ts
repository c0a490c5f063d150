import { describe, expect, it } from 'vitest';
import { escapeJsDoc, generatedHeader, lineComment, markdownCode, markdownText, propertyKey, stringLiteral } from '../../generator/render/shared/escape.ts';

describe('escape', () => {
  it.each([
    ['plain', "'plain'".replace(/'/g, '"')],
    ['a"b', '"a\\"b"'],
    ['line\u2028sep\u2029', '"line\\u2028sep\\u2029"'],
    ['${x}`', '"${x}`"'],
  ])('stringLiteral(%j) = %s', (text, want) => expect(stringLiteral(text)).toBe(want));

  it.each([
    ['name', 'name'],
    ['with-dash', '"with-dash"'],
    ['__proto__', '"__proto__"'],
    ['1st', '"1st"'],
  ])('propertyKey(%j) = %s', (text, want) => expect(propertyKey(text)).toBe(want));

  it('keeps a line comment on one line whatever the text holds', () => {
    for (const breaker of ['\n', '\r', '\u2028', '\u2029']) {
      const header = generatedHeader(`spec${breaker}alert(1)//.json`);
      expect(header.trimEnd().split(/[\r\n\u2028\u2029]/)).toHaveLength(1);
      expect(lineComment(`a${breaker}b`)).toBe('a b');
    }
  });

  it.each([
    ['*/ x', '*\\/ x'],
    ['/* x', '/\\* x'],
    ['@param x', '\\@param x'],
    ['a\u2028b', 'a b'],
  ])('escapeJsDoc(%j) = %s', (text, want) => expect(escapeJsDoc(text)).toBe(want));

  it.each([
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['a\n\nb | c', 'a b \\| c'],
  ])('markdownText(%j) = %s', (text, want) => expect(markdownText(text)).toBe(want));

  it('markdownCode cannot end its code span or table cell', () => expect(markdownCode('a`b|c\nd')).toBe('aˋb c d'));
});

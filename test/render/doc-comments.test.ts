import { describe, expect, it } from 'vitest';
import { cleanProse, jsDocText } from '../../generator/render/shared/doc-comments.ts';
import { escapeJsDoc } from '../../generator/render/shared/escape.ts';

describe('doc comments', () => {
  it('removes the stray HTML closing tags HostBill leaves and keeps the text', () => {
    expect(cleanProse('Call is synchronous</strong> - result returned immediately.</p>\n\n\n\nNext')).toBe(
      'Call is synchronous - result returned immediately.\n\nNext',
    );
    expect(cleanProse('<ul><li>one</li><li>two</li></ul>')).toBe('- one\n- two');
  });

  it('cannot be ended or tagged by spec text', () => {
    const text = jsDocText('evil */ export const pwned = 1; /*', '@param x injected');
    expect(text).not.toContain('*/');
    expect(text).not.toMatch(/^@/m);
    expect(escapeJsDoc('a*/b')).toBe('a*\\/b');
  });

  it('normalises CRLF and trims leading blank lines', () => {
    expect(cleanProse('\r\n\r\nLine one\r\nLine two\r\n')).toBe('Line one\nLine two');
  });
});

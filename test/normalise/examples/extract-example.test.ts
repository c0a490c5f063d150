import { describe, expect, it } from 'vitest';
import { extractExample } from '../../../generator/normalise/examples/extract-example.ts';

describe('extractExample', () => {
  it('takes an unclosed Time4VPS fence with LF then CR after the fence line (004:1, getDetails)', () => {
    const description = '```json\n\r{\r\n "client": {\r\n "id": "26"\r\n }\r\n}';
    expect(extractExample(description)).toEqual({
      kind: 'fenced',
      text: '{\r\n "client": {\r\n "id": "26"\r\n }\r\n}',
      description: '',
      closed: false,
    });
  });

  it('takes a closed fence written by the importer and keeps the text around it', () => {
    const description = 'List DNS records\n\n```json\n{\n    "status": true\n}\n```\n\nRecords are cached.';
    expect(extractExample(description)).toEqual({
      kind: 'fenced',
      text: '{\n    "status": true\n}',
      description: 'List DNS records\n\nRecords are cached.',
      closed: true,
    });
  });

  it('accepts a bare ``` fence, CRLF line ends and leading blank lines', () => {
    const description = 'Returns:\r\n```\r\n\r\n\r\n[1, 2]\r\n```\r\n';
    expect(extractExample(description)).toMatchObject({ kind: 'fenced', text: '[1, 2]', description: 'Returns:', closed: true });
  });

  it('takes an empty unclosed fence as empty text (004:9:9143, certificate_crt)', () => {
    expect(extractExample('```json\n\r')).toEqual({ kind: 'fenced', text: '', description: '', closed: false });
  });

  it('takes an empty closed fence as empty text', () => {
    expect(extractExample('```json\n```')).toEqual({ kind: 'fenced', text: '', description: '', closed: true });
  });

  it('skips a fence in another language, including its closing fence', () => {
    const description = '```bash\ncurl x\n```\n\n```json\n{"a": 1}\n```';
    expect(extractExample(description)).toMatchObject({ kind: 'fenced', text: '{"a": 1}', description: '```bash\ncurl x\n```' });
  });

  it('closes a fence whose backticks end the last line', () => {
    expect(extractExample('```json\n{"a": 1}```')).toMatchObject({ text: '{"a": 1}', closed: true });
  });

  it('recognises a description that only says `Success`', () => {
    expect(extractExample('`Success`')).toEqual({ kind: 'success-only' });
    expect(extractExample(' Success\n')).toEqual({ kind: 'success-only' });
  });

  it('finds nothing in plain text, inline code or a missing description', () => {
    expect(extractExample('Returns the zone as `{"a": 1}`')).toEqual({ kind: 'none' });
    expect(extractExample('Success, with details')).toEqual({ kind: 'none' });
    expect(extractExample(undefined)).toEqual({ kind: 'none' });
  });
});

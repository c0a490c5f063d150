import { describe, expect, it } from 'vitest';
import { InvalidResponseError } from '../../../templates/runtime/index.ts';
import { errorBody, parseBody } from '../../../templates/runtime/internal/parse-body.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const head = (contentType?: string) => ({ status: 200, headers: new Headers(contentType ? { 'content-type': contentType } : {}) });

describe('parseBody', () => {
  type Want = { json: unknown } | { blob: string } | { empty: true } | { invalid: RegExp };
  const cases: [name: string, response: 'json' | 'binary', contentType: string | undefined, body: string, want: Want][] = [
    ['JSON', 'json', 'application/json', '{"a":1}', { json: { a: 1 } }],
    ['a vendor JSON type', 'json', 'application/vnd.api+json; charset=utf-8', '[1]', { json: [1] }],
    ['JSON sent as text/html (PHP)', 'json', 'text/html; charset=UTF-8', ' {"a":1}', { json: { a: 1 } }],
    ['JSON without a content type', 'json', undefined, '[true]', { json: [true] }],
    ['empty', 'json', 'application/json', '', { empty: true }],
    ['plain text stays a Blob', 'json', 'text/plain', 'hello', { blob: 'hello' }],
    ['a PDF is a Blob', 'json', 'application/pdf', '%PDF', { blob: '%PDF' }],
    ['binary operations always get a Blob', 'binary', 'application/json', '{"a":1}', { blob: '{"a":1}' }],
    ['malformed JSON', 'json', 'application/json', '{"a": [1', { invalid: /GET \/x: malformed JSON: \{"a": \[1/ }],
    ['an HTML page', 'json', 'text/html', '<html><title>Down</title></html>', { invalid: /GET \/x: expected JSON, got HTML: Down/ }],
    ['text that looks like JSON but is not', 'json', 'text/plain', '{oops', { blob: '{oops' }],
  ];
  it.each(cases)('%s', async (_, response, contentType, body, want) => {
    const run = () => parseBody(response, head(contentType), bytes(body), 'GET /x');
    if ('invalid' in want) {
      expect(run).toThrow(InvalidResponseError);
      expect(run).toThrow(want.invalid);
      return;
    }
    const data = run();
    if ('json' in want) expect(data).toEqual(want.json);
    else if ('empty' in want) expect(data).toBeUndefined();
    else {
      expect(data).toBeInstanceOf(Blob);
      expect(await (data as Blob).text()).toBe(want.blob);
    }
  });
});

describe('errorBody', () => {
  it.each([
    ['{"error":["x"]}', { error: ['x'] }],
    ['<html>502</html>', '<html>502</html>'],
    ['', ''],
  ])('%s', (text, want) => expect(errorBody(bytes(text))).toEqual(want));
});

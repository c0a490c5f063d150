import { describe, expect, it } from 'vitest';
import { parseExample } from '../../../generator/normalise/examples/parse-example.ts';

function parsed(text: string): { value: unknown; repairs: readonly string[] } {
  const result = parseExample(text);
  if (!result.ok) throw new Error(`expected to parse, got: ${result.reason}`);
  return { value: result.value, repairs: result.repairs };
}

function reason(text: string): string {
  const result = parseExample(text);
  if (result.ok) throw new Error(`expected a failure, parsed ${JSON.stringify(result.value)}`);
  return result.reason;
}

describe('parseExample: valid input', () => {
  it('parses strict JSON with no repairs, keeping elision markers inside strings', () => {
    // 000:82, a token abbreviated inside the string
    expect(parsed('{"token": "eyJ0eXAi(...)5lZ9T79"}')).toEqual({ value: { token: 'eyJ0eXAi(...)5lZ9T79' }, repairs: [] });
  });

  it('accepts CRLF, CR and tabs between tokens as JSON does (004:9 dns_get_zone indentation)', () => {
    expect(parsed('{\r\n \t"service_id": 10,\r \t"name": "booble.com"\r\n}')).toEqual({
      value: { service_id: 10, name: 'booble.com' },
      repairs: [],
    });
  });

  it('hands JSON5-only defects to json5 (trailing comma, GET /payment/fees 001:1035)', () => {
    const text = '{\n  "payments": [\n    {\n      "id": 1,\n      "percent_fee": "0.0",\n    }\n  ]\n}';
    expect(parsed(text)).toEqual({ value: { payments: [{ id: 1, percent_fee: '0.0' }] }, repairs: ['json5'] });
  });
});

describe('parseExample: repairs', () => {
  it('unwraps a doubled brace (GET /balance 000:356)', () => {
    const text = '{\n    {\n        "success": true,\n        "details": {\n            "currency": "USD"\n        }\n    }\n}';
    expect(parsed(text)).toEqual({ value: { success: true, details: { currency: 'USD' } }, repairs: ['double-brace'] });
  });

  it('drops // comments and a (...) element (GET /contact/privileges 001:627-633)', () => {
    const text = '[\n "upgrade", // Upgrade / Downgrade\n "notify", // Receive related email notifications\t\n (...)\n "logindetails"\n]';
    expect(parsed(text)).toEqual({ value: ['upgrade', 'notify', 'logindetails'], repairs: ['comment', 'elision'] });
  });

  it('drops a (...) member in an object (GET /certificate/@id 003:3034)', () => {
    expect(parsed('{\n"billing": {\n(...)\n},\n"tech": {\n(...)\n}\n}')).toEqual({
      value: { billing: {}, tech: {} },
      repairs: ['elision'],
    });
  });

  it('drops a (...) element after a comma in an array (GET /domain/order 001:2793)', () => {
    expect(parsed('{"tlds": [\n {"id": "6"},\n (...)\n ]}')).toEqual({ value: { tlds: [{ id: '6' }] }, repairs: ['elision'] });
  });

  it('drops a member whose value is elided, and ... / … markers', () => {
    expect(parsed('{"a": (...), "b": 1, ...}')).toEqual({ value: { b: 1 }, repairs: ['elision'] });
    expect(parsed('[1, …]')).toEqual({ value: [1], repairs: ['elision'] });
  });

  it('keeps a raw newline inside a string and drops an inline (...) (GET /category/@category_id/product 001:3702-3706)', () => {
    const text = '{"products": [ { "id": "333", "description": "Disk:10GB\nMemory:2GB\n", "tags": [ ] }, (...) ] }';
    expect(parsed(text)).toEqual({
      value: { products: [{ id: '333', description: 'Disk:10GB\nMemory:2GB\n', tags: [] }] },
      repairs: ['control-character-in-string', 'elision'],
    });
  });

  it('keeps a raw CR and tab inside strings as they are', () => {
    expect(parsed('{"a": "x\r\ty", (...)}').value).toEqual({ a: 'x\r\ty' });
  });

  it('escapes a raw newline at the start of a string (GET /category/available/vps 004:8:1116)', () => {
    expect(parsed('[{"id": 0, "description": "\n  • CPU: ...<\\/li><\\/ul>"}]')).toEqual({
      value: [{ id: 0, description: '\n  • CPU: ...</li></ul>' }],
      repairs: ['control-character-in-string'],
    });
  });

  it('inserts a missing comma between members (GET /service/@service_id/dns/@zone_id 004:9:2278)', () => {
    const text = '{\n\t\t\t"priority":0,\n\t\t\t"content":"127.0.0.1"\n\t\t\t"type":"A"\n\t\t}';
    expect(parsed(text)).toEqual({ value: { priority: 0, content: '127.0.0.1', type: 'A' }, repairs: ['missing-comma'] });
  });

  it('inserts a missing comma between array elements only across a line break', () => {
    expect(parsed('["a"\n"b" (...)]')).toEqual({ value: ['a', 'b'], repairs: ['missing-comma', 'elision'] });
    expect(reason('["a" "b" (...)]')).toMatch(/expected "," or "\]"/);
  });

  it('removes a trailing comma left after an elision repair (GET /certificate/@id 003:3070)', () => {
    const text = '{\n"billing": {\n(...)\n},\n"organization": {\n"address1": "n\\/a",\n}\n}';
    expect(parsed(text)).toEqual({
      value: { billing: {}, organization: { address1: 'n/a' } },
      repairs: ['elision', 'trailing-comma'],
    });
  });

  it('skips NBSP between tokens', () => {
    expect(parsed('{\u00a0"a": 1, (...)}')).toEqual({ value: { a: 1 }, repairs: ['non-json-whitespace', 'elision'] });
  });

  it('keeps "__proto__" as an own key', () => {
    const { value } = parsed('{"__proto__": {"x": 1}, (...)}');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(['__proto__']);
  });
});

describe('parseExample: failures', () => {
  it('reports empty text', () => {
    expect(reason('')).toMatch(/empty/);
    expect(reason('  (...) ')).toMatch(/empty/);
  });

  it('reports what it will not guess at, with a position', () => {
    expect(reason('{"a": 1,, "b": 2}')).toBe('unexpected "," at line 1 column 9');
    expect(reason('{"a": "open\n}')).toMatch(/^unterminated string at line 1 column 7/);
    expect(reason('{"a": yes}')).toMatch(/^unexpected character "y"/);
    expect(reason('{"a": 1} trailing')).toMatch(/unexpected character "t"|after the example/);
    expect(reason('{"a" 1}')).toMatch(/expected ":"/);
  });

  it('rejects NaN and Infinity that JSON5 would accept', () => {
    expect(reason('{"a": NaN,}')).toMatch(/unexpected character "N"/);
  });

  it('never throws, even on deep nesting', () => {
    expect(reason('['.repeat(100_000))).toMatch(/nesting deeper/);
    expect(reason('{'.repeat(100_000))).toMatch(/nesting deeper/);
  });
});

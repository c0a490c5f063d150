import { describe, expect, it } from 'vitest';
import type { OperationRules } from '../../templates/testing/catalog-types.ts';
import { parseQuery } from '../../templates/testing/query.ts';
import { checkRequest, checkValue } from '../../templates/testing/validate.ts';

const rules: OperationRules = {
  params: [
    { name: 'zone_id', in: 'path', required: true, schema: { type: 'integer' } },
    { name: 'status', in: 'query', schema: { type: 'string', enum: ['Active', 'Pending'] } },
    { name: 'limit', in: 'query', required: true, schema: { type: 'integer', minimum: 1, maximum: 100 } },
    { name: 'firstname', in: 'body', schema: { type: 'string', pattern: '^[A-Za-z]+$' } },
    { name: 'ttl', in: 'body', schema: { type: 'integer' } },
    { name: 'send', in: 'body', schema: { type: 'boolean' } },
    { name: 'content', in: 'body', schema: { anyOf: [{ type: 'string' }, { type: 'array', items: { anyOf: [{ type: 'integer' }, { type: 'string' }] } }] } },
    { name: 'items', in: 'body', required: true, schema: { type: 'array', items: { type: 'object', required: ['type'], properties: { type: { type: 'string', enum: ['product', 'domain'] } } } } },
    { name: 'ids', in: 'query', schema: { type: 'array', items: { type: 'integer' } } },
  ],
};
const ok = { path: { zone_id: '3' }, query: { limit: '10' }, body: { items: [{ type: 'product' }] } };

describe('checkRequest', () => {
  it('accepts a request that fits, reading path and query text as PHP does', () => {
    expect(checkRequest(rules, ok)).toEqual([]);
    expect(checkRequest(rules, { ...ok, query: { limit: '100', status: 'Active', ids: ['1', '2'] } })).toEqual([]);
    expect(checkRequest(rules, { ...ok, body: { items: [], content: [10, 5060, 'sip.example.com'], send: true, ttl: 60, firstname: 'Ann' } })).toEqual([]);
  });

  it.each([
    ['a missing path parameter', { path: {} }, ['zone_id: required']],
    ['a missing required query parameter', { query: {} }, ['limit: required']],
    ['a missing required body field', { body: {} }, ['items: required']],
    ['text that is no integer', { path: { zone_id: 'abc' } }, ['zone_id: expected integer, got "abc"']],
    ['a query value outside the enum', { query: { limit: '1', status: 'Gone' } }, ['status: "Gone" is not one of "Active", "Pending"']],
    ['a number below the minimum', { query: { limit: '0' } }, ['limit: below the minimum 1']],
    ['a list item of the wrong type', { query: { limit: '1', ids: ['1', 'x'] } }, ['ids[1]: expected integer, got "x"']],
    ['a JSON string where the body wants an integer', { body: { items: [], ttl: '60' } }, ['ttl: expected integer, got "60"']],
    ['a JSON string where the body wants a boolean', { body: { items: [], send: '1' } }, ['send: expected boolean, got "1"']],
    ['a value that breaks the pattern', { body: { items: [], firstname: 'Ann-2' } }, ['firstname: "Ann-2" does not match the pattern ^[A-Za-z]+$']],
    ['a value no variant accepts', { body: { items: [], content: { a: 1 } } }, ['content: expected string, got {"a":1}']],
    ['a nested object without its required key', { body: { items: [{}] } }, ['items[0].type: required']],
    ['a nested enum', { body: { items: [{ type: 'vps' }] } }, ['items[0].type: "vps" is not one of "product", "domain"']],
    ['a body that is no object', { body: [1] }, ['items: required', 'body: expected a JSON object, got [1]']],
  ])('refuses %s, naming it', (_, change, problems) => {
    expect(checkRequest(rules, { ...ok, ...change })).toEqual(problems);
  });

  it('checks a whole body against its schema and requires it when the document does', () => {
    const whole: OperationRules = { body: { type: 'object', additionalProperties: false, properties: { name: { type: 'string' } } }, bodyRequired: true };
    expect(checkRequest(whole, { path: {}, query: {}, body: { name: 'x' } })).toEqual([]);
    expect(checkRequest(whole, { path: {}, query: {}, body: { other: 1 } })).toEqual(['body.other: not an accepted field']);
    expect(checkRequest(whole, { path: {}, query: {}, body: undefined })).toEqual(['body: required']);
  });

  it('checks the header parameters the client sends, by name in any case, as text', () => {
    const rules: OperationRules = {
      params: [
        { name: 'X-Request-Id', in: 'header', required: true, schema: { type: 'string', pattern: '^[a-f0-9]+$' } },
        { name: 'X-Page-Size', in: 'header', schema: { type: 'integer', maximum: 100 } },
      ],
    };
    const input = { path: {}, query: {}, body: undefined };
    expect(checkRequest(rules, { ...input, headers: { 'x-request-id': 'abc123', 'x-page-size': '50' } })).toEqual([]);
    expect(checkRequest(rules, { ...input, headers: { 'x-page-size': '500' } })).toEqual(['X-Request-Id: required', 'X-Page-Size: above the maximum 100']);
    expect(checkRequest(rules, { ...input, headers: { 'x-request-id': 'XYZ', 'x-page-size': 'many' } })).toEqual(['X-Request-Id: "XYZ" does not match the pattern ^[a-f0-9]+$', 'X-Page-Size: expected integer, got "many"']);
    // A query parameter of the same name is no header.
    expect(checkRequest(rules, { ...input, query: { 'X-Request-Id': 'abc' } })).toEqual(['X-Request-Id: required']);
  });

  it('takes null only where the schema allows it', () => {
    expect(checkValue({ type: 'string', nullable: true }, null, 'x')).toBeUndefined();
    expect(checkValue({ type: ['string', 'null'] }, null, 'x')).toBeUndefined();
    expect(checkValue({ type: 'string' }, null, 'x')).toBe('x: expected string, got null');
  });

  it('ignores a pattern JavaScript cannot compile rather than refusing everything', () => {
    expect(checkValue({ type: 'string', pattern: '(?<' }, 'anything', 'x')).toBeUndefined();
  });
});

describe('parseQuery', () => {
  it('reads PHP-style lists, objects and lists of objects', () => {
    const q = new URLSearchParams('a[]=1&a[]=2&o[k]=v&o[n][m]=w&l[0][type]=product&l[1][type]=domain&plain=x&b=1');
    expect(parseQuery(q)).toEqual({ a: ['1', '2'], o: { k: 'v', n: { m: 'w' } }, l: [{ type: 'product' }, { type: 'domain' }], plain: 'x', b: '1' });
  });

  it('reads a repeated plain name as a list (OpenAPI form style), and a name once as its value', () => {
    expect(parseQuery(new URLSearchParams('a=1&a=2&a=3&b=x&toString=y'))).toEqual({ a: ['1', '2', '3'], b: 'x', toString: 'y' });
  });

  it('splits the lists an operation sends as one delimited value (its queryStyles)', () => {
    const q = new URLSearchParams('csv=1,a&ssv=x+y&pipes=p|q&other=a,b&empty=');
    expect(parseQuery(q, { csv: 'comma', ssv: 'space', pipes: 'pipe', empty: 'comma' })).toEqual({ csv: ['1', 'a'], ssv: ['x', 'y'], pipes: ['p', 'q'], other: 'a,b', empty: [] });
  });

  it('gathers an object the operation spreads into its members back from the names no other parameter has', () => {
    const q = new URLSearchParams('status=open&type=vps&page=2&tags=a,b');
    expect(parseQuery(q, { filter: 'spread', tags: 'comma' }, ['filter', 'page', 'tags'])).toEqual({ filter: { status: 'open', type: 'vps' }, page: '2', tags: ['a', 'b'] });
    // Joined with explode: false, an object's keys and values come in turn.
    expect(parseQuery(new URLSearchParams('color=R,100,G,200&tags=a,b'), { color: 'comma', tags: 'comma' }, ['color', 'tags'], ['color'])).toEqual({ color: { R: '100', G: '200' }, tags: ['a', 'b'] });
    expect(parseQuery(new URLSearchParams('color=__proto__,1,R'), { color: 'comma' }, ['color'], ['color'])).toEqual({ color: { R: '' } });
    // Nothing beyond the declared names: no object.
    expect(parseQuery(new URLSearchParams('page=2'), { filter: 'spread' }, ['filter', 'page'])).toEqual({ page: '2' });
  });

  it('drops names that would reach an object prototype', () => {
    const parsed = parseQuery(new URLSearchParams('__proto__[x]=1&o[__proto__][y]=2&o[constructor]=3&ok=1'));
    expect(parsed).toEqual({ ok: '1' });
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});

describe('messages', () => {
  it('never quote a credential', () => {
    const login: OperationRules = { params: [{ name: 'password', in: 'body', schema: { type: 'string', pattern: '^x$' } }] };
    expect(checkRequest(login, { path: {}, query: {}, body: { password: 'hunter2' } })).toEqual(['password: *** does not match the pattern ^x$']);
    expect(checkValue({ type: 'string' }, 12345, 'refresh_token')).toBe('refresh_token: expected string, got ***');
  });
});

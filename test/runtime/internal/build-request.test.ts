import { describe, expect, it } from 'vitest';
import { buildRequest, expandPath, joinUrl } from '../../../templates/runtime/internal/build-request.ts';
import { appendQuery, encodeQuery } from '../../../templates/runtime/internal/query.ts';
import { op } from '../server.ts';

describe('appendQuery', () => {
  const cases: [name: string, value: unknown, want: string][] = [
    ['undefined is skipped', undefined, ''],
    ['null is skipped', null, ''],
    ['a string', 'a b', 'q=a+b'],
    ['a number', 3, 'q=3'],
    ['true is 1', true, 'q=1'],
    ['false is 0', false, 'q=0'],
    ['a date is ISO 8601', new Date(Date.UTC(2025, 0, 2, 3, 4, 5)), 'q=2025-01-02T03%3A04%3A05.000Z'],
    ['an array of scalars', [1, 'x'], 'q%5B%5D=1&q%5B%5D=x'],
    ['an array of objects gets indexes', [{ id: 1 }, { id: 2 }], 'q%5B0%5D%5Bid%5D=1&q%5B1%5D%5Bid%5D=2'],
    ['an object, recursively', { a: { b: [true] } }, 'q%5Ba%5D%5Bb%5D%5B%5D=1'],
  ];
  it.each(cases)('php: %s', (_, value, want) => {
    const query = new URLSearchParams();
    appendQuery(query, 'q', value, 'php');
    expect(query.toString()).toBe(want);
  });

  const form: [name: string, value: unknown, want: string][] = [
    ['null is skipped', null, ''],
    ['a string', 'a b', 'q=a+b'],
    ['true is true', true, 'q=true'],
    ['false is false', false, 'q=false'],
    ['a date is ISO 8601', new Date(Date.UTC(2025, 0, 2, 3, 4, 5)), 'q=2025-01-02T03%3A04%3A05.000Z'],
    ['an array repeats the name', [1, 'x', false], 'q=1&q=x&q=false'],
    ['an object as q[key]', { a: { b: [true, 2] } }, 'q%5Ba%5D%5Bb%5D=true&q%5Ba%5D%5Bb%5D=2'],
  ];
  it.each(form)('form (OpenAPI default): %s', (_, value, want) => {
    const query = new URLSearchParams();
    appendQuery(query, 'q', value, 'form');
    expect(query.toString()).toBe(want);
  });

  it('encodeQuery joins the lists the document sends as one value (form style only), and repeats the others', () => {
    const joined = { csv: 'comma', ssv: 'space', pipes: 'pipe' } as const;
    const params = { csv: [1, 'a', true], ssv: ['x', 'y'], pipes: ['p', 'q'], multi: ['m', 'n'], one: 'a,b' };
    const names = ['csv', 'ssv', 'pipes', 'multi', 'one'];
    expect(encodeQuery(names, params, 'form', joined).toString()).toBe('csv=1%2Ca%2Ctrue&ssv=x+y&pipes=p%7Cq&multi=m&multi=n&one=a%2Cb');
    expect(encodeQuery(['csv'], { csv: [1, 2] }, 'php', joined).toString()).toBe('csv%5B%5D=1&csv%5B%5D=2');
  });

  it('encodeQuery spreads an object the document sends in form style into its members (form style only)', () => {
    const joined = { filter: 'spread' } as const;
    const params = { filter: { status: 'open', tags: ['a', 'b'], at: { from: 1 } }, page: 2 };
    expect(encodeQuery(['filter', 'page'], params, 'form', joined).toString()).toBe('status=open&tags=a&tags=b&at%5Bfrom%5D=1&page=2');
    // A value that is no object goes as the name's own value; other objects, and every object in php style, as name[key].
    expect(encodeQuery(['filter'], { filter: 'x' }, 'form', joined).toString()).toBe('filter=x');
    expect(encodeQuery(['other'], { other: { a: 1 } }, 'form', joined).toString()).toBe('other%5Ba%5D=1');
    expect(encodeQuery(['filter'], { filter: { a: true } }, 'php', joined).toString()).toBe('filter%5Ba%5D=1');
  });

  it('encodeQuery joins an object the document sends with explode: false as its keys and values in turn', () => {
    const params = { color: { R: 100, G: 200, B: null }, tags: ['a', 'b'] };
    expect(encodeQuery(['color', 'tags'], params, 'form', { color: 'comma', tags: 'comma' }).toString()).toBe('color=R%2C100%2CG%2C200&tags=a%2Cb');
    expect(encodeQuery(['color'], params, 'form', { color: 'pipe' }).toString()).toBe('color=R%7C100%7CG%7C200');
  });

  it('encodeQuery keeps the order of the names, not of the params', () => {
    expect(encodeQuery(['b', 'a', 'c'], { a: 1, b: 2, d: 4 }, 'form').toString()).toBe('b=2&a=1');
  });

  it('buildRequest sends form style by default and php style when the provider says so', () => {
    const list = op('/items', { queryParams: ['tag', 'all'] });
    expect(buildRequest('https://api.test', list, { tag: ['a', 'b'], all: true }).url).toBe('https://api.test/items?tag=a&tag=b&all=true');
    expect(buildRequest('https://api.test', list, { tag: ['a', 'b'], all: true }, undefined, undefined, 'omit', 'php').url).toBe('https://api.test/items?tag%5B%5D=a&tag%5B%5D=b&all=1');
    const filtered = op('/items', { queryParams: ['filter', 'tags'], queryStyles: { filter: 'spread', tags: 'comma' } });
    expect(buildRequest('https://api.test', filtered, { filter: { status: 'open' }, tags: ['a', 'b'] }).url).toBe('https://api.test/items?status=open&tags=a%2Cb');
  });
});

describe('expandPath', () => {
  const spec = op('/service/{id}/dns/{zone}', { pathParams: ['id', 'zone'] });
  const cases: [params: Record<string, unknown>, want: string | RegExp][] = [
    [{ id: 1, zone: 2 }, '/service/1/dns/2'],
    [{ id: 'a/b?c', zone: '../x' }, '/service/a%2Fb%3Fc/dns/..%2Fx'],
    [{ id: 'ü', zone: '...' }, '/service/%C3%BC/dns/...'],
    [{ id: 1 }, /path parameter "zone"/],
    [{ id: '', zone: 1 }, /path parameter "id"/],
    [{ id: '.', zone: 1 }, /path parameter "id"/],
    [{ id: 1, zone: '..' }, /path parameter "zone"/],
    [{ id: null, zone: 1 }, /path parameter "id"/],
  ];
  it.each(cases)('%j → %s', (params, want) => {
    if (typeof want === 'string') expect(expandPath(spec, params)).toBe(want);
    else expect(() => expandPath(spec, params)).toThrow(want);
  });
});

describe('joinUrl', () => {
  it.each([
    ['https://h/api', 'x', 'https://h/api/x'],
    ['https://h/api/', '/x', 'https://h/api/x'],
    ['https://h/api//', '//x', 'https://h/api/x'],
    ['https://h', '/', 'https://h/'],
  ])('%s + %s → %s', (base, path, want) => expect(joinUrl(base, path)).toBe(want));
});

describe('buildRequest', () => {
  it('gives the URL, the shown URL, the label and the body as named fields', () => {
    const spec = op('/zones/{id}', { method: 'POST', pathParams: ['id'], queryParams: ['q'], bodyParams: ['name'], body: 'fields' });
    expect(buildRequest('https://h.example/api/', spec, { id: 7, q: 'x', name: 'n' })).toEqual({
      url: 'https://h.example/api/zones/7?q=x',
      shownUrl: 'https://h.example/api/zones/7?q=x',
      label: 'POST /api/zones/7',
      headers: {},
      body: '{"name":"n"}',
      contentType: 'application/json',
      replayable: true,
    });
  });

  it('puts an API key in the URL only, and *** in the shown URL; the label has no query', () => {
    const built = buildRequest('https://h.example/api', op('/x', { queryParams: ['q'] }), { q: 1 }, ['api_key', 'k-secret']);
    expect(built.url).toBe('https://h.example/api/x?q=1&api_key=k-secret');
    expect(built.shownUrl).toBe('https://h.example/api/x?q=1&api_key=***');
    expect(built.label).toBe('GET /api/x');
  });
});

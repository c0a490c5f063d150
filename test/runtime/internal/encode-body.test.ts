import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../templates/runtime/index.ts';
import { encodeBody } from '../../../templates/runtime/internal/encode-body.ts';
import { mediaKind } from '../../../templates/runtime/internal/media-types.ts';
import { op } from '../server.ts';

describe('mediaKind', () => {
  it.each([
    ['application/json', 'json'],
    ['application/problem+json', 'json'],
    ['application/json; charset=utf-8', 'json'],
    ['*/*', 'json'],
    ['multipart/form-data', 'multipart'],
    ['application/x-www-form-urlencoded', 'form'],
    ['text/plain', 'text'],
    ['text/csv', 'text'],
    ['application/xml', 'text'],
    ['application/atom+xml', 'text'],
    ['application/octet-stream', 'binary'],
    ['image/png', 'binary'],
    ['application/pdf', 'binary'],
  ] as const)('%s is %s', (type, kind) => expect(mediaKind(type)).toBe(kind));
});

describe('encodeBody: JSON', () => {
  const cases: [name: string, spec: Parameters<typeof op>[1], params: Record<string, unknown>, want: string | undefined][] = [
    ['GET never has one', { method: 'GET', body: 'fields', bodyParams: ['a'] }, { a: 1 }, undefined],
    ['HEAD never has one', { method: 'HEAD', body: 'whole' }, { body: {} }, undefined],
    ['none', { method: 'POST', body: 'none' }, { a: 1 }, undefined],
    ['fields: the ones present', { method: 'POST', body: 'fields', bodyParams: ['a', 'b', 'c'] }, { a: 1, b: undefined, c: null, d: 4 }, '{"a":1,"c":null}'],
    ['fields: {} when none is present (never [])', { method: 'PUT', body: 'fields', bodyParams: ['a'] }, {}, '{}'],
    ['whole: params.body', { method: 'POST', body: 'whole' }, { body: [1, 2] }, '[1,2]'],
    ['whole: {} without params.body', { method: 'POST', body: 'whole' }, {}, '{}'],
  ];
  it.each(cases)('%s', (_, spec, params, want) => expect(encodeBody(op('/x', spec), params).body).toBe(want));

  it("leaves null fields out like undefined with nulls: 'omit' (HostBill), in JSON and form bodies, and sends params.body as given", () => {
    const fields = (contentTypes: string[]) => op('/x', { method: 'POST', body: 'fields', bodyParams: ['a', 'b', 'c'], contentTypes });
    expect(encodeBody(fields(['application/json']), { a: 1, b: undefined, c: null }, undefined, 'omit').body).toBe('{"a":1}');
    expect(String(encodeBody(fields(['application/x-www-form-urlencoded']), { a: 1, c: null }, undefined, 'omit').body)).toBe('a=1');
    expect(encodeBody(op('/x', { method: 'POST', body: 'whole' }), { body: { c: null } }, undefined, 'omit').body).toBe('{"c":null}');
  });

  it('sends the first declared type unless the call chooses another', () => {
    const spec = op('/x', { method: 'POST', body: 'whole', contentTypes: ['application/vnd.api+json', 'text/plain'] });
    expect(encodeBody(spec, { body: 'hi' })).toEqual({ body: '"hi"', contentType: 'application/vnd.api+json', replayable: true });
    expect(encodeBody(spec, { body: 'hi' }, 'text/plain')).toEqual({ body: 'hi', contentType: 'text/plain', replayable: true });
  });
});

describe('encodeBody: other media types', () => {
  const post = (contentTypes: string[], body: 'fields' | 'whole' = 'whole', bodyParams: string[] = []) => op('/x', { method: 'POST', body, bodyParams, contentTypes, name: 'upload' });

  it('form fields: arrays repeated, objects as JSON text, null and undefined left out', () => {
    const { body, contentType } = encodeBody(post(['application/x-www-form-urlencoded'], 'fields', ['a', 'tags', 'meta', 'gone', 'nil']), { a: 'x y', tags: ['1', 2], meta: { k: true }, gone: undefined, nil: null });
    expect(contentType).toBe('application/x-www-form-urlencoded');
    expect(String(body)).toBe('a=x+y&tags=1&tags=2&meta=%7B%22k%22%3Atrue%7D');
  });

  it('multipart: no Content-Type (fetch writes the boundary), Blobs as files, encoding types as typed parts', async () => {
    const spec = { ...post(['multipart/form-data'], 'fields', ['file', 'note', 'meta', 'raw']), encoding: { meta: 'application/json' } };
    const { body, contentType } = encodeBody(spec, { file: new File(['abc'], 'a.txt', { type: 'text/plain' }), note: 'n', meta: { k: 1 }, raw: new Uint8Array([1, 2]) });
    expect(contentType).toBeUndefined();
    const form = body as FormData;
    expect((form.get('file') as File).name).toBe('a.txt');
    expect(form.get('note')).toBe('n');
    const meta = form.get('meta') as File;
    expect([meta.type, await meta.text()]).toEqual(['application/json', '{"k":1}']);
    const raw = form.get('raw') as File;
    expect([raw.type, [...new Uint8Array(await raw.arrayBuffer())]]).toEqual(['application/octet-stream', [1, 2]]);
  });

  it('text and XML: the string as given; a number as its text', () => {
    expect(encodeBody(post(['application/xml']), { body: '<a/>' })).toEqual({ body: '<a/>', contentType: 'application/xml', replayable: true });
    expect(encodeBody(post(['text/plain']), { body: 42 }).body).toBe('42');
  });

  it('binary: the value as given; a stream is not replayable', () => {
    const blob = new Blob(['x']);
    expect(encodeBody(post(['image/png']), { body: blob })).toEqual({ body: blob, contentType: 'image/png', replayable: true });
    const stream = new ReadableStream();
    expect(encodeBody(post(['application/octet-stream']), { body: stream })).toEqual({ body: stream, contentType: 'application/octet-stream', replayable: false });
  });

  it('no body given: none sent, no Content-Type', () => {
    expect(encodeBody(post(['application/octet-stream']), {})).toEqual({ body: undefined, contentType: undefined, replayable: true });
  });

  it.each([
    ['an object as XML', ['application/xml'], { a: 1 }, 'upload: a application/xml body must be a string'],
    ['a string as form fields', ['multipart/form-data'], 'a=1', 'upload: a multipart/form-data body must be an object of fields'],
    ['an object as bytes', ['application/octet-stream'], { a: 1 }, 'upload: a application/octet-stream body must be a Blob, ArrayBuffer, typed array, ReadableStream or string'],
  ])('refuses %s before sending', (_, types, body, message) => {
    expect(() => encodeBody(post(types), { body })).toThrow(new ApiError(message));
  });
});

/**
 * Request bodies of every media type, as they arrive: a node:http server on 127.0.0.1 keeps each
 * request's raw bytes and headers, and the tests compare them byte for byte.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, InternalServerError, type OperationSpec } from '../../templates/runtime/index.ts';
import { defaults, op, TestClient } from './server.ts';

interface Received {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly bytes: Buffer;
}

let received: Received[] = [];
/** Status per path; 200 when unset. */
const statuses = new Map<string, number[]>();
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const path = req.url ?? '/';
    received.push({ path, headers: req.headers, bytes: Buffer.concat(chunks) });
    const status = statuses.get(path)?.shift() ?? 200;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(status === 200 ? '{"ok":true}' : '{"error":["busy"]}');
  });
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

const client = () => new ApiClient({ baseUrl: base, auth: { token: 't' } }, defaults({ rules: undefined, authSchemes: ['bearer'] }));
const upload = (path: string, contentTypes: string[], body: OperationSpec['body'] = 'whole', bodyParams: string[] = [], encoding?: OperationSpec['encoding']) =>
  op(path, { method: 'POST', body, bodyParams, contentTypes, ...(encoding ? { encoding } : {}) });

/** Sends one call and returns what the server received. */
async function send(spec: OperationSpec, params: object, options: Parameters<ApiClient['request']>[2] = {}): Promise<Received> {
  received = [];
  await client().request(spec, params, options);
  expect(received).toHaveLength(1);
  return received[0]!;
}

/** The multipart boundary fetch chose, from the Content-Type header. */
function boundaryOf(headers: IncomingHttpHeaders): string {
  const match = /^multipart\/form-data; boundary=(.+)$/.exec(headers['content-type'] ?? '');
  expect(match, headers['content-type']).not.toBeNull();
  return match![1]!;
}

describe('multipart/form-data', () => {
  it('sends each field as a part: a File with its name and type, text fields, arrays as repeated parts, an object as JSON', async () => {
    const spec = upload('/upload', ['multipart/form-data'], 'fields', ['file', 'note', 'tags', 'meta', 'absent']);
    const got = await send(spec, { file: new File(['%PDF-1\n\u00ff'], 'report.pdf', { type: 'application/pdf' }), note: 'quarterly €', tags: ['a', 'b'], meta: { pages: 2 }, absent: undefined });
    const b = boundaryOf(got.headers);
    const part = (headers: string, content: string) => `--${b}\r\n${headers}\r\n\r\n${content}\r\n`;
    expect(got.bytes.toString('utf8')).toBe(
      part('Content-Disposition: form-data; name="file"; filename="report.pdf"\r\nContent-Type: application/pdf', '%PDF-1\n\u00ff') +
        part('Content-Disposition: form-data; name="note"', 'quarterly €') +
        part('Content-Disposition: form-data; name="tags"', 'a') +
        part('Content-Disposition: form-data; name="tags"', 'b') +
        part('Content-Disposition: form-data; name="meta"', '{"pages":2}') +
        `--${b}--\r\n`,
    );
  });

  it("gives a field the encoding object's Content-Type, and bytes a part of their own", async () => {
    const spec = upload('/encoded', ['multipart/form-data'], 'fields', ['meta', 'raw'], { meta: 'application/json' });
    const got = await send(spec, { meta: { a: 1 }, raw: new Uint8Array([0, 1, 254, 255]) });
    const b = boundaryOf(got.headers);
    expect(got.bytes).toEqual(
      Buffer.concat([
        Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="meta"; filename="blob"\r\nContent-Type: application/json\r\n\r\n{"a":1}\r\n`),
        Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="raw"; filename="blob"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        Buffer.from([0, 1, 254, 255]),
        Buffer.from(`\r\n--${b}--\r\n`),
      ]),
    );
  });
});

describe('application/x-www-form-urlencoded', () => {
  it('sends the declared type and the fields, arrays repeated, objects as JSON text', async () => {
    const got = await send(upload('/form', ['application/x-www-form-urlencoded'], 'fields', ['name', 'ids', 'filter']), { name: 'a b&c', ids: [1, 2], filter: { on: true } });
    expect(got.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(got.bytes.toString('latin1')).toBe('name=a+b%26c&ids=1&ids=2&filter=%7B%22on%22%3Atrue%7D');
  });
});

describe('text and XML', () => {
  it('sends text/plain as the string given, in UTF-8', async () => {
    const got = await send(upload('/text', ['text/plain']), { body: 'line 1\nzürich ✓' });
    expect(got.headers['content-type']).toBe('text/plain');
    expect(got.bytes).toEqual(Buffer.from('line 1\nzürich ✓', 'utf8'));
  });

  it('sends XML (application/xml and +xml) as the string given', async () => {
    const xml = '<?xml version="1.0"?><pet id="1"><name>Rex &amp; co</name></pet>';
    const plain = await send(upload('/xml', ['application/xml']), { body: xml });
    expect([plain.headers['content-type'], plain.bytes.toString('utf8')]).toEqual(['application/xml', xml]);
    const atom = await send(upload('/atom', ['application/atom+xml']), { body: xml });
    expect([atom.headers['content-type'], atom.bytes.toString('utf8')]).toEqual(['application/atom+xml', xml]);
  });
});

describe('binary', () => {
  const bytes = [0, 1, 2, 127, 128, 254, 255];
  const octet = upload('/bin', ['application/octet-stream']);

  it.each([
    ['a Blob', () => new Blob([new Uint8Array(bytes)])],
    ['an ArrayBuffer', () => new Uint8Array(bytes).buffer],
    ['a Uint8Array', () => new Uint8Array(bytes)],
    ['a DataView over part of a buffer', () => new DataView(new Uint8Array([9, ...bytes, 9]).buffer, 1, bytes.length)],
    ['a ReadableStream', () => new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new Uint8Array(bytes.slice(0, 3))), c.enqueue(new Uint8Array(bytes.slice(3))), c.close()) })],
  ])('sends %s byte for byte with the declared type', async (_, make) => {
    const got = await send(octet, { body: make() });
    expect(got.headers['content-type']).toBe('application/octet-stream');
    expect([...got.bytes]).toEqual(bytes);
  });

  it('sends the declared type, not the Blob type', async () => {
    const got = await send(upload('/png', ['image/png']), { body: new Blob(['x'], { type: 'text/plain' }) });
    expect(got.headers['content-type']).toBe('image/png');
  });
});

describe('several declared media types', () => {
  const spec = upload('/many', ['application/json', 'application/xml']);

  it('sends JSON by default and the type the call chooses', async () => {
    const json = await send(spec, { body: { a: 1 } });
    expect([json.headers['content-type'], json.bytes.toString()]).toEqual(['application/json', '{"a":1}']);
    const xml = await send(spec, { body: '<a>1</a>' }, { contentType: 'application/xml' });
    expect([xml.headers['content-type'], xml.bytes.toString()]).toEqual(['application/xml', '<a>1</a>']);
  });
});

describe('retries replay the body', () => {
  const retrying = () => new TestClient({ baseUrl: base, auth: { token: 't' }, maxRetries: 2 }, defaults({ rules: undefined, authSchemes: ['bearer'] }));

  it('sends the same multipart bytes (boundary and all) and Blob bytes again on a retry', async () => {
    for (const [path, params, spec] of [
      ['/retry-form', { file: new File(['abc'], 'a.txt'), note: 'n' }, upload('/retry-form', ['multipart/form-data'], 'fields', ['file', 'note'])],
      ['/retry-blob', { body: new Blob(['blob bytes']) }, upload('/retry-blob', ['application/octet-stream'])],
    ] as const) {
      received = [];
      statuses.set(path, [503]);
      await retrying().request(spec, params, { retry: true });
      expect(received.map((r) => r.path)).toEqual([path, path]);
      expect(received[1]!.bytes.length).toBeGreaterThan(0);
      const withoutBoundary = (r: Received) => r.bytes.toString('latin1').replaceAll(/----formdata-[\w-]+/g, 'B');
      expect(withoutBoundary(received[1]!)).toBe(withoutBoundary(received[0]!));
    }
  });

  it('never retries a stream body: it was read by the first attempt', async () => {
    received = [];
    statuses.set('/retry-stream', [503, 503]);
    const body = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new Uint8Array([1])), c.close()) });
    await expect(retrying().request(upload('/retry-stream', ['application/octet-stream']), { body }, { retry: true })).rejects.toBeInstanceOf(InternalServerError);
    expect(received).toHaveLength(1);
  });
});

describe('unsendable bodies fail before any request', () => {
  it('refuses an object where XML text is declared', async () => {
    received = [];
    await expect(client().request(upload('/bad', ['application/xml']), { body: { a: 1 } })).rejects.toThrow('testOp: a application/xml body must be a string');
    expect(received).toEqual([]);
  });
});

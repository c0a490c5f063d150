/**
 * A package from a document whose operations take multipart, urlencoded, text, binary and XML bodies:
 * its params type binary fields as Blob and the call's content type as one of the declared ones, its
 * client sends each body as declared (checked on a 127.0.0.1 server), and a GET that declares a body
 * is reported instead of silently losing it.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFromSpec } from '../../generator/use-cases/generate.ts';
import { typecheckPackage } from '../helpers/typescript.ts';
import { ROOT } from '../helpers/workspace.ts';

const FIXTURE = path.join(ROOT, 'test/fixtures/bodies/openapi.json');
let out: string;
let warnings: string[];
beforeAll(async () => {
  out = path.join(await mkdtemp(path.join(tmpdir(), 'clientgen-bodies-')), 'out');
  const [result] = await generateFromSpec(FIXTURE, out, {}, { force: true });
  warnings = result!.warnings.map((w) => `${w.pass}: ${w.message}${w.pointer ? ` @ ${w.pointer}` : ''}`);
}, 120_000);

const read = (file: string) => readFile(path.join(out, file), 'utf8');

describe('GET with a request body', () => {
  const line = 'GET /search declares a request body, which fetch cannot send: the client sends none and its params leave the body out';

  it('is a warning (the terminal prints warnings) and a line of normalisation-report.md', async () => {
    expect(warnings).toEqual([`bodiless-methods: ${line} @ /paths/~1search/get/requestBody`]);
    expect(await read('normalisation-report.md')).toContain(`- **warning:** ${line} (\`#/paths/~1search/get/requestBody\`)`);
  });
});

describe('the operations table', () => {
  it('lists each body\'s media types, JSON first, and the multipart encoding', async () => {
    const { operations } = (await import(pathToFileURL(path.join(out, 'src/operations.ts')).href)) as { operations: Record<string, Record<string, unknown>> };
    expect(operations['uploadFile']).toMatchObject({ body: 'fields', bodyParams: ['file', 'note', 'tags', 'meta'], contentTypes: ['multipart/form-data'], encoding: { meta: 'application/json' } });
    expect(operations['submitForm']).toMatchObject({ body: 'fields', contentTypes: ['application/x-www-form-urlencoded'] });
    expect(operations['putNote']).toMatchObject({ body: 'whole', contentTypes: ['text/plain'] });
    expect(operations['putBlob']).toMatchObject({ body: 'whole', contentTypes: ['application/octet-stream'] });
    expect(operations['addPet']).toMatchObject({ body: 'whole', contentTypes: ['application/json', 'application/xml'] });
    expect(operations['search']).toMatchObject({ body: 'none' });
    expect(operations['search']).not.toHaveProperty('contentTypes');
  });
});

describe('the params types', () => {
  it('take a Blob for a binary field, bytes or a stream for a binary body, and only declared content types', async () => {
    await writeFile(
      path.join(out, 'src/usage.ts'),
      [
        "import { MediaBodiesClient } from './index.js';",
        "const client = new MediaBodiesClient({ auth: { token: 't' } });",
        "export const uploaded: Promise<{ ok?: boolean }> = client.files.uploadFile({ file: new Blob(['x']), note: 'n', tags: ['a'], meta: { pages: 1 } });",
        '// @ts-expect-error a binary field is a Blob, not its text',
        "client.files.uploadFile({ file: 'x' });",
        '// @ts-expect-error the file is required',
        "client.files.uploadFile({ note: 'n' });",
        "client.forms.submitForm({ name: 'a', ids: [1, 2] });",
        "client.notes.putNote({ id: 1, body: 'text' });",
        '// @ts-expect-error a text body is a string',
        'client.notes.putNote({ id: 1, body: { text: 1 } });',
        "client.blobs.putBlob({ id: 'a', body: new Uint8Array([1]) });",
        "client.blobs.putBlob({ id: 'a', body: new ReadableStream<Uint8Array>() });",
        "client.blobs.putBlob({ id: 'a', body: new ArrayBuffer(1) });",
        "client.pets.addPet({ body: { name: 'Rex' } });",
        "client.pets.addPet({ body: '<Pet><name>Rex</name></Pet>' }, { contentType: 'application/xml' });",
        '// @ts-expect-error only the declared media types',
        "client.pets.addPet({ body: { name: 'Rex' } }, { contentType: 'text/csv' });",
        '// @ts-expect-error one declared type: nothing to choose',
        "client.notes.putNote({ id: 1, body: 'x' }, { contentType: 'text/plain' });",
        '// @ts-expect-error GET sends no body, so its params have none',
        "client.pets.search({ q: 'x' });",
        '',
      ].join('\n'),
    );
    expect(await typecheckPackage(out)).toEqual({ code: 0, output: '' });
  }, 240_000);
});

describe('the generated client on the wire', () => {
  const received: { path: string; headers: IncomingHttpHeaders; bytes: Buffer }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, bytes: Buffer.concat(chunks) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  let baseUrl = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('uploads a multipart form with the file bytes, and XML as chosen', async () => {
    type Client = { files: { uploadFile(p: object): Promise<unknown> }; pets: { addPet(p: object, o?: object): Promise<unknown> } };
    const { MediaBodiesClient } = (await import(pathToFileURL(path.join(out, 'src/index.ts')).href)) as { MediaBodiesClient: new (o: object) => Client };
    const client = new MediaBodiesClient({ baseUrl, auth: { token: 't' } });
    await client.files.uploadFile({ file: new File(['\u0000bytes'], 'a.bin', { type: 'application/octet-stream' }), note: 'hi' });
    await client.pets.addPet({ body: '<Pet/>' }, { contentType: 'application/xml' });
    const [upload, xml] = received;
    const boundary = /boundary=(.+)$/.exec(upload!.headers['content-type'] ?? '')?.[1];
    expect(upload!.bytes.toString('latin1')).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n\u0000bytes\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n--${boundary}--\r\n`,
    );
    expect([xml!.path, xml!.headers['content-type'], xml!.bytes.toString()]).toEqual(['/pets', 'application/xml', '<Pet/>']);
  });
});

/**
 * A generic package's header parameters and query objects (OpenAPI's default style, and explode: false), end to end:
 * the client sends them as the document says, and the package's own test kit mock reads them back and
 * checks them (it refused nothing in a header and read a spread object as stray names before).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateFromSpec } from '../../generator/use-cases/generate.ts';

const DOCUMENT = {
  openapi: '3.0.3',
  info: { title: 'Tickets', version: '1.0.0' },
  servers: [{ url: 'https://api.tickets.test/v1' }],
  paths: {
    '/tickets': {
      get: {
        operationId: 'listTickets',
        tags: ['tickets'],
        parameters: [
          { name: 'X-Request-Id', in: 'header', required: true, schema: { type: 'string', pattern: '^[a-f0-9]+$' } },
          { name: 'filter', in: 'query', schema: { type: 'object', properties: { status: { type: 'string', enum: ['open', 'closed'] }, owner: { type: 'string' } } } },
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
          { name: 'color', in: 'query', explode: false, schema: { type: 'object', properties: { R: { type: 'integer', maximum: 255 }, G: { type: 'integer', maximum: 255 } } } },
        ],
        responses: { 200: { description: 'OK', content: { 'application/json': { schema: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' } } } }, example: [{ id: 1 }] } } } },
      },
    },
  },
};

type Client = { tickets: { listTickets(params: Record<string, unknown>): Promise<unknown> } };
interface Mock {
  fetch: typeof fetch;
  calls: { params: Record<string, unknown> }[];
}

let client: (fetch: typeof globalThis.fetch) => Client;
let createMockProvider: () => Mock;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'clientgen-parameters-'));
  const spec = path.join(dir, 'openapi.json');
  await writeFile(spec, JSON.stringify(DOCUMENT));
  const out = path.join(dir, 'out');
  await generateFromSpec(spec, out, {}, { force: true });
  const pkg = (await import(pathToFileURL(path.join(out, 'src/index.ts')).href)) as { TicketsClient: new (options: object) => Client };
  ({ createMockProvider } = (await import(pathToFileURL(path.join(out, 'src/testing/index.ts')).href)) as { createMockProvider: () => Mock });
  client = (fetch) => new pkg.TicketsClient({ fetch, maxRetries: 0 });
}, 120_000);

describe('header parameters and a spread query object', () => {
  it('go on the wire as the document says', async () => {
    const seen: Request[] = [];
    const recording: typeof fetch = async (input, init) => {
      seen.push(new Request(input, init));
      return Response.json([{ id: 1 }]);
    };
    await client(recording).tickets.listTickets({ 'X-Request-Id': 'ab12', filter: { status: 'open', owner: 'ann' }, page: 2, color: { R: 10, G: 20 } });
    const url = new URL(seen[0]!.url);
    expect(url.pathname + url.search).toBe('/v1/tickets?status=open&owner=ann&page=2&color=R%2C10%2CG%2C20');
    expect(seen[0]!.headers.get('x-request-id')).toBe('ab12');
  });

  it('are read back and checked by the package’s mock', async () => {
    const mock = createMockProvider();
    const tickets = client(mock.fetch).tickets;
    await expect(tickets.listTickets({ 'X-Request-Id': 'ab12', filter: { status: 'open' }, page: 2, color: { R: 10 } })).resolves.toEqual([{ id: 1 }]);
    expect(mock.calls.at(-1)?.params).toMatchObject({ filter: { status: 'open' }, page: '2', color: { R: '10' } });
    const refused = (params: Record<string, unknown>) => tickets.listTickets(params).then(() => undefined, (error: { status?: number; errors?: unknown }) => [error.status, error.errors]);
    expect(await refused({ filter: { status: 'open' } })).toEqual([400, ['X-Request-Id: required']]);
    expect(await refused({ 'X-Request-Id': 'ZZ' })).toEqual([400, ['X-Request-Id: "ZZ" does not match the pattern ^[a-f0-9]+$']]);
    expect(await refused({ 'X-Request-Id': 'ab12', filter: { status: 'lost' } })).toEqual([400, [expect.stringMatching(/^filter\.status: /)]]);
    expect(await refused({ 'X-Request-Id': 'ab12', color: { R: 300 } })).toEqual([400, [expect.stringMatching(/^color\.R: /)]]);
  });
});

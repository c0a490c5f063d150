/**
 * Paging by method: an operation whose document shows HostBill's `page` (a `page` query parameter or a
 * `page` field of the answer) is a `PagedMethod`, callable as usual and with `.paginate(params)`
 * yielding pages of its response type; other operations stay plain methods.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.ts';
import { typecheckPackage } from '../helpers/typescript.ts';
import { ROOT } from '../helpers/workspace.ts';
import { json, startServer, type TestServer } from '../runtime/server.ts';

const ticket = { type: 'object', properties: { id: { type: 'integer' }, subject: { type: 'string' } }, required: ['id', 'subject'] };
const doc = {
  openapi: '3.0.3',
  info: { title: 'Desk', version: '1.0.0' },
  servers: [{ url: 'https://desk.example.test/api' }],
  paths: {
    '/tickets': {
      get: {
        operationId: 'listTickets',
        tags: ['support'],
        parameters: [
          { name: 'status', in: 'query', required: true, schema: { type: 'string', enum: ['open', 'closed'] } },
          { name: 'page', in: 'query', schema: { type: 'integer' } },
        ],
        responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { tickets: { type: 'array', items: ticket }, page: { type: 'object', properties: { current: { type: 'integer' }, total: { type: 'integer' } } } }, required: ['tickets'] } } } } },
      },
    },
    '/tickets/{id}': { get: { operationId: 'getTicket', tags: ['support'], parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: { 200: { description: 'ok', content: { 'application/json': { schema: ticket } } } } } },
  },
};

let dir: string;
let pkg: string;
let server: TestServer;
beforeAll(async () => {
  await mkdir(path.join(ROOT, '.tmp'), { recursive: true });
  dir = await mkdtemp(path.join(ROOT, '.tmp', 'paged-'));
  await writeFile(path.join(dir, 'desk.json'), JSON.stringify(doc));
  const result = await runInProcess('generate', ['--spec', 'desk.json', '--out', 'desk'], dir, { cwd: dir });
  expect(result.stderr).toBe('');
  pkg = path.join(dir, 'desk');
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a paged operation', () => {
  it('is a PagedMethod property; an operation without page stays a method', async () => {
    const client = await readFile(path.join(pkg, 'src/client.ts'), 'utf8');
    expect(client).toMatch(/readonly listTickets: PagedMethod<T\.ListTicketsParams, T\.ListTicketsResponse>;/);
    expect(client).toMatch(/this\.listTickets = pagedMethod\(client, operations\.listTickets\);/);
    expect(client).toMatch(/^\s+getTicket\(params: T\.GetTicketParams/m);
    expect(await readFile(path.join(pkg, 'README.md'), 'utf8')).toContain("for await (const page of client.support.listTickets.paginate({ status: 'open' })) {");
  });

  it('types its pages and parameters: .paginate yields the response type, a wrong parameter does not compile', async () => {
    await writeFile(
      path.join(pkg, 'src/consumer.ts'),
      [
        "import { DeskClient, toList, type ListTicketsResponse } from './index.js';",
        'export async function subjects(client: DeskClient): Promise<string[]> {',
        '  const out: string[] = [];',
        "  for await (const page of client.support.listTickets.paginate({ status: 'open' })) {",
        '    const typed: ListTicketsResponse = page;',
        '    for (const ticket of toList(typed.tickets)) out.push(ticket.subject);',
        '  }',
        "  const first = await client.support.listTickets({ status: 'closed' }, { timeout: 1_000 });",
        '  out.push(...first.tickets.map((t) => String(t.id)));',
        "  // @ts-expect-error an enum value the document does not list",
        "  client.support.listTickets.paginate({ status: 'pending' });",
        '  // @ts-expect-error the required parameter is missing',
        '  client.support.listTickets.paginate();',
        '  return out;',
        '}',
      ].join('\n'),
    );
    const { code, output } = await typecheckPackage(pkg);
    expect(output).toBe('');
    expect(code).toBe(0);
  });

  it('walks the pages through the method, keeping the parameters', async () => {
    server.route('/api/tickets', (req, res) => {
      const current = Number(req.query.get('page') ?? 1);
      json(res, 200, { tickets: [{ id: current, subject: `t${current}` }], page: { current, total: 3 } });
    });
    const { DeskClient } = (await import(path.join(pkg, 'src/index.ts'))) as { DeskClient: new (o: object) => { support: { listTickets: { paginate(p: object): AsyncIterable<{ tickets: { subject: string }[] }> } } } };
    const client = new DeskClient({ baseUrl: `${server.url}/api` });
    const subjects: string[] = [];
    for await (const page of client.support.listTickets.paginate({ status: 'open' })) subjects.push(...page.tickets.map((t) => t.subject));
    expect(subjects).toEqual(['t1', 't2', 't3']);
    expect(server.requests('/api/tickets').map((r) => r.url)).toEqual(['/api/tickets?status=open', '/api/tickets?status=open&page=2', '/api/tickets?status=open&page=3']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, NotFoundError } from '../../templates/runtime/index.ts';
import { defaults, fresh, json, op, startServer, type TestServer } from './server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const client = (base: string) => new ApiClient({ baseUrl: `${server.url}${base}`, auth: { token: 't' } }, defaults());
const collect = async <T>(it: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of it) out.push(item);
  return out;
};
type Page = { items: number[]; page?: { current: number | string; total: number | string } };

describe('paginate', () => {
  it('walks 1-based pages until total, keeping the other parameters', async () => {
    const base = fresh('pages');
    server.route(`${base}/tickets`, (req, res) => {
      const current = Number(req.query.get('page') ?? 1);
      json(res, 200, { items: [current * 10], page: { current: String(current), total: '3' } });
    });
    const spec = op('/tickets', { queryParams: ['status'], paged: true });
    const pages = await collect(client(base).paginate<Page>(spec, { status: 'open' }));
    expect(pages.map((p) => p.items[0])).toEqual([10, 20, 30]);
    expect(server.requests(`${base}/tickets`).map((r) => r.url)).toEqual([
      `${base}/tickets?status=open`,
      `${base}/tickets?status=open&page=2`,
      `${base}/tickets?status=open&page=3`,
    ]);
  });

  it('walks 0-based pages', async () => {
    const base = fresh('zero');
    server.route(`${base}/x`, (req, res) => {
      const current = Number(req.query.get('page') ?? 0);
      json(res, 200, { items: [current], page: { current, total: 3 } });
    });
    const pages = await collect(client(base).paginate<Page>(op('/x'), {}));
    expect(pages.map((p) => p.items[0])).toEqual([0, 1, 2]);
    expect(server.hits(`${base}/x`)).toBe(3);
  });

  it('stops on a repeated page without yielding it again', async () => {
    const base = fresh('repeat');
    server.route(`${base}/x`, (_req, res) => json(res, 200, { items: [1], page: { current: 1, total: 50 } }));
    const pages = await collect(client(base).paginate<Page>(op('/x'), {}));
    expect(pages).toHaveLength(1);
    expect(server.hits(`${base}/x`)).toBe(2);
  });

  it('yields a body without page info once', async () => {
    const base = fresh('nopage');
    server.route(`${base}/x`, (_req, res) => json(res, 200, { items: [1, 2] }));
    expect(await collect(client(base).paginate<Page>(op('/x'), undefined))).toEqual([{ items: [1, 2] }]);
    expect(server.hits(`${base}/x`)).toBe(1);
  });

  it('stops after 1000 pages however large total is', async () => {
    let calls = 0;
    const fetch = (async (input: string | URL | Request) => {
      calls++;
      const current = Number(new URL(String(input)).searchParams.get('page') ?? 1);
      return new Response(JSON.stringify({ page: { current, total: 1e9 } }), { headers: { 'content-type': 'application/json' } });
    }) as typeof globalThis.fetch;
    const c = new ApiClient({ baseUrl: 'http://127.0.0.1:9/api', fetch }, defaults());
    let count = 0;
    for await (const _ of c.paginate(op('/x'), {})) count++;
    expect(count).toBe(1000);
    expect(calls).toBe(1000);
  });

  it('propagates errors', async () => {
    const base = fresh('err');
    server.route(`${base}/x`, (req, res) =>
      req.query.get('page') === '2' ? json(res, 404, { error: ['gone'] }) : json(res, 200, { page: { current: 1, total: 2 } }),
    );
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const p of client(base).paginate(op('/x'), {})) seen.push(p);
      })(),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(seen).toHaveLength(1);
  });
});

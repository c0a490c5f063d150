import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostbillRules } from '../../templates/runtime/hostbill.ts';
import { ApiClient, type ClientOptions, type OperationSpec } from '../../templates/runtime/index.ts';
import type { ProviderDefaults } from '../../templates/runtime/types.ts';

export interface Seen {
  method: string;
  /** Path and query as sent, percent-encoding kept. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

/** `hit` counts requests to this path, from 1. */
export type Handler = (req: Seen, res: ServerResponse, hit: number, raw: IncomingMessage) => void;

export interface TestServer {
  url: string;
  route(path: string, handler: Handler): void;
  hits(path: string): number;
  requests(path: string): Seen[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 and a free port; unknown paths answer 404 in HostBill's shape. */
export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const entry: Seen = { method: req.method ?? '', url: req.url ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body };
      seen.push(entry);
      const handler = routes.get(url.pathname);
      if (!handler) return json(res, 404, { error: ['invalid method'] });
      handler(entry, res, seen.filter((s) => s.path === url.pathname).length, req);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    route: (path, handler) => void routes.set(path, handler),
    hits: (path) => seen.filter((s) => s.path === path).length,
    requests: (path) => seen.filter((s) => s.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

let unique = 0;
/** A fresh path prefix per test, so hit counts never mix. */
export const fresh = (name: string) => `/t${++unique}-${name}`;

export function op(path: string, extra: Partial<OperationSpec> = {}): OperationSpec {
  return {
    method: 'GET',
    path,
    group: 'test',
    name: 'testOp',
    pathParams: [],
    queryParams: [],
    bodyParams: [],
    body: 'none',
    auth: true,
    response: 'json',
    ...extra,
  };
}

export const defaults = (extra: Partial<ProviderDefaults> = {}): ProviderDefaults => ({
  baseUrl: 'http://127.0.0.1:1/never',
  envPrefix: 'CLIENTGEN_RUNTIME_TEST',
  authSchemes: ['basic'],
  rules: hostbillRules,
  // As the generator emits for HostBill providers (render/client-file.ts).
  query: 'php',
  ...extra,
});

/** Records retry delays instead of sleeping. */
export class TestClient extends ApiClient {
  readonly delays: number[] = [];
  constructor(options: ClientOptions, provider: ProviderDefaults = defaults()) {
    super(options, provider);
  }
  protected override sleep(ms: number): Promise<void> {
    this.delays.push(ms);
    return Promise.resolve();
  }
  /** The real sleep, for the fake-timer test. */
  realSleep(ms: number, signal?: AbortSignal): Promise<void> {
    return super.sleep(ms, signal);
  }
}

/** An RS256-shaped JWT (unsigned) whose payload carries `exp` (and `iat` when given). */
export function makeJwt(id: string, expSeconds: number, iatSeconds?: number): string {
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ sub: id, exp: expSeconds, iat: iatSeconds })}.sig-${id}`;
}

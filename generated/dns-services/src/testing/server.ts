import type { MockProvider } from './mock-provider.js';

/**
 * The mock over HTTP on 127.0.0.1, for tests written in other languages or run against other tools.
 * Node only: `node:http` is imported when a server starts, so the rest of the kit, and bundles for
 * other runtimes, never load it, and the package needs no Node type definitions.
 */

export interface MockServer {
  /** `http://127.0.0.1:<port>`: the client's `baseUrl`. */
  readonly url: string;
  readonly port: number;
  readonly mock: MockProvider;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

// The few parts of node:http used here.
interface IncomingMessage extends AsyncIterable<Uint8Array> {
  readonly method?: string;
  readonly url?: string;
  readonly headers: Record<string, string | string[] | undefined>;
}
interface ServerResponse {
  statusCode: number;
  readonly writableFinished: boolean;
  setHeader(name: string, value: string | string[]): void;
  end(body?: Uint8Array): void;
  destroy(): void;
  on(event: 'close', listener: () => void): void;
}
interface HttpServer {
  listen(port: number, host: string, callback: () => void): void;
  address(): { port: number } | string | null;
  close(callback: (error?: Error) => void): void;
  closeAllConnections?(): void;
  once(event: 'error', listener: (error: Error) => void): void;
}
interface NodeHttp {
  createServer(listener: (req: IncomingMessage, res: ServerResponse) => void): HttpServer;
}

const NODE_HTTP: string = 'node:http';
const HOST = '127.0.0.1';

async function readBody(req: IncomingMessage) {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req) {
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** Serves `mock` on 127.0.0.1; `port` 0 (the default) picks a free one. */
export async function serveMock(mock: MockProvider, port = 0): Promise<MockServer> {
  const http = (await import(NODE_HTTP)) as NodeHttp;
  let base = '';
  const server = http.createServer((req, res) => {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort(); // the caller went away: stop a delayed answer
    });
    void (async () => {
      try {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const method = req.method ?? 'GET';
        const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
        const response = await mock.fetch(`${base}${req.url ?? '/'}`, { method, headers, body: body?.byteLength ? body : null, signal: controller.signal });
        res.statusCode = response.status;
        response.headers.forEach((value, name) => res.setHeader(name, value));
        res.end(new Uint8Array(await response.arrayBuffer()));
      } catch {
        res.destroy(); // a dropped connection (or an aborted one) is dropped for real
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, resolve);
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  base = `http://${HOST}:${actual}`;
  return {
    url: base,
    port: actual,
    mock,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections?.();
      }),
  };
}

import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { parseDocumentText } from '../../generator/load/load-document.ts';
import { countDocumentOperations } from '../../generator/sync/check-fetched.ts';
import { sendJson, startServer, type TestServer } from '../helpers/server.ts';
import { ROOT } from '../helpers/workspace.ts';

/** The committed Time4VPS document, byte for byte (not strict JSON: raw control characters in strings). */
export const committedSwagger = await readFile(path.join(ROOT, 'specs/time4vps/swagger.json'), 'utf8');

type SwaggerDoc = { paths: Record<string, Record<string, unknown>> };

/** The committed document as a provider might republish it: `/balance` gone, `/token` and `/revoke` added. */
export function republishedSwagger(): string {
  const doc = parseDocumentText(committedSwagger, 'swagger.json') as SwaggerDoc;
  delete doc.paths['/balance'];
  doc.paths['/token'] = { post: { tags: ['Authentication'], summary: 'Get token', responses: { 200: { description: 'ok' } } } };
  doc.paths['/revoke'] = { post: { tags: ['Authentication'], summary: 'Revoke token', responses: { 200: { description: 'ok' } } } };
  return JSON.stringify(doc, null, 2);
}

export const operationCount = (text: string): number => countDocumentOperations(parseDocumentText(text, 'x.json') as Record<string, unknown>);

export const PAGE = `<!doctype html><html><head><title>API</title></head><body><div class="content">
<h1>Introduction</h1><p>Our HTTP REST API.</p>
<h2>Login</h2><pre><code>POST /login</code></pre><h2>Balance</h2><pre><code>GET /balance</code></pre>
</div></body></html>`;

export const PAGE_TEXT = 'Introduction\n\nOur HTTP REST API.\n\nLogin\n\nPOST /login\n\nBalance\n\nGET /balance\n';

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType });
  res.end(body);
}

/** A local provider: every route a sync test needs, on 127.0.0.1. */
export function startProviderServer(): Promise<TestServer> {
  const routes: Record<string, (res: ServerResponse) => void> = {
    '/swagger': (res) => send(res, 200, 'application/json', republishedSwagger()),
    '/same': (res) => send(res, 200, 'application/json', committedSwagger),
    '/html': (res) => send(res, 200, 'text/html; charset=utf-8', '<!doctype html><html><body><form>Login</form></body></html>'),
    '/html-as-json': (res) => send(res, 200, 'application/json', '<html><body>Maintenance</body></html>'),
    '/broken': (res) => send(res, 200, 'application/json', '{\n  "swagger": "2.0",\n  "paths": {\n    "/a": { "get": }\n  }\n}'),
    '/yaml': (res) => send(res, 200, 'application/yaml', 'swagger: "2.0"\ninfo: { title: t, version: "1" }\npaths:\n  /a:\n    get: { responses: { 200: { description: ok } } }\n'),
    '/no-operations': (res) => sendJson(res, 200, { swagger: '2.0', info: { title: 't', version: '1' }, paths: {} }),
    '/not-swagger': (res) => sendJson(res, 200, { error: ['Unknown action'] }),
    '/empty': (res) => send(res, 200, 'application/json', ''),
    '/server-error': (res) => sendJson(res, 503, { error: 'busy' }),
    '/hang': () => undefined, // never answers; the server closes the connection when the test ends
    '/userapi': (res) => send(res, 200, 'text/html; charset=utf-8', PAGE),
    '/login-page/userapi': (res) => send(res, 200, 'text/html', '<html><body><p>Please log in</p></body></html>'),
    '/json-page/userapi': (res) => sendJson(res, 200, { swagger: '2.0' }),
  };
  return startServer((req, res) => {
    const route = routes[new URL(req.url, 'http://x').pathname];
    if (route) route(res);
    else sendJson(res, 404, { error: 'not found' });
  });
}

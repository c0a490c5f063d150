import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import type { OpenAPIV3 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProviders } from '../../generator/config/load-provider.ts';
import { workspace } from '../../generator/workspace.ts';
import { sampleParams } from '../helpers/sample-params.ts';
import { ROOT } from '../helpers/workspace.ts';

/**
 * Contract test against an independent implementation of our own output: Stoplight Prism mocks
 * each generated openapi.json and validates every request against it (`--errors`), and every
 * operation of every client is called through the `operations` table.
 */
const ws = workspace(ROOT);
const providers = await listProviders(ws.specsDir);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

interface Prism {
  readonly url: string;
  readonly process: ChildProcess;
  readonly log: string[];
}

async function startPrism(spec: string): Promise<Prism> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js'), 'mock', '--errors', '-h', '127.0.0.1', '-p', String(port), spec], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start for ${spec}:\n${log.join('')}`)), 90_000);
    const onData = (chunk: Buffer) => {
      log.push(chunk.toString());
      if (/Prism is listening/.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with ${code}:\n${log.join('')}`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, process: child, log };
}

describe.each(providers)('contract with Prism: %s', (id) => {
  let prism: Prism;
  let doc: OpenAPIV3.Document;
  let pkg: Record<string, unknown>;

  beforeAll(async () => {
    const dir = path.join(ws.generatedDir, id);
    doc = JSON.parse(await readFile(path.join(dir, 'openapi.json'), 'utf8')) as OpenAPIV3.Document;
    pkg = (await import(path.join(dir, 'src/index.ts'))) as Record<string, unknown>;
    prism = await startPrism(path.join(dir, 'openapi.json'));
  });

  afterAll(() => {
    prism?.process.kill();
  });

  it('accepts every request of every operation', async () => {
    const operations = pkg.operations as Record<string, { method: string; path: string; group: string; name: string }>;
    const ClientClass = Object.values(pkg).find(
      (v) => typeof v === 'function' && /Client$/.test((v as { name: string }).name) && (v as { name: string }).name !== 'ApiClient',
    ) as new (options: unknown) => Record<string, Record<string, (params: unknown, options?: unknown) => Promise<unknown>>>;
    const client = new ClientClass({ baseUrl: prism.url, auth: { username: 'user@example.com', password: 'contract-test' }, maxRetries: 0 });
    const rejected: string[] = [];
    for (const [opId, op] of Object.entries(operations)) {
      const params = sampleParams(doc, op);
      try {
        await client[op.group]![op.name]!(params, { retry: false });
      } catch (error) {
        const body = JSON.stringify((error as { body?: unknown }).body ?? null);
        const status = (error as { status?: number }).status;
        // Prism answers violations with its own problem documents; anything else came from the mock's examples.
        if (/stoplight\.io\/prism\/errors/.test(body) || status === 422 || status === 400 || status === 401) {
          rejected.push(`${opId} ${op.method} ${op.path}: ${status} ${body.slice(0, 400)}`);
        }
      }
    }
    expect(rejected).toEqual([]);
    expect(prism.log.join('')).not.toMatch(/Request did not pass the validation rules/);
  }, 180_000);
});

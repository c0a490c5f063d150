import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProviders } from '../../generator/config/load-provider.ts';
import { buildTestingCatalog } from '../../generator/render/testing-data.ts';
import { workspace } from '../../generator/workspace.ts';
import type { OperationRules, ParamRule } from '../../templates/testing/catalog-types.ts';
import { sampleParams } from '../helpers/sample-params.ts';
import { ROOT } from '../helpers/workspace.ts';
import { call, loadKit, type LoadedKit } from './kit-client.ts';

/**
 * Prism stays the independent check of the mock's checks: the same calls go to Prism (`--errors`,
 * validating every request against the package's openapi.json) and to the mock, once with the
 * contract test's sample parameters and once with one parameter per operation made wrong. The mock
 * must refuse (400) exactly the requests Prism refuses (400/422).
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

async function startPrism(spec: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js'), 'mock', '--errors', '-h', '127.0.0.1', '-p', String(port), spec], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start:\n${log.join('')}`)), 90_000);
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
  return { url: `http://127.0.0.1:${port}`, child };
}

/** A value the parameter's schema refuses, or `undefined` when this kit cannot make one. */
function wrongValue(param: ParamRule): unknown {
  const s = param.schema;
  if (!s || s.anyOf) return undefined;
  if (s.enum) return 'not-one-of-them';
  if (s.type === 'integer' || s.type === 'number') return 'not-a-number';
  if (s.pattern) return '!!';
  if (param.in === 'body' && s.type === 'string') return 12345;
  if (param.in === 'body' && s.type === 'boolean') return 'maybe';
  if (param.in === 'body' && s.type === 'array') return 'not-a-list';
  return undefined;
}

function mutate(rules: OperationRules | undefined, params: Record<string, unknown>): { params: Record<string, unknown>; what: string } | undefined {
  for (const param of rules?.params ?? []) {
    const value = wrongValue(param);
    if (value !== undefined) return { params: { ...params, [param.name]: value }, what: `${param.name}=${JSON.stringify(value)}` };
  }
  return undefined;
}

describe.each(providers)('the mock agrees with Prism on %s', (id) => {
  let kit: LoadedKit;
  let prism: { url: string; child: ChildProcess };

  beforeAll(async () => {
    kit = await loadKit(id);
    prism = await startPrism(path.join(ws.generatedDir, id, 'openapi.json'));
  });
  afterAll(async () => {
    prism?.child.kill();
    await kit?.remove();
  });

  it('refuses the requests Prism refuses and accepts the ones it accepts', async () => {
    const catalog = buildTestingCatalog(kit.model, kit.doc);
    const mock = kit.createMockProvider();
    const seen: { prism: number; mock: number }[] = [];
    /** Sends each request to Prism and to the mock; the client gets the mock's answer. */
    const both: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      const prismResponse = await fetch(`${prism.url}${url.pathname.replace(/^\/api(?=\/)/, '')}${url.search}`, init);
      await prismResponse.arrayBuffer();
      const response = await mock.fetch(input, init);
      seen.push({ prism: prismResponse.status, mock: response.status });
      return response;
    };
    const client = kit.client({ auth: { username: 'user@example.com', password: 'contract-test' }, fetch: both });
    const disagreements: string[] = [];
    let refusedByPrism = 0;
    let checked = 0;
    for (const op of Object.values(kit.operations)) {
      const route = `${op.method} ${op.path}`;
      const sample = sampleParams(kit.doc, op);
      const mutated = mutate(catalog.operations[route], sample);
      for (const [label, params] of [['sample', sample], [mutated?.what, mutated?.params]] as const) {
        if (!params) continue;
        seen.length = 0;
        await call(kit, client, route, params, { retry: false }).catch(() => undefined);
        const last = seen.at(-1);
        if (!last) continue;
        checked++;
        const prismRefused = last.prism === 400 || last.prism === 422;
        if (prismRefused) refusedByPrism++;
        if (prismRefused !== (last.mock === 400)) disagreements.push(`${route} (${label}): Prism ${last.prism}, mock ${last.mock}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(checked).toBeGreaterThan(Object.keys(kit.operations).length);
    // The mutations must reach Prism's checks at all, or this test proves nothing.
    expect(refusedByPrism).toBeGreaterThan(0);
  }, 180_000);
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OpenAPIV3 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProviders } from '../../generator/config/load-provider.ts';
import { buildTestingCatalog } from '../../generator/render/testing-data.ts';
import { workspace } from '../../generator/workspace.ts';
import type { OperationRules, ParamRule } from '../../templates/testing/catalog-types.ts';
import { startPrism, type Prism } from '../helpers/prism.ts';
import { sampleParams } from '../helpers/sample-params.ts';
import { ROOT } from '../helpers/workspace.ts';
import { call, loadKit, type LoadedKit } from '../testing/kit-client.ts';

/**
 * Contract test against an independent implementation of our own output: Stoplight Prism mocks
 * each generated openapi.json and validates every request against it (`--errors`), and every
 * operation of every client is called through the `operations` table. Prism is also the
 * independent check of the test kit's mock: the same calls go to Prism and to the mock, once with
 * the sample parameters and once with one parameter per operation made wrong, and the mock must
 * refuse (400) exactly the requests Prism refuses (400/422).
 */
const ws = workspace(ROOT);
const providers = await listProviders(ws.specsDir);

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

describe.each(providers)('contract with Prism: %s', (id) => {
  let prism: Prism;
  let doc: OpenAPIV3.Document;
  let pkg: Record<string, unknown>;
  let kit: LoadedKit;

  beforeAll(async () => {
    const dir = path.join(ws.generatedDir, id);
    doc = JSON.parse(await readFile(path.join(dir, 'openapi.json'), 'utf8')) as OpenAPIV3.Document;
    pkg = (await import(path.join(dir, 'src/index.ts'))) as Record<string, unknown>;
    kit = await loadKit(id);
    prism = await startPrism(path.join(dir, 'openapi.json'));
  });

  afterAll(() => {
    return prism?.close();
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

/**
 * Defects of real documents that the peers repair silently are repaired here too, each with a warning
 * in the report (and so the terminal), and the package type-checks under strict; what is no API
 * document at all is still refused with a diagnostic naming the place.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { generateFromSpec } from '../../generator/use-cases/generate.ts';
import { sendJson, startServer, type TestServer } from '../helpers/server.ts';
import { typecheckPackages } from '../helpers/batch-typecheck.ts';

let tmp: string;
let count = 0;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'clientgen-repairs-'));
});

/** Writes `text` as `name` in a fresh folder, generates its package there, and returns what came out. */
async function generate(name: string, text: string, options: { allowRemoteRefs?: boolean; extra?: Record<string, string> } = {}) {
  const dir = path.join(tmp, String(++count));
  await mkdir(dir);
  for (const [file, content] of Object.entries(options.extra ?? {})) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  await writeFile(path.join(dir, name), text);
  const out = path.join(dir, 'out');
  const [result] = await generateFromSpec(path.join(dir, name), out, { allowRemoteRefs: options.allowRemoteRefs }, { force: true });
  const read = (file: string) => readFile(path.join(out, file), 'utf8');
  return { out, result: result!, read, warnings: result!.warnings.map((w) => `${w.pass}: ${w.message}${w.pointer ? ` @ ${w.pointer}` : ''}` ) };
}

const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

type Generated = Awaited<ReturnType<typeof generate>>;

const ops = (ids: string[]) => ({
  openapi: '3.0.3',
  info: { title: 'Ops', version: '1' },
  paths: Object.fromEntries(ids.map((id, i) => [`/things/${i}`, { post: { operationId: id, responses: { 204: { description: 'done' } } } }])),
});

const withRef = (ref: string) =>
  JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'Pets', version: '1' },
    paths: { '/pet': { get: { operationId: 'getPet', responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: ref } } } } } } } },
  });

/**
 * The packages the tests below type-check, generated first so that one tsc program checks all of
 * them (one parse of the DOM lib and one check of the runtime instead of one per package), with the packages' own
 * tsconfig; each test asserts its own package's diagnostics.
 */
const TYPECHECKED = {
  shapes: () =>
    generate('shapes.json', JSON.stringify({ openapi: '3.0.3', info: { title: 'Shapes', version: '1' }, components: { schemas: { Shape: { type: 'object', properties: { sides: { type: 'integer' } } } } } })),
  collidingIds: () => generate('ops.json', JSON.stringify(ops(['create', 'create_']))),
  defaultedBody: () =>
    generate(
      'orders.json',
      JSON.stringify({
        openapi: '3.0.3',
        info: { title: 'Orders', version: '1' },
        paths: { '/orders': { post: { operationId: 'createOrder', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } }, responses: { 204: { description: 'ok' } } } } },
        components: { schemas: { Order: { type: 'object', properties: { item: { type: 'string' }, quantity: { type: 'integer', default: 1 } } } } },
      }),
    ),
  fileRefs: () =>
    generate('pets.json', withRef('./schemas/pet.yaml'), {
      extra: { 'schemas/pet.yaml': 'type: object\nproperties:\n  name: { type: string }\n  owner: { $ref: "./owner.yaml" }\n', 'schemas/owner.yaml': 'type: object\nproperties:\n  id: { type: integer }\n' },
    }),
};
const typechecked = {} as Record<keyof typeof TYPECHECKED, Generated & { diagnostics: string[] }>;

beforeAll(async () => {
  const packages: [keyof typeof TYPECHECKED, Generated][] = [];
  for (const [name, make] of Object.entries(TYPECHECKED) as [keyof typeof TYPECHECKED, () => Promise<Generated>][]) packages.push([name, await make()]);
  const outs = packages.map(([, p]) => p.out);
  const configs = await Promise.all(outs.map((out) => readFile(path.join(out, 'tsconfig.json'), 'utf8')));
  expect(new Set(configs).size).toBe(1);
  const { byDir, byPackage } = await typecheckPackages(tmp, outs, { extendsConfig: path.join(outs[0] as string, 'tsconfig.json'), shareCopies: true });
  // tsc's output outside every package (a bad option, a crash) would be grouped under "(other)".
  expect(byPackage.get('(other)') ?? []).toEqual([]);
  for (const [name, p] of packages) typechecked[name] = { ...p, diagnostics: byDir.get(p.out) ?? [] };
}, 240_000);

describe('version fields written as YAML numbers', () => {
  it('reads swagger: 2.0 (a number) as Swagger "2.0" instead of "unsupported version 2"', async () => {
    const { warnings, result, read } = await generate(
      'pets.yaml',
      'swagger: 2.0\ninfo: { title: Pets, version: 1.0 }\npaths:\n  /pets:\n    get:\n      operationId: listPets\n      responses: { 200: { description: ok, schema: { type: array, items: { type: string } } } }\n',
    );
    expect(result.operations).toBe(1);
    expect(warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^load: "swagger": 2 read as "2\.0"/), expect.stringMatching(/^document-shape: info\.version 1 is a number.* @ \/info\/version$/)]));
    expect(JSON.parse(await read('package.json')).clientgen.specVersion).toBe('1');
  });

  it('reads openapi: 3.0 (a number) as "3.0.0"', async () => {
    const { warnings, result } = await generate('a.yaml', 'openapi: 3.0\ninfo: { title: A, version: "1" }\npaths:\n  /a:\n    get:\n      responses: { "204": { description: none } }\n');
    expect(result.operations).toBe(1);
    expect(warnings).toContainEqual(expect.stringMatching(/^load: "openapi": 3 read as "3\.0\.0"/));
  });
});

describe('the outline of the document', () => {
  it('generates the types of a 3.0 document without paths (components only), with a warning', async () => {
    const { warnings, result, read, diagnostics } = typechecked.shapes;
    expect(result.operations).toBe(0);
    expect(warnings).toContainEqual('document-shape: the document has no "paths" (components or webhooks only): the package has no operations, only types @ /paths');
    expect(await read('src/schema.ts')).toMatch(/Shape: \{/);
    expect(diagnostics).toEqual([]);
  }, 120_000);

  it('fills in a missing info.title from the file name and names the package after it', async () => {
    const { warnings, read } = await generate('inventory-api.yaml', 'openapi: 3.0.3\ninfo: { version: "2" }\npaths: {}\n');
    expect(warnings).toContainEqual('document-shape: info.title is missing; the file name "inventory-api" stands in @ /info/title');
    expect(JSON.parse(await read('openapi.json')).info.title).toBe('inventory-api');
  });

  it('keeps an unknown top-level field as an x- extension', async () => {
    const { warnings, read } = await generate('odd.json', JSON.stringify({ openapi: '3.0.3', info: { title: 'Odd', version: '1' }, paths: {}, basePath: '/v1' }));
    expect(warnings).toContainEqual('document-shape: unknown top-level field "basePath" kept as "x-basePath" @ /basePath');
    const normalised = JSON.parse(await read('openapi.json'));
    expect(normalised.basePath).toBeUndefined();
    expect(normalised['x-basePath']).toBe('/v1');
  });

  it('gives a response without description its status text, and an operation without responses a default one', async () => {
    const doc = { openapi: '3.0.3', info: { title: 'R', version: '1' }, paths: { '/a': { get: { operationId: 'getA', responses: { 404: {} } }, post: { operationId: 'postA' }, put: { operationId: 'putA', responses: {} } } } };
    const { warnings, read } = await generate('r.json', JSON.stringify(doc));
    expect(warnings).toEqual(
      expect.arrayContaining(['response-descriptions: response 404 has no description; "Not Found" stands in @ /paths/~1a/get/responses/404/description', 'response-descriptions: the operation declares no responses; its answer is untyped @ /paths/~1a/post/responses', 'response-descriptions: the operation declares no responses; its answer is untyped @ /paths/~1a/put/responses']),
    );
    const normalised = JSON.parse(await read('openapi.json'));
    expect(normalised.paths['/a'].get.responses['404']).toEqual({ description: 'Not Found' });
    expect(normalised.paths['/a'].post.responses).toEqual({ default: { description: 'Default response' } });
    expect(normalised.paths['/a'].put.responses).toEqual({ default: { description: 'Default response' } });
  });

  it('still refuses a fragment that is no API document, naming why', async () => {
    const error = await failure(generate('schema.json', JSON.stringify({ type: 'object', properties: { id: { type: 'string' } } })));
    expect(error).toBeInstanceOf(GeneratorError);
    expect(String((error as Error).message)).toMatch(/neither a "swagger": "2\.0" nor an "openapi": "3\.x" field/);
  });
});

describe('operationIds', () => {
  it('renames an operationId that collides after identifier-making (create and create_)', async () => {
    const { warnings, read, diagnostics } = typechecked.collidingIds;
    expect(warnings).toContainEqual('operation-ids: operationId "create_" gives the method name create, which another operation has; renamed to postThings1 @ /paths/~1things~11/post/operationId');
    const client = await read('src/client.ts');
    expect(client).toMatch(/\n  create\(/);
    expect(client).toMatch(/\n  postThings1\(/);
    expect(diagnostics).toEqual([]);
  }, 120_000);

  it('reports a duplicate operationId instead of refusing, and renames the second', async () => {
    const { warnings, read } = await generate('dup.json', JSON.stringify(ops(['create', 'create'])));
    expect(warnings).toContainEqual('operation-ids: operationId "create" is also used at #/paths/~1things~10/post/operationId (operationIds must be unique) @ /paths/~1things~11/post/operationId');
    expect(Object.keys(JSON.parse(await read('openapi.json')).paths).map((p) => JSON.parse(JSON.stringify(p)))).toHaveLength(2);
    expect(await read('src/operations.ts')).toMatch(/postThings1: \{/);
  });
});

describe('a referenced body schema with a defaulted property', () => {
  it('makes the body required, as openapi-typescript makes the property required (no TS2741 on params = {})', async () => {
    const { read, diagnostics } = typechecked.defaultedBody;
    expect(await read('src/client.ts')).toMatch(/createOrder\(\s*params: T\.CreateOrderParams,/);
    expect(await read('README.md')).toMatch(/createOrder\(\{ quantity: 1 \}\)/);
    expect(diagnostics).toEqual([]);
  }, 120_000);
});

describe('external $refs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      if (req.url === '/schemas/pet.json') sendJson(res, 200, { type: 'object', properties: { name: { type: 'string' } } });
      else sendJson(res, 404, {});
    });
  });
  afterAll(async () => {
    await server?.close();
  });
  it('bundles references to files relative to the document folder', async () => {
    const { read, diagnostics } = typechecked.fileRefs;
    const normalised = await read('openapi.json');
    expect(normalised).not.toMatch(/"\$ref": "\.\//);
    expect(await read('src/schema.ts')).toMatch(/name\?: string/);
    expect(await read('src/schema.ts')).toMatch(/id\?: number/);
    expect(diagnostics).toEqual([]);
  }, 120_000);

  it('refuses a remote reference without --allow-remote-refs, naming where it stands, and a private address even with it', async () => {
    const url = `${server.url}/schemas/pet.json`;
    const error = await failure(generate('remote.json', withRef(url)));
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toMatch(/paths\/~1pet\/get\/responses\/200\/content\/application~1json\/schema\/\$ref.*is remote.*--allow-remote-refs/s);
    // json-schema-ref-parser's SSRF guard: loopback and private addresses are never fetched.
    const allowed = await failure(generate('remote.json', withRef(url), { allowRemoteRefs: true }));
    expect((allowed as GeneratorError).message).toMatch(/points at a local or private address \(127\.0\.0\.1:\d+\), which is never fetched/);
    expect(server.requests).toHaveLength(0);
  });

  it('says which reference does not resolve when a file is missing', async () => {
    const error = await failure(generate('missing.json', withRef('./nowhere.yaml')));
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).message).toMatch(/cannot bundle the external \$refs: .*nowhere\.yaml/);
  });
});

/**
 * Names through `generate`: pins set by an overlay reach the client, the `operations` table and the
 * types; an unusable pin stops the run (exit 2) naming the file and pointer; a package regenerated from
 * a grown document keeps the names its `names.json` records, where one generated from scratch may not.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'clientgen-names-'));
});

const ok = { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } } } };
const store = (paths: Record<string, unknown>) => ({ openapi: '3.0.3', info: { title: 'Pet Store', version: '1.0.0' }, servers: [{ url: 'https://pets.example.test' }], paths });
const listPets = { '/pets': { get: { operationId: 'list', tags: ['pets'], responses: ok } } };
const listOwnerPets = { '/owners/{id}/pets': { get: { operationId: 'list', tags: ['pets'], parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: ok } } };

async function generate(out: string, doc: object, args: string[] = []) {
  await writeFile(path.join(dir, `${out}.json`), JSON.stringify(doc));
  const result = await runInProcess('generate', ['--spec', `${out}.json`, '--out', out, ...args], dir, { cwd: dir });
  const read = (file: string) => readFile(path.join(dir, out, file), 'utf8');
  return { ...result, read };
}

const pinOverlay = (target: string, pins: Record<string, string>) =>
  `overlay: 1.0.0\ninfo: { title: names, version: 1.0.0 }\nactions:\n  - target: "${target}"\n    update: ${JSON.stringify(pins)}\n`;

describe('pins in an overlay', () => {
  it('name the method, its group, its operations key and its types', async () => {
    await writeFile(path.join(dir, 'pins.yaml'), pinOverlay("$.paths['/pets'].get", { 'x-clientgen-group': 'animals', 'x-clientgen-name': 'all' }));
    const { code, stderr, read } = await generate('pinned', store(listPets), ['--overlay', 'pins.yaml']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(await read('src/client.ts')).toMatch(/readonly animals: AnimalsApi/);
    expect(await read('src/client.ts')).toMatch(/\n {2}all\(/);
    expect(await read('src/operations.ts')).toMatch(/\n {2}all: \{\n {4}method: 'GET',\n {4}path: '\/pets',\n {4}group: 'animals',\n {4}name: 'all',/);
    expect(await read('src/types.ts')).toMatch(/export type AllResponse\b/);
    expect(JSON.parse(await read('names.json')).operations).toEqual([{ route: 'GET /pets', group: 'animals', method: 'all', key: 'all' }]);
  });

  it('that collide stop the run with exit 2, naming the file and the pointer', async () => {
    await writeFile(path.join(dir, 'clash.yaml'), pinOverlay('$.paths.*.get', { 'x-clientgen-name': 'same' }));
    const { code, stderr } = await generate('clash', store({ ...listPets, ...listOwnerPets }), ['--overlay', 'clash.yaml']);
    expect(code).toBe(2);
    expect(stderr).toContain(`${path.join(dir, 'clash.json')} at #/paths/~1pets/get: the pinned name pets.same is also #/paths/~1owners~1{id}~1pets/get's`);
  });
});

describe('a package regenerated from a grown document', () => {
  it('keeps the existing operation\'s name; the newcomer is named around it, while from scratch the rules name them otherwise', async () => {
    const v1 = await generate('grown', store(listPets));
    expect(v1.code).toBe(0);
    expect(await v1.read('src/operations.ts')).toMatch(/\n {2}list: \{\n {4}method: 'GET',\n {4}path: '\/pets',/);
    const v2 = await generate('grown', store({ ...listOwnerPets, ...listPets }));
    expect(v2.code).toBe(0);
    const grown = await v2.read('src/operations.ts');
    expect(grown).toMatch(/\n {2}list: \{\n {4}method: 'GET',\n {4}path: '\/pets',/);
    expect(grown).toMatch(/\n {2}getOwnersByIdPets: \{\n {4}method: 'GET',\n {4}path: '\/owners\/\{id\}\/pets',/);
    expect(await v2.read('normalisation-report.md')).toContain('pets.list is an existing or pinned operation');

    const scratch = await generate('scratch', store({ ...listOwnerPets, ...listPets }));
    expect(await scratch.read('src/operations.ts')).toMatch(/\n {2}list: \{\n {4}method: 'GET',\n {4}path: '\/owners\/\{id\}\/pets',/);
  });

  it('keeps a pinned-away name as a deprecated alias', async () => {
    await rm(path.join(dir, 'renamed'), { recursive: true, force: true });
    expect((await generate('renamed', store(listPets))).code).toBe(0);
    await writeFile(path.join(dir, 'rename.yaml'), pinOverlay("$.paths['/pets'].get", { 'x-clientgen-name': 'listPets' }));
    const v2 = await generate('renamed', store(listPets), ['--overlay', 'rename.yaml']);
    expect(v2.code).toBe(0);
    const client = await v2.read('src/client.ts');
    expect(client).toMatch(/\n {2}listPets\(/);
    expect(client).toMatch(/@deprecated[^\n]*listPets[^]*?\n {2}list\(/);
    expect(JSON.parse(await v2.read('names.json')).operations).toEqual([{ route: 'GET /pets', group: 'pets', method: 'listPets', key: 'listPets', deprecated: ['pets.list'] }]);
  });
});

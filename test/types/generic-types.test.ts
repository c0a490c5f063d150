/**
 * A generic document's types: named after its own schemas, `<Key>Errors` from its error responses,
 * and parameters exactly as strict as the document (no HostBill leniency). Compiled by tsc.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFromSpec } from '../../generator/use-cases/generate.ts';
import { typecheckPackage } from '../helpers/typescript.ts';

const doc = {
  openapi: '3.0.3',
  info: { title: 'Pet Store', version: '1' },
  paths: {
    '/pets': {
      post: {
        tags: ['pets'],
        operationId: 'createPet',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/NewPet' } } } },
        responses: { 201: { description: 'made', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
      },
    },
    '/pets/{petId}': {
      get: {
        tags: ['pets'],
        operationId: 'getPet',
        parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: {
          200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
          404: { description: 'none', content: { 'application/json': { schema: { $ref: '#/components/schemas/NotFound' } } } },
          default: { description: 'error', content: { 'application/json': { schema: { type: 'object', properties: { message: { type: 'string' } } } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      Pet: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer' }, name: { type: 'string' } } },
      NewPet: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, age: { type: 'integer' }, kind: { type: 'string', enum: ['cat', 'dog'] } } },
      NotFound: { type: 'object', properties: { reason: { type: 'string' } } },
      // Names another export (the client class) and a global type: their aliases must step aside.
      PetStoreClient: { type: 'string' },
      Record: { type: 'integer' },
    },
  },
};

const CHECK = `
import type { CreatePetParams, GetPetErrors, GetPetResponse, NewPet, NotFound, Pet, PetStoreClientSchema, RecordSchema } from './index.js';
import { PetStoreClient } from './index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
declare const client: PetStoreClient;

export async function check(): Promise<void> {
  const response: Equal<GetPetResponse, Pet> = true;
  const notFound: Equal<GetPetErrors[404], NotFound> = true;
  const fallback: Equal<GetPetErrors['default'], { message?: string }> = true;
  const params: Equal<CreatePetParams, NewPet> = true;
  const renamed: Equal<PetStoreClientSchema, string> & Equal<RecordSchema, number> = true;
  void [response, notFound, fallback, params, renamed];
  await client.pets.createPet({ name: 'Rex', age: 2, kind: 'dog' });
  // @ts-expect-error this document's integers take no numeric strings.
  await client.pets.createPet({ name: 'Rex', age: '2' });
  // @ts-expect-error nor null for an optional field.
  await client.pets.createPet({ name: 'Rex', age: null });
  // @ts-expect-error enums are strict.
  await client.pets.createPet({ name: 'Rex', kind: 'cow' });
  // @ts-expect-error an integer path parameter takes no string.
  await client.pets.getPet({ petId: '1' });
}
`;

describe('a generic document\'s types', () => {
  it('names its schemas, types its errors and keeps its parameters strict', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'clientgen-generic-types-'));
    await writeFile(path.join(dir, 'pets.json'), JSON.stringify(doc));
    const out = path.join(dir, 'out');
    await generateFromSpec(path.join(dir, 'pets.json'), out, {}, { force: true });
    const types = await readFile(path.join(out, 'src/types.ts'), 'utf8');
    expect(types).not.toContain('Lenient');
    expect(types).toMatch(/export type GetPetResponse = Pet;/);
    await writeFile(path.join(out, 'src/check.ts'), CHECK);
    expect(await typecheckPackage(out)).toEqual({ code: 0, output: '' });
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import type { LoadedDocument } from '../../generator/load/load-document.ts';
import { normalise } from '../../generator/normalise/index.ts';
import { selfReferencingSchemasPass } from '../../generator/normalise/passes/self-referencing-schemas.ts';
import type { OpenApiDocument } from '../../generator/openapi/index.ts';
import { renderSchemaTypes } from '../../generator/render/schema-file.ts';
import { collectingContext, hostbillProvider } from '../helpers/context.ts';

/** Inputs that used to end in an internal message or a stack overflow: each is accepted or named by file and pointer. */
const generic = { ...hostbillProvider, hostbill: false };
const info = { title: 't', version: '1' };

function loaded(document: Record<string, unknown>): LoadedDocument {
  return { file: 'spec.json', kind: typeof document.swagger === 'string' ? 'swagger2' : 'openapi3', document };
}

async function failure(document: Record<string, unknown>): Promise<GeneratorError> {
  const error = await normalise(loaded(document), generic).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GeneratorError);
  return error as GeneratorError;
}

describe('Swagger 2.0 enum with null', () => {
  it('keeps the null (swagger2openapi left a hole that crashed openapi-typescript: "reading \'literal\'")', async () => {
    const { document } = await normalise(
      loaded({ swagger: '2.0', info, paths: {}, definitions: { A: { type: 'integer', enum: [null, 1] }, B: { type: 'array', items: { type: 'string' }, default: ['a', null] } } }),
      generic,
    );
    const schemas = document.components?.schemas as Record<string, { enum?: unknown[]; default?: unknown[] }>;
    expect(schemas.A?.enum).toEqual([null, 1]);
    expect(0 in (schemas.A?.enum ?? [])).toBe(true);
    expect(schemas.B?.default).toEqual(['a', null]);
    expect(await renderSchemaTypes(document)).toMatch(/A: null \| 1;/);
  });
});

describe('swagger2openapi failures name the place', () => {
  it('a key named hasOwnProperty ("object.hasOwnProperty is not a function")', async () => {
    const error = await failure({ swagger: '2.0', info, paths: { '/a': { get: { responses: { 200: { description: 'ok', schema: { type: 'object', properties: { hasOwnProperty: { type: 'string' } } } } } } } } });
    expect(error.place).toEqual({ file: 'spec.json', pointer: '/paths/~1a/get/responses/200/schema/properties/hasOwnProperty' });
    expect(error.problem).toMatch(/key named "hasOwnProperty"/);
  });

  it('a lone surrogate in a definition name and its $ref ("URI malformed")', async () => {
    const error = await failure({ swagger: '2.0', info, paths: {}, definitions: { 'a\ud83d': { type: 'string' }, B: { $ref: '#/definitions/a\ud83d' } } });
    expect(error.place).toEqual({ file: 'spec.json', pointer: '/definitions/B/$ref' });
    expect(error.problem).toMatch(/lone surrogate/);
  });
});

describe('paths no request could fill', () => {
  const op = (parameters: unknown[] = []) => ({ get: { parameters, responses: { 200: { description: 'ok' } } } });
  const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

  it('a stray brace in a segment', async () => {
    const error = await failure({ openapi: '3.0.3', info, paths: { '/a{b/{id}': op([pathParam('id')]) } });
    expect(error.place).toEqual({ file: 'spec.json (normalised)', pointer: '/paths/~1a{b~1{id}' });
    expect(error.problem).toMatch(/"\{" or "\}" that does not enclose a parameter name/);
    expect((await failure({ openapi: '3.0.3', info, paths: { '/a}/b': op() } })).place.pointer).toBe('/paths/~1a}~1b');
  });

  it('a brace in a path parameter name', async () => {
    const error = await failure({ openapi: '3.0.3', info, paths: { '/a/{{id}}': op([pathParam('{id}')]) } });
    expect(error.place.pointer).toBe('/paths/~1a~1{{id}}');
    expect(error.problem).toMatch(/with no braces in the name/);
  });

  it('accepts placeholders inside a segment', async () => {
    const { document } = await normalise(loaded({ openapi: '3.0.3', info, paths: { '/files/{name}.{ext}': op([pathParam('name'), pathParam('ext')]) } }), generic);
    expect(Object.keys(document.paths)).toEqual(['/files/{name}.{ext}']);
  });
});

describe('self-referencing-schemas on a $ref chain 5,000 schemas long', () => {
  it('walks it without overflowing the stack, and still breaks the cycle at its end', () => {
    const schemas: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) schemas[`A${i}`] = { $ref: `#/components/schemas/A${(i + 1) % 5000}` };
    const doc = { openapi: '3.0.3', info, paths: {}, components: { schemas } } as unknown as OpenApiDocument;
    const ctx = collectingContext(generic);
    selfReferencingSchemasPass.run(doc, ctx);
    expect(ctx.entries).toEqual([expect.objectContaining({ kind: 'warning', pointer: '/components/schemas/A4999' })]);
    expect(schemas.A4999).toEqual({});
    expect(schemas.A4998).toEqual({ $ref: '#/components/schemas/A4999' });
  });
});

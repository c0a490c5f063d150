import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { assertReferencesResolve } from '../../generator/normalise/check-refs.ts';
import { MAX_REFERENCE_HOPS } from '../../generator/openapi/index.ts';

/** An OpenAPI 3 document whose one operation takes `parameters`, with `components`. */
function documentWith(parameters: unknown[], components: Record<string, unknown>): Record<string, unknown> {
  return { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/items': { get: { parameters, responses: { 200: { description: 'ok' } } } } }, components };
}

function problemOf(doc: Record<string, unknown>): { pointer: string | undefined; problem: string } | undefined {
  try {
    assertReferencesResolve(doc, 'spec.json');
    return undefined;
  } catch (error) {
    if (!(error instanceof GeneratorError)) throw error;
    return { pointer: error.place.pointer, problem: error.problem };
  }
}

/** A parameter $ref cycle or an overlong chain lost the parameter without a word (the stages stop after MAX_REFERENCE_HOPS). */
describe('assertReferencesResolve: chains of references to parameters, bodies and responses', () => {
  it('refuses a chain that loops, naming a $ref of the loop and the chain', () => {
    const doc = documentWith([{ $ref: '#/components/parameters/A' }], { parameters: { A: { $ref: '#/components/parameters/B' }, B: { $ref: '#/components/parameters/A' } } });
    const found = problemOf(doc);
    expect(found?.pointer).toMatch(/^\/(paths\/~1items\/get\/parameters\/0|components\/parameters\/[AB])\/\$ref$/);
    expect(found?.problem).toMatch(/^the \$ref chain "#\/components\/parameters\/[AB]" → .* loops without reaching an object/);
  });

  it('refuses a Swagger 2.0 response that refers to itself', () => {
    const doc = { swagger: '2.0', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { 200: { $ref: '#/responses/Ok' } } } } }, responses: { Ok: { $ref: '#/responses/Ok' } } };
    expect(problemOf(doc)?.problem).toBe('the $ref chain "#/responses/Ok" → "#/responses/Ok" loops without reaching an object, so what it stands for would be lost');
  });

  it('refuses a chain longer than the stages follow, and takes one as long as they follow', () => {
    const chain = (length: number): Record<string, unknown> => {
      const parameters: Record<string, unknown> = {};
      for (let i = 0; i < length; i++) parameters[`P${i}`] = i === length - 1 ? { name: 'q', in: 'query', schema: { type: 'string' } } : { $ref: `#/components/parameters/P${i + 1}` };
      return documentWith([{ $ref: '#/components/parameters/P0' }], { parameters });
    };
    expect(problemOf(chain(MAX_REFERENCE_HOPS))).toBeUndefined();
    expect(problemOf(chain(MAX_REFERENCE_HOPS + 2))?.problem).toMatch(new RegExp(`runs past ${MAX_REFERENCE_HOPS} references without reaching an object`));
  });

  it('leaves schema cycles to the self-referencing-schemas pass, and chains that reach an object alone', () => {
    const doc = documentWith([{ $ref: '#/components/parameters/A' }], {
      parameters: { A: { $ref: '#/components/parameters/B' }, B: { name: 'q', in: 'query', schema: { $ref: '#/components/schemas/X' } } },
      schemas: { X: { $ref: '#/components/schemas/Y' }, Y: { $ref: '#/components/schemas/X' } },
    });
    expect(problemOf(doc)).toBeUndefined();
  });
});

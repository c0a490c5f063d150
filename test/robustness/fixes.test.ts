import { describe, expect, it } from 'vitest';
import type { SwaggerDocument } from '../../generator/normalise/pass.ts';
import { pathParametersPass } from '../../generator/normalise/source-passes/path-parameters.ts';
import { collectingContext } from '../helpers/context.ts';

/** One test per generator fix found by the robustness suites (oas-examples, fuzzing, GitHub's document). */

describe('path-parameters with $ref parameters (GitHub: /apps/{app_slug})', () => {
  it('counts a referenced path parameter as declared instead of adding a duplicate', () => {
    const doc: SwaggerDocument = {
      openapi: '3.0.3',
      components: { parameters: { slug: { name: 'app_slug', in: 'path', required: true, schema: { type: 'string' } } } },
      paths: { '/apps/{app_slug}': { get: { parameters: [{ $ref: '#/components/parameters/slug' }], responses: { 200: { description: 'ok' } } } } },
    };
    const ctx = collectingContext();
    pathParametersPass.run(doc, ctx);
    expect((doc.paths?.['/apps/{app_slug}']?.get as Record<string, unknown>).parameters).toEqual([{ $ref: '#/components/parameters/slug' }]);
    expect(ctx.entries).toEqual([]);
  });

  it('resolves Swagger 2.0 #/parameters references, at path level too, and still removes stray ones', () => {
    const doc: SwaggerDocument = {
      swagger: '2.0',
      parameters: { id: { name: 'id', in: 'path', required: true, type: 'integer' }, gone: { name: 'gone', in: 'path', required: true, type: 'string' } },
      paths: { '/a/{id}': { parameters: [{ $ref: '#/parameters/id' }, { $ref: '#/parameters/gone' }], get: { responses: { 200: { description: 'ok' } } } } },
    };
    const ctx = collectingContext();
    pathParametersPass.run(doc, ctx);
    expect(doc.paths?.['/a/{id}']?.parameters).toEqual([{ $ref: '#/parameters/id' }]);
    expect(ctx.entries.filter((e) => e.kind === 'change')).toEqual([]);
  });
});

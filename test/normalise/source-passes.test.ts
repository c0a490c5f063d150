import { type SourceDocument } from '../../generator/openapi/index.ts';
import { describe, expect, it } from 'vitest';
import { arrayParametersPass } from '../../generator/normalise/source-passes/array-parameters.ts';
import { blankMethodPass } from '../../generator/normalise/source-passes/blank-method.ts';
import { fileResponsesPass } from '../../generator/normalise/source-passes/file-responses.ts';
import { pathPlaceholdersPass } from '../../generator/normalise/source-passes/path-placeholders.ts';
import { unreferencedDefinitionsPass } from '../../generator/normalise/source-passes/unreferenced-definitions.ts';
import { collectingContext } from '../helpers/context.ts';

const op = (extra: Record<string, unknown> = {}) => ({ responses: { 200: { description: 'ok' } }, ...extra });

describe('path-placeholders', () => {
  it('turns @name segments into {name} and adds a missing leading slash', () => {
    const doc: SourceDocument = { paths: { '/service/@service_id/dns/@zone_id': { get: op() }, token: { post: op() }, '/a@b/c': { get: op() } } };
    const ctx = collectingContext();
    pathPlaceholdersPass.run(doc, ctx);
    expect(Object.keys(doc.paths ?? {})).toEqual(['/service/{service_id}/dns/{zone_id}', '/token', '/a@b/c']);
    expect(ctx.entries).toHaveLength(2);
    expect(ctx.entries[0]?.pointer).toBe('/paths/~1service~1@service_id~1dns~1@zone_id');
  });

  it('removes a non-breaking space that slipped into a path', () => {
    const doc: SourceDocument = { paths: { '/contact/\u00a0privileges': { get: op() } } };
    pathPlaceholdersPass.run(doc, collectingContext());
    expect(Object.keys(doc.paths ?? {})).toEqual(['/contact/privileges']);
  });
});

describe('blank-method', () => {
  it('keeps the operation under a blank key as GET when it sends no body', () => {
    const operation = op({ operationId: 'vpnLoginDetails' });
    const doc: SourceDocument = { paths: { '/vpn/logindetails': { '': operation } } };
    const ctx = collectingContext();
    blankMethodPass.run(doc, ctx);
    expect(doc.paths?.['/vpn/logindetails']).toEqual({ get: operation });
    expect(ctx.entries[0]?.message).toContain('became GET');
  });

  it('uses POST when GET is taken or the operation sends a body', () => {
    const withBody = op({ parameters: [{ in: 'body', name: 'b', schema: {} }] });
    const doc: SourceDocument = { paths: { '/a': { '': withBody }, '/b': { get: op(), ' ': op() } } };
    blankMethodPass.run(doc, collectingContext());
    expect(Object.keys(doc.paths?.['/a'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths?.['/b'] ?? {})).toEqual(['get', 'post']);
  });

  it('accepts a method key in the wrong case', () => {
    const doc: SourceDocument = { paths: { '/a': { GET: op() } } };
    blankMethodPass.run(doc, collectingContext());
    expect(Object.keys(doc.paths?.['/a'] ?? {})).toEqual(['get']);
  });

  it('leaves path-item fields alone', () => {
    const doc: SourceDocument = { paths: { '/a': { parameters: [], 'x-foo': { summary: 'x' }, get: op() } } };
    blankMethodPass.run(doc, collectingContext());
    expect(Object.keys(doc.paths?.['/a'] ?? {})).toEqual(['parameters', 'x-foo', 'get']);
  });
});

describe('array-items', () => {
  it('moves an enum from an array to its items and adds missing items', () => {
    const doc: SourceDocument = {
      paths: { '/d': { put: op({ parameters: [{ name: 'emarketing', in: 'query', type: 'array', items: { type: 'string' }, enum: ['Subscribed'] }] }) } },
      definitions: { Clientarea: { type: 'object', properties: { '2faenable': { type: 'array', enum: ['Enable'] } } } },
    };
    arrayParametersPass.run(doc, collectingContext());
    const param = ((doc.paths?.['/d']?.put as Record<string, unknown>).parameters as Record<string, unknown>[])[0];
    expect(param).toEqual({ name: 'emarketing', in: 'query', type: 'array', items: { type: 'string', enum: ['Subscribed'] } });
    expect((doc.definitions as Record<string, { properties: Record<string, unknown> }>).Clientarea?.properties['2faenable']).toEqual({
      type: 'array',
      items: { type: 'string', enum: ['Enable'] },
    });
  });
});

describe('unreferenced-definitions', () => {
  it('removes definitions nothing references and keeps the reachable ones', () => {
    const doc: SourceDocument = {
      paths: { '/a': { get: op({ responses: { 200: { description: 'ok', schema: { $ref: '#/definitions/A' } } } }) } },
      definitions: { A: { properties: { b: { $ref: '#/definitions/B' } } }, B: { type: 'string' }, 'SSL Certificates': { type: 'object' } },
    };
    const ctx = collectingContext();
    unreferencedDefinitionsPass.run(doc, ctx);
    expect(Object.keys(doc.definitions as object)).toEqual(['A', 'B']);
    expect(ctx.entries.map((e) => e.message)).toEqual(['removed unreferenced definition "SSL Certificates"']);
  });
});

describe('file-responses', () => {
  it('marks responses of operations that produce only non-JSON types as files', () => {
    const doc: SourceDocument = {
      paths: {
        '/crt': { get: op({ produces: ['application/x-x509-ca-cert'] }) },
        '/json': { get: op({ produces: ['application/json'] }) },
      },
    };
    fileResponsesPass.run(doc, collectingContext());
    const responses = (p: string) => ((doc.paths?.[p]?.get as Record<string, unknown>).responses as Record<string, Record<string, unknown>>)['200'];
    expect(responses('/crt')?.schema).toEqual({ type: 'file' });
    expect(responses('/json')?.schema).toBeUndefined();
  });
});

describe('path-parameters', () => {
  it('declares undeclared placeholders and removes path parameters the template lacks', async () => {
    const { pathParametersPass } = await import('../../generator/normalise/source-passes/path-parameters.ts');
    const doc: SourceDocument = {
      swagger: '2.0',
      paths: {
        '/ticket/attachment/{file}': {
          get: op({ parameters: [{ name: 'number', in: 'path', type: 'integer', required: true }] }),
        },
      },
    };
    const ctx = collectingContext();
    pathParametersPass.run(doc, ctx);
    expect((doc.paths?.['/ticket/attachment/{file}']?.get as Record<string, unknown>).parameters).toEqual([
      { name: 'file', in: 'path', required: true, type: 'string' },
    ]);
    expect(ctx.entries.map((e) => e.kind)).toEqual(['warning', 'change']);
  });
});

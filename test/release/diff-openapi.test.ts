import { beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../generator/release/change.ts';
import { diffOpenApi } from '../../generator/release/diff-openapi.ts';
import { indexOperations, type PlainDocument } from '../../generator/release/openapi-index.ts';
import { body, clone, normaliseTime4vps, op, response, time4vpsSwagger, type Json } from './fixtures.ts';

let base: PlainDocument;
beforeAll(async () => {
  base = await normaliseTime4vps(await time4vpsSwagger());
});

/** The changes from the committed document to a copy edited by `edit`, without messages (asserted separately). */
function changesAfter(edit: (doc: Json) => void): Omit<Change, 'message'>[] {
  const after = clone(base) as Json;
  edit(after);
  return diffOpenApi(base, after).map(({ message: _message, ...rest }) => rest);
}

describe('diffOpenApi on the normalised Time4VPS document', () => {
  it('finds nothing between a document and itself, or a copy with keys reordered', () => {
    expect(diffOpenApi(base, clone(base))).toEqual([]);
    const reordered = Object.fromEntries(Object.entries(clone(base)).reverse());
    expect(diffOpenApi(base, reordered)).toEqual([]);
  });

  describe('operations', () => {
    it('a removed operation is breaking, an added one is not', () => {
      expect(changesAfter((d) => delete d.paths['/service/{service_id}/dns/{zone_id}'].delete)).toEqual([
        { severity: 'breaking', kind: 'operation-removed', operation: 'DELETE /service/{service_id}/dns/{zone_id}' },
      ]);
      expect(
        changesAfter((d) => {
          d.paths['/token'] = { post: { tags: ['Authentication'], operationId: 'getToken', responses: { 200: { description: 'ok' } } } };
        }),
      ).toEqual([{ severity: 'feature', kind: 'operation-added', operation: 'POST /token' }]);
    });

    it('a changed operationId or first tag is breaking (they name the operations key and the client group)', () => {
      expect(
        changesAfter((d) => {
          op(d, 'GET /dns').operationId = 'allZones';
          op(d, 'GET /balance').tags = ['Account'];
        }),
      ).toEqual([
        { severity: 'breaking', kind: 'group-changed', operation: 'GET /balance' },
        { severity: 'breaking', kind: 'operation-id-changed', operation: 'GET /dns' },
      ]);
    });
  });

  describe('parameters: path, query and JSON body properties', () => {
    it('a removed body property is breaking', () => {
      expect(changesAfter((d) => delete body(d, 'PUT /details').properties.companyname)).toEqual([
        { severity: 'breaking', kind: 'parameter-removed', operation: 'PUT /details', target: 'companyname' },
      ]);
    });

    it('a removed query parameter is breaking', () => {
      expect(
        changesAfter((d) => {
          const get = op(d, 'GET /notifications');
          get.parameters = get.parameters.filter((p: Json) => p.name !== 'rel_id');
        }),
      ).toEqual([{ severity: 'breaking', kind: 'parameter-removed', operation: 'GET /notifications', target: 'rel_id' }]);
    });

    it('one property gone and one new in the same place is a rename, and breaking', () => {
      const changes = diffOpenApi(
        base,
        (() => {
          const d = clone(base) as Json;
          const props = body(d, 'POST /service/{id}/label').properties;
          props.name = props.label;
          delete props.label;
          return d;
        })(),
      );
      expect(changes).toEqual([
        { severity: 'breaking', kind: 'parameter-renamed', operation: 'POST /service/{id}/label', target: 'label', message: 'parameter `label` renamed to `name` (body)' },
      ]);
    });

    it('an optional parameter added is not breaking; a required one is', () => {
      expect(
        changesAfter((d) => {
          body(d, 'POST /service/{id}/label').properties.color = { type: 'string' };
          op(d, 'GET /dns').parameters = [{ name: 'page', in: 'query', schema: { type: 'integer' } }];
        }),
      ).toEqual([
        { severity: 'feature', kind: 'parameter-added', operation: 'GET /dns', target: 'page' },
        { severity: 'feature', kind: 'parameter-added', operation: 'POST /service/{id}/label', target: 'color' },
      ]);
      expect(
        changesAfter((d) => {
          const schema = body(d, 'POST /service/{id}/label');
          schema.properties.color = { type: 'string' };
          schema.required = ['color'];
        }),
      ).toEqual([{ severity: 'breaking', kind: 'parameter-added', operation: 'POST /service/{id}/label', target: 'color' }]);
    });

    it('a parameter newly required is breaking; no longer required is not', () => {
      const required = clone(base) as Json;
      body(required, 'POST /service/{id}/label').required = ['label'];
      expect(diffOpenApi(base, required).map((c) => [c.severity, c.kind, c.target])).toEqual([['breaking', 'parameter-required', 'label']]);
      expect(diffOpenApi(required, base).map((c) => [c.severity, c.kind, c.target])).toEqual([['feature', 'parameter-optional', 'label']]);
    });

    it('a narrowed type is breaking, a widened one is not, a different one is', () => {
      const narrowed = clone(base) as Json;
      body(narrowed, 'POST /order').properties.pay_method.minimum = 1;
      expect(diffOpenApi(base, narrowed).map((c) => [c.severity, c.kind, c.target, c.message])).toEqual([
        ['breaking', 'type-narrowed', 'pay_method', 'parameter `pay_method`: minimum tightened from none to 1'],
      ]);
      const widened = clone(base) as Json;
      body(widened, 'POST /order').properties.pay_method.type = 'number';
      expect(diffOpenApi(base, widened).map((c) => [c.severity, c.kind, c.message])).toEqual([
        ['feature', 'type-widened', 'parameter `pay_method`: type widened from `integer` to `number`'],
      ]);
      expect(diffOpenApi(widened, base).map((c) => [c.severity, c.kind, c.message])).toEqual([
        ['breaking', 'type-narrowed', 'parameter `pay_method`: type narrowed from `number` to `integer`'],
      ]);
      const retyped = clone(base) as Json;
      body(retyped, 'POST /service/{id}/label').properties.label.type = 'integer';
      expect(diffOpenApi(base, retyped).map((c) => [c.severity, c.kind, c.message])).toEqual([
        ['breaking', 'type-changed', 'parameter `label`: type changed from `string` to `integer`'],
      ]);
    });

    it('a free parameter restricted to listed values is breaking; the restriction lifted is not', () => {
      const restricted = clone(base) as Json;
      body(restricted, 'POST /service/{id}/cancel').properties.immediate.enum = ['true', 'false'];
      expect(diffOpenApi(base, restricted).map((c) => [c.severity, c.kind, c.target])).toEqual([['breaking', 'type-narrowed', 'immediate']]);
      expect(diffOpenApi(restricted, base).map((c) => [c.severity, c.kind, c.target])).toEqual([['feature', 'type-widened', 'immediate']]);
    });

    it('an enum value removed is breaking, one added is not', () => {
      const removed = clone(base) as Json;
      body(removed, 'PUT /details').properties.type.enum = ['Private'];
      expect(diffOpenApi(base, removed)).toEqual([
        { severity: 'breaking', kind: 'enum-value-removed', operation: 'PUT /details', target: 'type', message: 'parameter `type`: enum value `"Company"` removed' },
      ]);
      expect(diffOpenApi(removed, base)).toEqual([
        { severity: 'feature', kind: 'enum-value-added', operation: 'PUT /details', target: 'type', message: 'parameter `type`: enum value `"Company"` added' },
      ]);
    });

    it('a parameter moved from query to body is not breaking (the client takes one params object)', () => {
      const moved = clone(base) as Json;
      const get = op(moved, 'GET /notifications');
      const [relId] = get.parameters.filter((p: Json) => p.name === 'rel_id');
      get.parameters = get.parameters.filter((p: Json) => p.name !== 'rel_id');
      get.requestBody = { content: { 'application/json': { schema: { type: 'object', properties: { rel_id: { ...relId.schema, description: relId.description } } } } } };
      expect(diffOpenApi(base, moved).map((c) => [c.severity, c.kind, c.target])).toEqual([['feature', 'parameter-moved', 'rel_id']]);
    });

    it('follows $refs: a body moved into components/schemas is no change; a change inside the component is', () => {
      const refd = clone(base) as Json;
      refd.components.schemas.LabelBody = body(refd, 'POST /service/{id}/label');
      op(refd, 'POST /service/{id}/label').requestBody.content['application/json'].schema = { $ref: '#/components/schemas/LabelBody' };
      expect(diffOpenApi(base, refd).filter((c) => c.operation !== undefined)).toEqual([]);
      const edited = clone(refd) as Json;
      edited.components.schemas.LabelBody.required = ['label'];
      expect(diffOpenApi(refd, edited).map((c) => [c.severity, c.kind, c.operation, c.target])).toEqual([
        ['breaking', 'parameter-required', 'POST /service/{id}/label', 'label'],
      ]);
    });
  });

  describe('response fields (2xx JSON, recursive, dotted paths)', () => {
    it('a removed field is breaking, an added one is not, a retyped one is breaking', () => {
      expect(changesAfter((d) => delete response(d, 'GET /details').properties.client.properties.email)).toEqual([
        { severity: 'breaking', kind: 'response-field-removed', operation: 'GET /details', target: 'client.email' },
      ]);
      expect(changesAfter((d) => (response(d, 'GET /details').properties.client.properties.vip = { type: 'boolean' }))).toEqual([
        { severity: 'feature', kind: 'response-field-added', operation: 'GET /details', target: 'client.vip' },
      ]);
      const retyped = clone(base) as Json;
      response(retyped, 'GET /details').properties.client.properties.id = { type: 'integer' };
      expect(diffOpenApi(base, retyped)).toEqual([
        {
          severity: 'breaking',
          kind: 'response-field-type-changed',
          operation: 'GET /details',
          target: 'client.id',
          message: 'response field `client.id`: type changed from `number | string` to `integer`',
        },
      ]);
    });

    it('reaches fields inside arrays, including PHP arrays described as a list or a map', () => {
      const edited = clone(base) as Json;
      const invoices = response(edited, 'GET /invoice').properties.invoices;
      const list = invoices.anyOf ? invoices.anyOf.find((v: Json) => v.type === 'array') : invoices;
      // The items are a named component (`InvoiceListItem`): the diff follows the `$ref`.
      const ref = /^#\/components\/schemas\/(.+)$/.exec(list.items.$ref ?? '')?.[1];
      const item = ref !== undefined ? edited.components.schemas[ref] : list.items;
      delete item.properties.status;
      const changes = diffOpenApi(base, edited);
      expect(changes.map((c) => [c.severity, c.kind, c.target])).toContainEqual(['breaking', 'response-field-removed', 'invoices[].status']);
      expect(changes.every((c) => c.severity === 'breaking' && c.operation === 'GET /invoice')).toBe(true);
    });

    it('an enum value removed from a response field is breaking, one added is not', () => {
      const withEnum = clone(base) as Json;
      response(withEnum, 'GET /details').properties.client.properties.country = { type: 'string', enum: ['US', 'LT'] };
      const fewer = clone(withEnum) as Json;
      response(fewer, 'GET /details').properties.client.properties.country.enum = ['US'];
      expect(diffOpenApi(withEnum, fewer).map((c) => [c.severity, c.kind, c.target])).toEqual([['breaking', 'enum-value-removed', 'client.country']]);
      expect(diffOpenApi(fewer, withEnum).map((c) => [c.severity, c.kind, c.target])).toEqual([['feature', 'enum-value-added', 'client.country']]);
    });

    it('a response that stops being JSON is breaking; one that gains a JSON body is not', () => {
      const file = clone(base) as Json;
      op(file, 'GET /details').responses['200'].content = { 'application/pdf': { schema: { type: 'string', format: 'binary' } } };
      expect(diffOpenApi(base, file).map((c) => [c.severity, c.kind, c.message])).toEqual([
        ['breaking', 'response-changed', 'response changed from JSON (1 top-level field) to `application/pdf`'],
      ]);
      const none = clone(base) as Json;
      delete op(none, 'GET /details').responses['200'].content;
      expect(diffOpenApi(none, base).map((c) => [c.severity, c.kind])).toEqual([['feature', 'response-changed']]);
    });
  });

  describe('documentation', () => {
    it('summary, description, parameter descriptions and the spec version are documentation changes', () => {
      const edited = clone(base) as Json;
      op(edited, 'GET /dns').summary = 'List every DNS zone';
      body(edited, 'POST /service/{id}/label').properties.label.description = 'The new label, at most 64 characters';
      edited.info.version = '4.20990101';
      expect(diffOpenApi(base, edited)).toEqual([
        { severity: 'docs', kind: 'docs-changed', operation: 'GET /dns', message: 'summary changed' },
        { severity: 'docs', kind: 'docs-changed', operation: 'POST /service/{id}/label', message: 'description of `label` changed' },
        { severity: 'docs', kind: 'docs-changed', message: 'spec version changed from `4.20220303` to `4.20990101`' },
      ]);
    });

    it('any other difference inside an operation is still reported, as documentation', () => {
      expect(changesAfter((d) => (op(d, 'GET /dns')['x-note'] = 'internal'))).toEqual([{ severity: 'docs', kind: 'docs-changed', operation: 'GET /dns' }]);
    });
  });

  describe('whole packages', () => {
    it('a provider absent at the base: every operation added, nothing breaking', () => {
      const changes = diffOpenApi(undefined, base);
      expect(changes).toHaveLength(indexOperations(base).size);
      expect(new Set(changes.map((c) => `${c.severity}:${c.kind}`))).toEqual(new Set(['feature:operation-added']));
    });

    it('a provider removed: every operation removed', () => {
      const changes = diffOpenApi(base, undefined);
      expect(changes).toHaveLength(indexOperations(base).size);
      expect(changes.every((c) => c.kind === 'operation-removed' && c.severity === 'breaking')).toBe(true);
    });

    it('does not loop on recursive schemas', () => {
      const recursive = clone(base) as Json;
      recursive.components.schemas.Node = { type: 'object', properties: { child: { $ref: '#/components/schemas/Node' }, name: { type: 'string' } } };
      op(recursive, 'GET /dns').responses['200'].content['application/json'].schema = { $ref: '#/components/schemas/Node' };
      const changed = clone(recursive) as Json;
      changed.components.schemas.Node.properties.name.type = 'integer';
      const changes = diffOpenApi(recursive, changed);
      expect(changes.length).toBeGreaterThan(0);
      expect(changes.every((c) => c.kind === 'response-field-type-changed' && c.target?.endsWith('name'))).toBe(true);
    });
  });
});

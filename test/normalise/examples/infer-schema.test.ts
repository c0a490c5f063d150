import { describe, expect, it } from 'vitest';
import { INFERRED_DESCRIPTION, inferSchema } from '../../../generator/normalise/examples/infer-schema.ts';

const NUMBER_OR_STRING = { anyOf: [{ type: 'number' }, { type: 'string' }] };
const STRING_OR_NUMBER = { anyOf: [{ type: 'string' }, { type: 'number' }] };
const TOP = { description: INFERRED_DESCRIPTION, 'x-inferred-from-example': true };

/** The schema of `value` as a property, without the top-level marks. */
function propertySchema(value: unknown): unknown {
  const schema = inferSchema({ p: value }) as { properties: Record<string, unknown> };
  return schema.properties.p;
}

describe('inferSchema: scalars', () => {
  it('lets numbers and numeric strings be either (ids "26" vs 10, totals "19.65" vs 16.24)', () => {
    expect(propertySchema(10)).toEqual(NUMBER_OR_STRING);
    expect(propertySchema(16.24)).toEqual(NUMBER_OR_STRING);
    for (const text of ['26', '19.65', '-1', '0.00', '1e3']) expect(propertySchema(text)).toEqual(STRING_OR_NUMBER);
  });

  it('lets booleans also be the strings and numbers HostBill sends', () => {
    expect(propertySchema(true)).toEqual({ anyOf: [{ type: 'boolean' }, { type: 'string' }, { type: 'number' }] });
  });

  it('does not narrow other strings, "" or null', () => {
    expect(propertySchema('qwerty.com')).toEqual({ type: 'string' });
    expect(propertySchema('')).toEqual({ type: 'string' });
    expect(propertySchema('1.2.3.4')).toEqual({ type: 'string' });
    expect(propertySchema(null)).toEqual({});
  });

  it('marks the top-level schema', () => {
    expect(inferSchema('x')).toEqual({ type: 'string', ...TOP });
  });
});

describe('inferSchema: objects', () => {
  it('lists properties in example order, all required, and allows unseen ones', () => {
    expect(inferSchema({ client: { id: '26', email: 'a@b.c' } })).toEqual({
      type: 'object',
      properties: {
        client: {
          type: 'object',
          properties: { id: STRING_OR_NUMBER, email: { type: 'string' } },
          required: ['id', 'email'],
          additionalProperties: true,
        },
      },
      required: ['client'],
      additionalProperties: true,
      ...TOP,
    });
  });

  it('types an empty object as an open object without properties', () => {
    expect(propertySchema({})).toEqual({ type: 'object', additionalProperties: true });
  });

  it('types an object keyed by numeric ids as a map of its merged values', () => {
    expect(propertySchema({ '10': 'a.com', '11': 5 })).toEqual({
      type: 'object',
      additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }] },
    });
  });

  it('leaves numeric id keys beside named keys out of properties (privileges.services 001:624-626)', () => {
    expect(propertySchema({ full: 1, '332': ['basic'] })).toEqual({
      type: 'object',
      properties: { full: NUMBER_OR_STRING },
      required: ['full'],
      additionalProperties: true,
    });
  });

  it('keeps "__proto__" as a property', () => {
    const schema = propertySchema(JSON.parse('{"__proto__": "x"}')) as { properties: object };
    expect(Object.keys(schema.properties)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(schema.properties)).toBe(Object.prototype);
  });
});

describe('inferSchema: arrays and collections', () => {
  it('merges scalar elements; an empty array has items {}', () => {
    expect(propertySchema(['10', '20'])).toEqual({ type: 'array', items: STRING_OR_NUMBER });
    expect(propertySchema(['a', 1])).toEqual({ type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }] } });
    expect(propertySchema([])).toEqual({ type: 'array', items: {} });
  });

  it('types an array of objects as Item[] | { [id]: Item }, merging shapes (DNS zone records)', () => {
    const item = {
      type: 'object',
      properties: { id: STRING_OR_NUMBER, ttl: NUMBER_OR_STRING, content: { type: 'string' } },
      required: ['id', 'ttl'],
      additionalProperties: true,
    };
    expect(propertySchema([{ id: '10', ttl: 1800, content: '127.0.0.1' }, { id: '11', ttl: 1800 }])).toEqual({
      anyOf: [
        { type: 'array', items: item },
        { type: 'object', additionalProperties: item },
      ],
    });
  });

  it('types a map of objects keyed by id the same way', () => {
    const schema = propertySchema({ '10': { name: 'a' }, '11': { name: 'b' } }) as { anyOf: { type: string }[] };
    expect(schema.anyOf.map((s) => s.type)).toEqual(['array', 'object']);
  });

  it('makes a property nullable where one element has null and another a value', () => {
    const schema = propertySchema([{ label: null }, { label: 'x' }]) as { anyOf: { items: { properties: unknown } }[] };
    expect(schema.anyOf[0]!.items.properties).toEqual({ label: { type: 'string', nullable: true } });
  });

  it('keeps mixed elements apart in an anyOf', () => {
    expect(propertySchema(['a', { b: 1 }, [2]])).toEqual({
      type: 'array',
      items: {
        anyOf: [
          { type: 'string' },
          { type: 'object', properties: { b: NUMBER_OR_STRING }, required: ['b'], additionalProperties: true },
          { type: 'array', items: NUMBER_OR_STRING },
        ],
      },
    });
  });
});

describe('inferSchema: DNS records', () => {
  const content = (record: Record<string, unknown>) => (inferSchema(record) as { properties: Record<string, unknown> }).properties['content'];
  const cases: [name: string, record: Record<string, unknown>, want: unknown][] = [
    ['an SRV record\'s split content also takes the string an A record has', { type: 'SRV', ttl: 3600, content: [10, 5060, 'sip.example.com'] }, { anyOf: [{ type: 'string' }, { type: 'array', items: { anyOf: [{ type: 'number' }, { type: 'string' }] } }] }],
    ['with priority instead of ttl', { type: 'MX', priority: 10, content: ['mx.example.com'] }, { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }],
    ['a string content stays a string', { type: 'A', ttl: 3600, content: '192.0.2.1' }, { type: 'string' }],
    ['not a DNS record (no ttl, priority or content beside type): arrays stay arrays', { type: 'x', values: [1] }, undefined],
    ['an array of objects in a record is no split content', { type: 'SRV', ttl: 1, content: [{ a: 1 }] }, { anyOf: [{ type: 'array', items: { type: 'object', properties: { a: NUMBER_OR_STRING }, required: ['a'], additionalProperties: true } }, { type: 'object', additionalProperties: { type: 'object', properties: { a: NUMBER_OR_STRING }, required: ['a'], additionalProperties: true } }] }],
  ];
  it.each(cases)('%s', (_, record, want) => expect(content(record)).toEqual(want));
  it('leaves arrays of objects that are not DNS records alone', () => {
    expect((inferSchema({ type: 'x', values: [1] }) as { properties: Record<string, unknown> }).properties['values']).toEqual({ type: 'array', items: NUMBER_OR_STRING });
  });
});

describe('inferSchema: options and limits', () => {
  it('accepts a bare array of the shown object when the example may be one item of a list', () => {
    const schema = inferSchema({ server_id: 110 }, { mayBeList: true }) as { anyOf: unknown[] };
    const one = { type: 'object', properties: { server_id: NUMBER_OR_STRING }, required: ['server_id'], additionalProperties: true };
    expect(schema).toEqual({ anyOf: [one, { type: 'array', items: one }], ...TOP });
    expect(schema.anyOf[0]).not.toBe((schema.anyOf[1] as { items: unknown }).items);
  });

  it('stops at the depth limit with {}', () => {
    let value: unknown = 'leaf';
    for (let i = 0; i < 40; i++) value = { n: value };
    let schema = inferSchema(value, { maxDepth: 32 }) as { properties?: { n: unknown } };
    let depth = 0;
    while (schema.properties) {
      schema = schema.properties.n as typeof schema;
      depth++;
    }
    expect(depth).toBe(33);
    expect(schema).toEqual({});
  });

  it('is deterministic', () => {
    const value = { b: [{ y: 1, x: '2' }, { z: null }], a: { '1': true } };
    expect(JSON.stringify(inferSchema(value))).toBe(JSON.stringify(inferSchema(structuredClone(value))));
    expect(Object.keys((inferSchema(value) as { properties: object }).properties)).toEqual(['b', 'a']);
  });
});

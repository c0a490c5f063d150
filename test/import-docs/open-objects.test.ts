import { describe, expect, it } from 'vitest';
import { openObjects } from '../../generator/import-docs/types.ts';

/** A schema inferred from a sample request is open: the sample shows one caller's fields, not all the API takes. */
describe('openObjects', () => {
  const cases: [name: string, given: Record<string, unknown>, want: Record<string, unknown>][] = [
    ['an object with properties', { type: 'object', properties: { a: { type: 'string' } } }, { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: true }],
    [
      'the items of an array (multi-item order items), and objects inside them',
      { type: 'array', items: { type: 'object', properties: { type: { type: 'string' }, config: { type: 'object', properties: { x: { type: 'integer' } } } } } },
      { type: 'array', items: { type: 'object', properties: { type: { type: 'string' }, config: { type: 'object', properties: { x: { type: 'integer' } }, additionalProperties: true } }, additionalProperties: true } },
    ],
    ['a map keeps its value schema', { type: 'object', additionalProperties: { type: 'string' } }, { type: 'object', additionalProperties: { type: 'string' } }],
    ['a closed object stays closed', { type: 'object', properties: {}, additionalProperties: false }, { type: 'object', properties: {}, additionalProperties: false }],
    ['the alternatives of a oneOf', { oneOf: [{ type: 'string' }, { type: 'object', properties: { a: {} } }] }, { oneOf: [{ type: 'string' }, { type: 'object', properties: { a: {} }, additionalProperties: true }] }],
    ['a scalar is left alone', { type: 'integer' }, { type: 'integer' }],
  ];
  it.each(cases)('%s', (_, given, want) => expect(openObjects(given)).toEqual(want));
});

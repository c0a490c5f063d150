import { readFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { OPTIONS, renderSchemaTypes } from '../../generator/render/schema-file.ts';

/**
 * schema-file.ts builds openapi-typescript's context itself to skip the lint-and-bundle step; this
 * pins that shortcut to the public API: on real normalised documents the output is `openapiTS()`'s.
 */
describe('renderSchemaTypes', () => {
  it.each(['time4vps', 'dns-services'])('%s: the same types as openapiTS() with the same options', async (id) => {
    const text = await readFile(new URL(`../../generated/${id}/openapi.json`, import.meta.url), 'utf8');
    const theirs = astToString(await openapiTS(JSON.parse(text), OPTIONS));
    expect(await renderSchemaTypes(text)).toBe(theirs);
  });
});

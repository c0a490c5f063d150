import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { classifyDocument, loadDocument, parseDocumentText } from '../../generator/load/load-document.ts';
import { parseJsonKeepingControlCharacters } from '../../generator/load/parse-json.ts';

describe('parseJsonKeepingControlCharacters', () => {
  it('keeps raw line feeds, carriage returns and tabs inside strings', () => {
    const result = parseJsonKeepingControlCharacters('{"a": "line1\nline2\r\tend"}');
    expect(result).toEqual({ ok: true, value: { a: 'line1\nline2\r\tend' } });
  });

  it('keeps escaped sequences and quotes as JSON defines them', () => {
    const result = parseJsonKeepingControlCharacters('{"a": "q\\"uote\\\\", "b": "x\\ny"}');
    expect(result).toEqual({ ok: true, value: { a: 'q"uote\\', b: 'x\ny' } });
  });

  it('reports the line and column in the original text, after raw newlines in strings', () => {
    const result = parseJsonKeepingControlCharacters('{\n "a": "x\ny\nz",\n "b": 1,, \n}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.problem.line, result.problem.column]).toEqual([5, 9]);
  });

  it('reports an unterminated document at its end', () => {
    const result = parseJsonKeepingControlCharacters('{"a": [1, 2');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.line).toBe(1);
  });
});

describe('loadDocument', () => {
  async function tempFile(name: string, text: string): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'clientgen-load-'));
    const file = path.join(dir, name);
    await writeFile(file, text);
    return file;
  }

  it('loads the published Time4VPS document, raw line feeds and all', async () => {
    const loaded = await loadDocument('specs/time4vps/swagger.json');
    expect(loaded.kind).toBe('swagger2');
    const paths = loaded.document.paths as Record<string, Record<string, { description?: string }>>;
    expect(Object.keys(paths)).toHaveLength(63);
    // The first raw LF of the file sits in the /contact/privileges description.
    expect(paths['/contact/privileges']?.get?.description).toContain('\n');
  });

  it('names the file, line and column of invalid JSON', async () => {
    const file = await tempFile('bad.json', '{\n  "swagger": "2.0",\n  "info": }\n');
    await expect(loadDocument(file)).rejects.toThrow(`${file}:3:11: invalid JSON: value expected`);
  });

  it('names the file, line and column of invalid YAML', async () => {
    const file = await tempFile('bad.yaml', 'openapi: 3.0.0\ninfo:\n  title: [unclosed\n');
    const error = await loadDocument(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).place.file).toBe(file);
    expect((error as GeneratorError).place.line).toBeGreaterThan(0);
  });

  it('keeps YAML block scalars verbatim', () => {
    expect(parseDocumentText('a: |\n  one\n  two\n', 'x.yaml')).toEqual({ a: 'one\ntwo\n' });
  });

  it('says when the file is missing', async () => {
    await expect(loadDocument('does/not/exist.json')).rejects.toThrow('does/not/exist.json: file not found');
  });

  it('rejects documents that are neither Swagger 2.0 nor OpenAPI 3.x', () => {
    expect(() => classifyDocument({ openapi: '4.0.0' }, 'f.json')).toThrow('f.json at #/openapi: unsupported version "4.0.0"');
    expect(() => classifyDocument({ info: {} }, 'f.json')).toThrow('not a Swagger 2.0 or OpenAPI 3.x document');
    expect(() => classifyDocument([1], 'f.json')).toThrow('f.json at #: the document is not an object');
    expect(classifyDocument({ openapi: '3.1.0' }, 'f.json').kind).toBe('openapi3');
  });
});

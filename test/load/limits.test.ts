import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.ts';
import { MAX_NESTING } from '../../generator/load/document-limits.ts';
import { loadDocument } from '../../generator/load/load-document.ts';

async function tempFile(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'clientgen-limits-')), name);
  await writeFile(file, content);
  return file;
}

async function failure(file: string): Promise<GeneratorError> {
  const error = await loadDocument(file).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GeneratorError);
  return error as GeneratorError;
}

const HEAD = '{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}';

describe('loadDocument refuses what it would otherwise change or choke on', () => {
  it('invalid UTF-8, naming the byte offset (it was replaced with U+FFFD)', async () => {
    const before = `${HEAD}, "x": "caf`;
    const bytes = Buffer.concat([Buffer.from(before), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]);
    const error = await failure(await tempFile('bad.json', bytes));
    expect(error.problem).toMatch(new RegExp(`^invalid UTF-8 at byte offset ${before.length} \\(byte 0xc3\\)`));
    expect([error.place.line, error.place.column]).toEqual([1, before.length + 1]);
  });

  it('reads UTF-16 by its byte order mark (Windows PowerShell writes it), either byte order, and refuses broken or UTF-32 text', async () => {
    const text = `${HEAD}, "x": "café 𝄞"}`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect((await loadDocument(await tempFile('le.json', le))).document.x).toBe('café 𝄞');
    expect((await loadDocument(await tempFile('be.json', Buffer.concat([Buffer.from([0xfe, 0xff]), be])))).document.x).toBe('café 𝄞');
    expect((await failure(await tempFile('odd.json', le.subarray(0, le.length - 1)))).problem).toMatch(/^invalid UTF-16LE .*re-save it as UTF-8$/);
    expect((await failure(await tempFile('utf32.json', Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0])))).problem).toMatch(/UTF-32/);
  });

  it('still accepts real U+FFFD characters and multi-byte text before an invalid byte', async () => {
    const file = await tempFile('ok.json', `${HEAD}, "x": "\uFFFD €𝄞"}`);
    expect((await loadDocument(file)).document.x).toBe('\uFFFD €𝄞');
    const before = `${HEAD}, "x": "€𝄞\uFFFD`;
    const bytes = Buffer.concat([Buffer.from(before), Buffer.from([0xff]), Buffer.from('"}')]);
    // € is 3 bytes, 𝄞 4 (two UTF-16 units), U+FFFD 3.
    expect(Buffer.byteLength(before)).toBe(before.length + 2 + 2 + 2);
    expect((await failure(await tempFile('bad.json', bytes))).problem).toMatch(new RegExp(`byte offset ${Buffer.byteLength(before)} \\(byte 0xff\\)`));
  });

  it('a duplicate JSON key, naming both places (JSON.parse dropped the first operation)', async () => {
    const text = '{\n  "openapi": "3.0.3",\n  "info": {"title": "t", "version": "1"},\n  "paths": {\n    "/a": {\n      "get": {"operationId": "first"},\n      "get": {"operationId": "second"}\n    }\n  }\n}\n';
    const error = await failure(await tempFile('dup.json', text));
    expect(error.place).toMatchObject({ line: 7, column: 7, pointer: '/paths/~1a/get' });
    expect(error.problem).toMatch(/^duplicate key "get": it is also at line 6, column 7/);
  });

  it('keeps raw control characters in strings (Time4VPS) while checking keys', async () => {
    const file = await tempFile('raw.json', `${HEAD}, "x": "line1\nline2", "y": "z"}`);
    expect((await loadDocument(file)).document.x).toBe('line1\nline2');
  });

  it('a number JSON cannot hold (1e400 reads as Infinity), naming its pointer', async () => {
    const error = await failure(await tempFile('inf.json', `${HEAD}, "components": {"schemas": {"A": {"type": "number", "enum": [1, 1e400]}}}}`));
    expect(error.place.pointer).toBe('/components/schemas/A/enum/1');
    expect(error.problem).toMatch(/Infinity/);
    const yaml = await failure(await tempFile('inf.yaml', 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\nx-max: .inf\n'));
    expect(yaml.place.pointer).toBe('/x-max');
  });

  it('JSON nested 5,000 levels, naming the pointer where the limit is passed', async () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const error = await failure(await tempFile('deep.json', `${HEAD}, "components": {"schemas": {"A": ${deep}}}}`));
    expect(error.problem).toMatch(new RegExp(`nested more than ${MAX_NESTING} levels`));
    expect(error.place.pointer).toBe(`/components/schemas/A${'/a'.repeat(MAX_NESTING - 3)}`);
  });

  it('YAML nested 5,000 levels, without a stack trace', async () => {
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    const error = await failure(await tempFile('deep.yaml', `openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\nx-deep: ${deep}\n`));
    expect(error.problem).toMatch(/^nested (more than \d+ levels|too deeply)/);
  });

  it('a YAML alias bomb, naming the first alias (it was a raw ReferenceError)', async () => {
    const lines = ['openapi: 3.0.3', 'info: {title: t, version: "1"}', 'paths: {}', 'a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let i = 1; i <= 8; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const error = await failure(await tempFile('bomb.yaml', `${lines.join('\n')}\n`));
    expect(error.problem).toMatch(/^YAML aliases expand too far/);
    expect(error.place.line).toBe(5);
  });

  it('accepts a document nested just within the limit', async () => {
    const within = `${'{"a":'.repeat(MAX_NESTING - 4)}1${'}'.repeat(MAX_NESTING - 4)}`;
    const file = await tempFile('within.json', `${HEAD}, "components": {"schemas": {"A": ${within}}}}`);
    expect((await loadDocument(file)).kind).toBe('openapi3');
  });
});

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adHocProvider } from '../../generator/config/ad-hoc-provider.ts';
import { GeneratorError } from '../../generator/errors.ts';
import { generateProvider } from '../helpers/render.ts';
import { runCli } from '../helpers/workspace.ts';

/**
 * The issue's hostile inputs, end to end through the pipeline: each is accepted, or fails with a
 * GeneratorError naming the file and the place (pointer or line), never an internal message.
 */
const info = { title: 't', version: '1' };
const ok = { 200: { description: 'ok' } };
const json = (schema: unknown) => ({ 200: { description: 'ok', content: { 'application/json': { schema } } } });
/** A schema nested `levels` deep, as JSON text (JSON.stringify itself overflows on such a value). */
const nested = (levels: number): string => `${'{"type":"object","properties":{"p":'.repeat(levels)}{"type":"string"}${'}}'.repeat(levels)}`;
const chain = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`A${i}`, i === n - 1 ? { type: 'string' } : { $ref: `#/components/schemas/A${i + 1}` }]));

interface Case {
  readonly name: string;
  readonly file: string;
  readonly content: string | Buffer;
  /** What the error must say and where, or undefined when the document must generate. */
  readonly error?: { problem: RegExp; pointer?: string; line?: number };
  readonly schemaTs?: RegExp;
}

const CASES: Case[] = [
  {
    name: 'an enum value 1e400 (printed Infinity | -Infinity)',
    file: 'inf.json',
    content: JSON.stringify({ openapi: '3.0.3', info, paths: { '/a': { get: { responses: json({ type: 'number', enum: ['INF'] }) } } } }).replace('"INF"', '1e400'),
    error: { problem: /Infinity/, pointer: '/paths/~1a/get/responses/200/content/application~1json/schema/enum/0' },
  },
  {
    name: 'a $ref chain 5,000 deep (overflowed the stack)',
    file: 'chain.json',
    content: JSON.stringify({ openapi: '3.0.3', info, paths: { '/a': { get: { responses: json({ $ref: '#/components/schemas/A0' }) } } }, components: { schemas: chain(5000) } }),
    schemaTs: /A4998: components\[['"]schemas['"]\]\[['"]A4999['"]\];/,
  },
  {
    name: 'a schema nested 5,000 levels (overflowed ajv)',
    file: 'nested.json',
    content: JSON.stringify({ openapi: '3.0.3', info, paths: { '/a': { get: { responses: json('NESTED') } } } }).replace('"NESTED"', nested(5000)),
    error: { problem: /^nested more than 128 levels deep/ },
  },
  {
    name: 'a YAML alias bomb (a raw ReferenceError)',
    file: 'bomb.yaml',
    content: ['openapi: 3.0.3', 'info: {title: t, version: "1"}', 'paths: {}', 'x-a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `x-${i}: &b${i} [${Array(10).fill(i === 0 ? '*a' : `*b${i - 1}`).join(', ')}]`)].join('\n'),
    error: { problem: /^YAML aliases expand too far/, line: 5 },
  },
  {
    name: 'a Swagger 2.0 enum: [null, 1] (reading \'literal\')',
    file: 'enum-null.json',
    content: JSON.stringify({ swagger: '2.0', info, paths: { '/a': { get: { responses: { 200: { description: 'ok', schema: { $ref: '#/definitions/A' } } } } } }, definitions: { A: { type: 'integer', enum: [null, 1] } } }),
    schemaTs: /A: null \| 1;/,
  },
  {
    name: 'a lone surrogate in a definition name (URI malformed)',
    file: 'surrogate.json',
    content: JSON.stringify({ swagger: '2.0', info, paths: { '/a': { get: { responses: { 200: { description: 'ok', schema: { $ref: '#/definitions/a\ud83d' } } } } } }, definitions: { 'a\ud83d': { type: 'string' } } }),
    error: { problem: /lone surrogate/, pointer: '/paths/~1a/get/responses/200/schema/$ref' },
  },
  {
    name: 'a key named hasOwnProperty in Swagger 2.0 (object.hasOwnProperty is not a function)',
    file: 'has-own.json',
    content: JSON.stringify({ swagger: '2.0', info, paths: { '/a': { get: { responses: ok } } }, definitions: { hasOwnProperty: { type: 'string' } } }),
    error: { problem: /key named "hasOwnProperty"/, pointer: '/definitions/hasOwnProperty' },
  },
  {
    name: 'invalid UTF-8 (replaced with U+FFFD, exit 0)',
    file: 'latin1.json',
    content: Buffer.concat([Buffer.from(`{"openapi":"3.0.3","info":{"title":"Caf`), Buffer.from([0xe9]), Buffer.from('","version":"1"},"paths":{}}')]),
    error: { problem: /^invalid UTF-8 at byte offset 39 \(byte 0xe9\)/, line: 1 },
  },
  {
    name: 'duplicate JSON keys (the first operation dropped silently)',
    file: 'dup.json',
    content: '{"openapi":"3.0.3","info":{"title":"t","version":"1"},\n"paths":{"/a":{"get":{"operationId":"one","responses":{"200":{"description":"ok"}}},\n"get":{"operationId":"two","responses":{"200":{"description":"ok"}}}}}}',
    error: { problem: /^duplicate key "get": it is also at line 2, column 16/, pointer: '/paths/~1a/get', line: 3 },
  },
  {
    name: 'a brace inside a path segment (methods that always throw)',
    file: 'brace.json',
    content: JSON.stringify({ openapi: '3.0.3', info, paths: { '/a{b}c}': { get: { responses: ok } } } }),
    error: { problem: /does not enclose a parameter name/, pointer: '/paths/~1a{b}c}' },
  },
];

describe('hostile inputs, through the pipeline', () => {
  it.each(CASES)('$name', async ({ file, content, error, schemaTs }) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'clientgen-hostile-input-'));
    const spec = path.join(dir, file);
    await writeFile(spec, content);
    const run = adHocProvider(spec, { name: 'x' }).then((source) => generateProvider(source, path.join(dir, 'out'), dir));
    if (error === undefined) {
      const { files } = await run;
      expect(files.get('src/schema.ts')).toMatch(schemaTs as RegExp);
      return;
    }
    const thrown = await run.catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(GeneratorError);
    const { place, problem } = thrown as GeneratorError;
    expect(place.file).toContain(spec);
    expect(problem).toMatch(error.problem);
    if (error.pointer !== undefined) expect(place.pointer).toBe(error.pointer);
    if (error.line !== undefined) expect(place.line).toBe(error.line);
  }, 120_000);

  it('the CLI prints such a diagnostic with the place and no stack trace, exit 1', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'clientgen-hostile-input-'));
    const bomb = CASES.find((c) => c.file === 'bomb.yaml') as Case;
    await writeFile(path.join(dir, bomb.file), bomb.content);
    const result = await runCli('generate', ['--spec', path.join(dir, bomb.file), '--out', path.join(dir, 'out')], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`error: ${path.join(dir, bomb.file)}:5:11: YAML aliases expand too far (beyond 1000 nodes, the pattern of an alias bomb); the first alias is here: expand the aliases by hand or use fewer\n`);
  }, 120_000);
});

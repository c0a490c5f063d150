import { stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { PackageResult } from '../../generator/engine/package-result.ts';
import { renderPackage } from '../../generator/engine/render-package.ts';
import { GeneratorError } from '../../generator/errors.ts';
import { packageLanes, renderPackages, type ProgressEvent } from '../../generator/scheduler/render-packages.ts';
import { providerJob } from '../../generator/use-cases/package-job.ts';
import { workspace } from '../../generator/workspace.ts';
import { smallSwagger, tempWorkspace } from '../helpers/workspace.ts';

function expectSameFiles(actual: PackageResult, expected: PackageResult): void {
  expect([...actual.files.keys()]).toEqual([...expected.files.keys()]);
  for (const [name, content] of expected.files) expect(actual.files.get(name), `${actual.id}/${name}`).toBe(content);
  expect({ ...actual, files: undefined }).toEqual({ ...expected, files: undefined });
}

async function twoProviders() {
  const other = smallSwagger();
  (other.info as Record<string, unknown>).title = 'Other API';
  const root = await tempWorkspace([
    { id: 'one', files: { 'swagger.json': smallSwagger() } },
    { id: 'two', files: { 'swagger.json': other } },
  ]);
  const ws = workspace(root);
  return { ws, inputs: [(await providerJob(ws, 'two')).input, (await providerJob(ws, 'one')).input] };
}

describe('packageLanes', () => {
  it.each([
    [1, 1],
    [2, 1],
    [3, 2],
    [4, 3],
    [16, 15],
    [0, 1],
    [2.5, 1],
  ])('%d cores render whole packages on %d threads by default', (cores, lanes) => {
    expect(packageLanes(cores)).toBe(lanes);
  });
});

/** Packages rendered by the scheduler on worker threads give exactly what one thread gives, and errors keep their class. */
describe('rendering on worker threads', () => {
  it('gives byte-identical packages, in the order asked, reporting each as it is done', async () => {
    const { inputs } = await twoProviders();
    const done: string[] = [];
    const parallel = await renderPackages(inputs, { threads: 2, onRendered: (result) => done.push(result.id) });
    expect(parallel.map((r) => r.id)).toEqual(['two', 'one']);
    expect([...done].sort()).toEqual(['one', 'two']);
    for (const [index, result] of parallel.entries()) expectSameFiles(result, await renderPackage(inputs[index]!));
  });
});

/** A large document: this thread renders the types while a worker renders the client (a small threshold makes any document large). */
describe('a large document', () => {
  it('renders its two halves on two threads, byte-identical to one thread, with progress at each stage', async () => {
    const { inputs } = await twoProviders();
    const events: ProgressEvent[] = [];
    const split = await renderPackages([inputs[0]!], { threads: 2, largeDocument: 100, onProgress: (e) => events.push(e) });
    expectSameFiles(split[0]!, await renderPackage(inputs[0]!));
    expect(events.map((e) => [e.id, e.stage, e.split])).toEqual(
      expect.arrayContaining([
        ['two', 'prepared', true],
        ['two', 'types', true],
        ['two', 'client', true],
      ]),
    );
    expect(events[0]).toMatchObject({ stage: 'prepared', operations: 2, bytes: expect.any(Number) });
    expect(events).toHaveLength(3);
  });

  it('beside small documents: only the large one is split, all byte-identical and in the order asked', async () => {
    const big = smallSwagger();
    (big.paths as Record<string, unknown>)['/balance'] = { get: { tags: ['Billing'], summary: 'Balance', responses: { 200: { description: 'Success' } } } };
    const root = await tempWorkspace([
      { id: 'big', files: { 'swagger.json': big } },
      { id: 'little', files: { 'swagger.json': smallSwagger() } },
      { id: 'tiny', files: { 'swagger.json': smallSwagger() } },
    ]);
    const ws = workspace(root);
    const inputs = [(await providerJob(ws, 'little')).input, (await providerJob(ws, 'big')).input, (await providerJob(ws, 'tiny')).input];
    const events: ProgressEvent[] = [];
    // Over the small documents' size, under the big one's.
    const threshold = (await stat(inputs[0]!.source.specFile)).size + 10;
    expect((await stat(inputs[1]!.source.specFile)).size).toBeGreaterThan(threshold);
    const results = await renderPackages(inputs, { threads: 2, largeDocument: threshold, onProgress: (e) => events.push(e) });
    expect(results.map((r) => r.id)).toEqual(['little', 'big', 'tiny']);
    expect(events.map((e) => [e.id, e.split])).toEqual([
      ['big', true],
      ['big', true],
      ['big', true],
    ]);
    for (const [index, result] of results.entries()) expectSameFiles(result, await renderPackage(inputs[index]!));
  });

  it('on one thread renders the halves one after the other, with the same progress and bytes', async () => {
    const { inputs } = await twoProviders();
    const events: ProgressEvent[] = [];
    const single = await renderPackages([inputs[1]!], { threads: 1, largeDocument: 100, onProgress: (e) => events.push(e) });
    expectSameFiles(single[0]!, await renderPackage(inputs[1]!));
    expect(events.map((e) => [e.stage, e.split])).toEqual([
      ['prepared', false],
      ['client', false],
      ['types', false],
    ]);
  });
});

describe('a failure', () => {
  it('rejects with the GeneratorError a worker raised, naming the file; the next run still renders', async () => {
    const root = await tempWorkspace([
      { id: 'good', files: { 'swagger.json': smallSwagger() } },
      { id: 'bad', files: { 'swagger.json': '{ "swagger": "2.0", ' } },
    ]);
    const ws = workspace(root);
    const inputs = [(await providerJob(ws, 'good')).input, (await providerJob(ws, 'bad')).input];
    const error = await renderPackages(inputs, { threads: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).place.file).toContain('bad/swagger.json');
    const again = await renderPackages([inputs[0]!, inputs[0]!], { threads: 2 });
    expectSameFiles(again[1]!, again[0]!);
  });
});

import { describe, expect, it } from 'vitest';
import type { PackageResult } from '../../generator/engine/package-result.ts';
import { renderPackage } from '../../generator/engine/render-package.ts';
import { progressLine } from '../../generator/cli/commands/generate.ts';
import { GeneratorError } from '../../generator/errors.ts';
import { heapLimitFor } from '../../generator/scheduler/heap-limited-worker.ts';
import { renderPackages, type ProgressEvent } from '../../generator/scheduler/render-packages.ts';
import { providerJob } from '../../generator/use-cases/package-job.ts';
import { workspace } from '../../generator/workspace.ts';
import { smallSwagger, tempWorkspace } from '../helpers/workspace.ts';

function expectSameFiles(actual: PackageResult, expected: PackageResult): void {
  expect([...actual.files.keys()]).toEqual([...expected.files.keys()]);
  for (const [name, content] of expected.files) expect(actual.files.get(name), `${actual.id}/${name}`).toBe(content);
  expect({ ...actual, files: undefined }).toEqual({ ...expected, files: undefined });
}

async function inputOf(id: string, document: unknown) {
  const ws = workspace(await tempWorkspace([{ id, files: { 'swagger.json': document as object } }]));
  return (await providerJob(ws, id)).input;
}

const stages = (events: readonly ProgressEvent[]) => events.map((e) => [e.id, e.stage, e.split, e.heapLimitMb]);

/** A huge document (a small threshold makes any document huge) renders whole on one capped worker thread. */
describe('a huge document', () => {
  it('renders whole on a worker under the heap cap, byte-identical to this thread, with progress at each stage', async () => {
    const input = await inputOf('huge', smallSwagger());
    const events: ProgressEvent[] = [];
    const [result] = await renderPackages([input], { threads: 2, largeDocument: 50, hugeDocument: 100, heapLimitMb: 1024, onProgress: (e) => events.push(e) });
    expectSameFiles(result!, await renderPackage(input));
    expect(stages(events)).toEqual([
      ['huge', 'prepared', false, 1024],
      ['huge', 'client', false, 1024],
      ['huge', 'types', false, 1024],
    ]);
    expect(events[0]).toMatchObject({ operations: 2, bytes: expect.any(Number) });
  });

  it('is rendered again on this thread, without a cap, when the worker runs out of its heap', async () => {
    const input = await inputOf('cramped', smallSwagger());
    const events: ProgressEvent[] = [];
    // 4 MB cannot even hold the engine's modules, so the worker always runs out.
    const [result] = await renderPackages([input], { threads: 2, hugeDocument: 100, heapLimitMb: 4, onProgress: (e) => events.push(e) });
    expectSameFiles(result!, await renderPackage(input));
    expect(stages(events)).toEqual([
      ['cramped', 'retried', false, undefined],
      ['cramped', 'prepared', false, undefined],
      ['cramped', 'client', false, undefined],
      ['cramped', 'types', false, undefined],
    ]);
  });

  it('rejects with the GeneratorError the worker raised, naming the file, and does not retry it', async () => {
    const input = await inputOf('broken', '{ "swagger": "2.0", ');
    const events: ProgressEvent[] = [];
    const error = await renderPackages([input], { hugeDocument: 10, heapLimitMb: 1024, onProgress: (e) => events.push(e) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).place.file).toContain('broken/swagger.json');
    expect(events).toEqual([]);
  });
});

describe('the heap cap', () => {
  it('grows with the document and stays within half the machine', () => {
    const gb = 2 ** 30;
    expect(heapLimitFor(21e6, 64 * gb)).toBeGreaterThan(heapLimitFor(13e6, 64 * gb));
    expect(heapLimitFor(0, 64 * gb)).toBeGreaterThan(0);
    expect(heapLimitFor(1e9, 4 * gb)).toBe(2048);
  });
});

describe('the progress lines of a huge document', () => {
  const event = { id: 'big', ms: 4200, bytes: 21_200_000, operations: 20000, split: false } as const;

  it('name the heap cap it renders under, and the retry without one', () => {
    expect(progressLine({ ...event, stage: 'prepared', heapLimitMb: 1528 })).toBe(
      'big: large document (21.2 MB, 20000 operations) loaded and normalised in 4.20 s; rendering types and client on one thread under a 1528 MB heap cap\n',
    );
    expect(progressLine({ ...event, stage: 'retried' })).toBe('big: the worker ran out of its heap cap after 4.20 s; rendering again on this thread without a cap\n');
    expect(progressLine({ ...event, stage: 'prepared', split: true })).toContain('rendering types and client on two threads\n');
  });
});

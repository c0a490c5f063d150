/**
 * The scheduler: runs the engine for several packages on up to `threads` threads (CPU-bound work
 * does not overlap on one thread). This thread renders packages too, beside `threads - 1` worker
 * threads. By default whole packages take one thread per core but one (`packageLanes`): V8's own
 * background threads (optimising compilers, concurrent GC) keep that core busy, so on two cores a
 * second rendering thread only adds its module load and warm-up.
 *
 * A large document gets its parallelism here: this thread loads and normalises it, sends the client
 * half to a worker and renders the types half itself. Large documents are therefore always taken
 * by this thread, and a worker only ever renders whole packages, so pools never nest.
 *
 * A huge document is not split: the copy of its model to a second thread and a second heap cost
 * more memory than the overlap saves time. It renders whole on a worker of its own under a heap cap
 * scaled to its size (heap-limited-worker.ts), while this thread waits; should the cap prove too
 * small, it is rendered again on this thread without one.
 *
 * The engine is imported on first use: a command that finds nothing to render never loads it.
 */
import { stat } from 'node:fs/promises';
import os from 'node:os';
import type { EngineInput, PackageResult } from '../engine/package-result.ts';
import { heapLimitFor, renderWithHeapLimit, WORKER_OUT_OF_MEMORY } from './heap-limited-worker.ts';
import { WorkerPool } from './worker-pool.ts';

/**
 * Above this many bytes a document renders its two halves on two threads (the five providers' are
 * under 160 kB). Measured (bench/README.md): at 1.1 MB the split is no faster and takes about 10 %
 * more CPU and 28 % more memory, at 1.6 MB it is no faster either, at 2.1 MB it is 15 % faster.
 */
export const LARGE_DOCUMENT = 1_600_000;

/**
 * Above this many bytes a document renders whole on one thread under a heap cap (see the opening
 * comment). Measured (bench/README.md): the split is 35 % faster at 2 and 5 MB for 1.7× the memory;
 * at 10.6 MB it is 7 % faster for twice the memory, at GitHub's 13 MB no faster, at 21 MB slower.
 */
export const HUGE_DOCUMENT = 8_000_000;

/**
 * Threads that render whole packages at once when the caller does not say: one per core but one,
 * and at least one (vitest and jest size their pools the same way). Measured on 2 cores
 * (bench/README.md, twelve interleaved pairs of `generate --force`, five providers): one thread took
 * 6.4 s (median) and 9.1 CPU-s at 235–360 MB, two threads 6.7 s and 11.8 CPU-s at 390–435 MB.
 * A large document still splits across two threads whenever there are two cores.
 */
export function packageLanes(cores: number): number {
  return Math.max(1, Math.floor(cores) - 1);
}

/**
 * How far a large document has got: `prepared` (loaded, normalised, modelled), then each half; for
 * a huge one `retried` when its worker ran out of its heap cap and this thread starts it again.
 */
export interface ProgressEvent {
  readonly id: string;
  readonly stage: 'prepared' | 'types' | 'client' | 'retried';
  /** Since this package started. */
  readonly ms: number;
  readonly bytes: number;
  readonly operations: number;
  /** Whether the client half renders on a worker thread while this one renders the types half. */
  readonly split: boolean;
  /** A huge document's heap cap in MB, while it renders under one (not on the retry). */
  readonly heapLimitMb?: number;
}

export interface ScheduleOptions {
  /** Threads to use, this one included (default: one per core, of which whole packages take `packageLanes`). */
  readonly threads?: number;
  /** Documents above this many bytes are large (default LARGE_DOCUMENT). */
  readonly largeDocument?: number;
  /** Documents above this many bytes are huge (default HUGE_DOCUMENT). */
  readonly hugeDocument?: number;
  /** A huge document's heap cap in MB (default: heapLimitFor its size). */
  readonly heapLimitMb?: number;
  /** Called as each package is rendered, in the order they finish. */
  readonly onRendered?: (result: PackageResult, ms: number) => void;
  /** Called at each stage of a large document. */
  readonly onProgress?: (event: ProgressEvent) => void;
}

const engine = () => import('../engine/render-package.ts');

/** One pool per process, so a process that renders several times (release, tests) loads the engine into each worker once. */
let shared: WorkerPool | undefined;
function workerPool(size: number): WorkerPool {
  if (shared) shared.resize(size);
  else shared = new WorkerPool(size);
  return shared;
}

/**
 * Renders every input; results keep the inputs' order. On the first failure no further package is
 * started, and that failure is thrown once the packages in flight have ended (at most one per
 * thread), so the workers stay usable for the next run.
 */
export async function renderPackages(inputs: readonly EngineInput[], options: ScheduleOptions = {}): Promise<PackageResult[]> {
  const threads = Math.max(1, Math.floor(options.threads ?? os.availableParallelism()));
  const threshold = options.largeDocument ?? LARGE_DOCUMENT;
  const hugeThreshold = options.hugeDocument ?? HUGE_DOCUMENT;
  const bytes = await Promise.all(inputs.map((input) => stat(input.source.specFile).then((s) => s.size, () => 0)));
  const indices = inputs.map((_, i) => i);
  const huge = indices.filter((i) => (bytes[i] as number) > hugeThreshold);
  const large = indices.filter((i) => (bytes[i] as number) > threshold && (bytes[i] as number) <= hugeThreshold);
  // Largest first, so no thread is left with a long package while the others idle at the end
  // (longest-processing-time-first; a document's size stands for its work).
  const small = indices.filter((i) => (bytes[i] as number) <= threshold).sort((a, b) => (bytes[b] as number) - (bytes[a] as number) || a - b);
  const lanes = Math.min(options.threads === undefined ? packageLanes(threads) : threads, inputs.length);
  const poolSize = Math.max(lanes - 1, large.length > 0 && threads > 1 ? 1 : 0);
  const pool = poolSize > 0 ? workerPool(poolSize) : undefined;

  const results: PackageResult[] = new Array(inputs.length);
  let failure: { error: unknown } | undefined;
  let nextSmall = 0;

  const attempt = async (index: number, render: (input: EngineInput, started: number) => Promise<PackageResult>): Promise<void> => {
    const started = performance.now();
    try {
      const result = await render(inputs[index] as EngineInput, started);
      results[index] = result;
      if (!failure) options.onRendered?.(result, performance.now() - started);
    } catch (error) {
      failure ??= { error };
    }
  };
  const takeSmall = (): number | undefined => (failure || nextSmall >= small.length ? undefined : small[nextSmall++]);

  const here = async (input: EngineInput): Promise<PackageResult> => (await engine()).renderPackage(input);
  const inWorker = (input: EngineInput): Promise<PackageResult> => (pool as WorkerPool).run('package', input);
  const largeHere = async (index: number, input: EngineInput, started: number): Promise<PackageResult> => {
    const { assemblePackage, preparePackage, renderClientHalf, renderTypesHalf, takeClientHalf } = await engine();
    const prepared = await preparePackage(input);
    const progress = (stage: ProgressEvent['stage']): void => {
      if (!failure) options.onProgress?.({ id: prepared.id, stage, ms: performance.now() - started, bytes: bytes[index] as number, operations: prepared.operations, split: pool !== undefined });
    };
    progress('prepared');
    // The client half is copied to the worker now, before the types half patches the document; on
    // one thread it is rendered first, as renderPackage does.
    const client = (pool ? pool.run('clientHalf', takeClientHalf(prepared)) : renderClientHalf(takeClientHalf(prepared))).then((files) => {
      progress('client');
      return files;
    });
    client.catch(() => undefined); // awaited below; a types failure must not leave it unhandled
    if (!pool) await client;
    const types = await renderTypesHalf(prepared);
    progress('types');
    return assemblePackage(prepared, await client, types);
  };

  const hugeAlone = async (index: number, input: EngineInput, started: number): Promise<PackageResult> => {
    const heapLimitMb = options.heapLimitMb ?? heapLimitFor(bytes[index] as number);
    const event = (stage: ProgressEvent['stage'], operations: number, limit?: number): void => {
      if (failure) return;
      options.onProgress?.({ id: input.source.config.id, stage, ms: performance.now() - started, bytes: bytes[index] as number, operations, split: false, ...(limit !== undefined ? { heapLimitMb: limit } : {}) });
    };
    let operations = 0;
    try {
      return await renderWithHeapLimit(input, heapLimitMb, (stage) => {
        operations = stage.operations;
        event(stage.stage, stage.operations, heapLimitMb);
      });
    } catch (error) {
      if ((error as { code?: unknown }).code !== WORKER_OUT_OF_MEMORY) throw error;
      // Slower and without a cap, but the document still renders; the progress line says why.
      event('retried', operations);
      return (await engine()).renderPackage(input, (stage) => event(stage.stage, stage.operations));
    }
  };

  const mainLane = async (): Promise<void> => {
    // One heavy document at a time on this lane, so their peaks never add up.
    for (const index of huge) {
      if (failure) return;
      await attempt(index, (input, started) => hugeAlone(index, input, started));
    }
    for (const index of large) {
      if (failure) return;
      await attempt(index, (input, started) => largeHere(index, input, started));
    }
    for (let index = takeSmall(); index !== undefined; index = takeSmall()) await attempt(index, here);
  };
  const workerLane = async (): Promise<void> => {
    for (let index = takeSmall(); index !== undefined; index = takeSmall()) await attempt(index, inWorker);
  };

  await Promise.all([mainLane(), ...Array.from({ length: lanes - 1 }, workerLane)]);
  if (failure) throw failure.error;
  return results;
}

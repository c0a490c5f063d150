/**
 * One whole package on a worker thread of its own whose V8 heap is capped. V8 sizes a thread's heap
 * for the machine (about 4 GB on a machine with plenty of memory) and, below that, collects late:
 * a 20,000-operation document peaked at 2.7 GB of which the live set was under 1.5 GB. Under
 * `resourceLimits` V8 collects before the heap passes the cap, so the peak follows the live set.
 * The worker is started for the one job and ended after it, since no other job should run under
 * its cap.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EngineInput, PackageResult } from '../engine/package-result.ts';
import type { StageEvent } from '../engine/render-package.ts';
import { rebuildError, workerEntry, type WorkerMessage } from './worker-pool.ts';

/** Node's code for a worker that reached its heap cap. */
export const WORKER_OUT_OF_MEMORY = 'ERR_WORKER_OUT_OF_MEMORY';

/**
 * Heap caps, in MB: a base for the engine's modules and small data, and what one document MB costs
 * at the live set's peak (prettier's AST of the largest emitted file: a client class, an operations
 * table and a test catalog are one statement each, formatted whole). Measured with --trace-gc
 * (bench/README.md, "Memory and time at 1k–20k operations"): the synthetic documents, about 1,000
 * operations per MB and the densest we have, peak at 43–51 MB live per document MB (20k: 21 MB,
 * 0.9 GB live, 1.1 GB before the engine let go of the document early; capped at 1.5 GB); GitHub's
 * 13 MB at about 250 MB live. Under a cap about 1.4× its
 * live peak, the 20k document took 3 % more CPU than uncapped on two threads.
 */
const BASE_MB = 256;
const MB_PER_DOCUMENT_MB = 60;
/** Never more than this share of the machine's memory, so the cap is one V8 respects before the system runs short. */
const MACHINE_SHARE = 0.5;

/** The cap for a document of `bytes`: scaled to the document, bounded by the machine. */
export function heapLimitFor(bytes: number, totalMemory = os.totalmem()): number {
  const wanted = BASE_MB + Math.ceil((bytes / 1e6) * MB_PER_DOCUMENT_MB);
  return Math.max(BASE_MB, Math.min(wanted, Math.floor((totalMemory / 2 ** 20) * MACHINE_SHARE)));
}

/**
 * Renders `input` whole on a new worker thread with its old generation capped at `heapLimitMb`.
 * Rejects with the worker's error; one that ran out of its heap has `code` WORKER_OUT_OF_MEMORY.
 */
export function renderWithHeapLimit(input: EngineInput, heapLimitMb: number, onStage?: (event: StageEvent) => void): Promise<PackageResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerEntry(), { stdout: false, stderr: false, resourceLimits: { maxOldGenerationSizeMb: heapLimitMb } });
    let settled = false;
    const settle = (done: () => void): void => {
      if (settled) return;
      settled = true;
      done();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if ('stage' in message) onStage?.(message.stage);
      else if (message.ok) settle(() => resolve(message.value as PackageResult));
      else settle(() => reject(rebuildError(message.error ?? {})));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`generator worker exited with code ${code}`))));
    worker.postMessage({ id: 0, name: 'package', args: input, stages: true });
  });
}

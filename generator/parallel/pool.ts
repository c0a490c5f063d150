import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { GeneratorError, UsageError, type SourcePlace } from '../errors.ts';
import type { TaskArgs, TaskName, TaskResult } from './tasks.ts';

interface SerialisedError {
  readonly name?: string;
  readonly message?: string;
  readonly stack?: string;
  readonly place?: SourcePlace;
  readonly problem?: string;
}

function rebuildError(data: SerialisedError): Error {
  if (data.name === 'GeneratorError' && data.place && typeof data.problem === 'string') return new GeneratorError(data.place, data.problem);
  if (data.name === 'UsageError') return new UsageError(data.message ?? '');
  const error = new Error(data.message ?? 'worker failed');
  if (data.stack) error.stack = data.stack;
  return error;
}

interface Job {
  readonly name: TaskName;
  readonly args: unknown;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * A fixed set of worker threads running generator tasks (tasks.ts), so CPU-bound work of several
 * providers (or the two halves of one large provider) runs on several cores. At most `size`
 * workers; each is started on first need and all are stopped by `close()`.
 */
export class WorkerPool {
  readonly #size: number;
  readonly #idle: Worker[] = [];
  readonly #all: Worker[] = [];
  readonly #queue: Job[] = [];
  #nextId = 0;

  constructor(size = os.availableParallelism()) {
    this.#size = Math.max(1, size);
  }

  run<N extends TaskName>(name: N, args: TaskArgs<N>): Promise<TaskResult<N>> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ name, args, resolve: resolve as (v: unknown) => void, reject });
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#queue.length > 0) {
      let worker = this.#idle.pop();
      if (!worker && this.#all.length < this.#size) worker = this.#spawn();
      if (!worker) return;
      this.#dispatch(worker, this.#queue.shift() as Job);
    }
  }

  #spawn(): Worker {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), { stdout: false, stderr: false });
    this.#all.push(worker);
    return worker;
  }

  #dispatch(worker: Worker, job: Job): void {
    const id = this.#nextId++;
    const onMessage = (message: { id: number; ok: boolean; value?: unknown; error?: SerialisedError }): void => {
      if (message.id !== id) return;
      cleanup();
      if (message.ok) job.resolve(message.value);
      else job.reject(rebuildError(message.error ?? {}));
      this.#idle.push(worker);
      this.#pump();
    };
    const onError = (error: Error): void => {
      cleanup();
      this.#all.splice(this.#all.indexOf(worker), 1);
      job.reject(error);
      this.#pump();
    };
    const onExit = (code: number): void => onError(new Error(`generator worker exited with code ${code}`));
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ id, name: job.name, args: job.args });
  }

  async close(): Promise<void> {
    const workers = this.#all.splice(0);
    this.#idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Runs `task` for every item on up to `limit` worker threads; results keep the items' order. */
export async function mapInWorkers<T, N extends TaskName>(items: readonly T[], limit: number, name: N, args: (item: T) => TaskArgs<N>): Promise<TaskResult<N>[]> {
  const pool = new WorkerPool(Math.min(limit, items.length));
  try {
    return await Promise.all(items.map((item) => pool.run(name, args(item))));
  } finally {
    await pool.close();
  }
}

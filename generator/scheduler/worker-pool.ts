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
  args: unknown;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * Worker threads running generator tasks (tasks.ts), at most `size` jobs at a time; a worker is
 * started on first need and kept for the next job (and the next run: an idle worker does not keep
 * the process alive, so a process that renders several times loads the engine into each worker
 * once). Arguments are copied when `run` is called, as a worker receives them. `close()` stops every
 * worker and rejects whatever was still waiting, so a failed run does not wait for work whose result
 * nobody will use.
 */
export class WorkerPool {
  #size: number;
  #busy = 0;
  readonly #idle: Worker[] = [];
  readonly #all: Worker[] = [];
  readonly #queue: Job[] = [];
  #nextId = 0;
  #closed = false;

  constructor(size: number) {
    this.#size = Math.max(1, size);
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** How many jobs may run at once from now on (workers beyond it stay idle). */
  resize(size: number): void {
    this.#size = Math.max(1, size);
    this.#pump();
  }

  run<N extends TaskName>(name: N, args: TaskArgs<N>): Promise<TaskResult<N>> {
    if (this.#closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise((resolve, reject) => {
      const job: Job = { name, args, resolve: resolve as (v: unknown) => void, reject };
      this.#queue.push(job);
      this.#pump();
      // A job that has to wait is copied now, as postMessage would have copied it: the caller may go on changing what it passed.
      if (this.#queue.includes(job)) job.args = structuredClone(job.args);
    });
  }

  #pump(): void {
    while (!this.#closed && this.#queue.length > 0 && this.#busy < this.#size) {
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
    this.#busy++;
    worker.ref();
    const onMessage = (message: { id: number; ok: boolean; value?: unknown; error?: SerialisedError }): void => {
      if (message.id !== id) return;
      cleanup();
      worker.unref();
      this.#idle.push(worker);
      if (message.ok) job.resolve(message.value);
      else job.reject(rebuildError(message.error ?? {}));
      this.#pump();
    };
    const onError = (error: Error): void => {
      cleanup();
      const index = this.#all.indexOf(worker);
      if (index !== -1) this.#all.splice(index, 1);
      job.reject(error);
      this.#pump();
    };
    const onExit = (code: number): void => onError(new Error(`generator worker exited with code ${code}`));
    const cleanup = (): void => {
      this.#busy--;
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
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new Error('the worker pool is closed'));
    const workers = this.#all.splice(0);
    this.#idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

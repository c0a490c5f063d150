import { Worker } from 'node:worker_threads';
import { GeneratorError, UsageError, type SourcePlace } from '../errors.ts';
import type { StageEvent } from '../engine/render-package.ts';
import type { TaskArgs, TaskName, TaskResult } from './tasks.ts';

/** Declared by the compiled build (generator/build/bundle.mjs): the compiled worker beside the compiled CLI. */
declare const CLIENTGEN_COMPILED_WORKER: string | undefined;

/** The worker entry: compiled when this module is, else worker.mjs beside this file (tsx, vitest). */
export function workerEntry(): URL {
  return typeof CLIENTGEN_COMPILED_WORKER === 'string' ? new URL(CLIENTGEN_COMPILED_WORKER) : new URL('./worker.mjs', import.meta.url);
}

interface SerialisedError {
  readonly name?: string;
  readonly message?: string;
  readonly stack?: string;
  readonly place?: SourcePlace;
  readonly problem?: string;
}

/** What worker.mjs posts: a job's result or error, or (for a job sent with `stages: true`) one finished stage. */
export type WorkerMessage =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error?: SerialisedError }
  | { readonly id: number; readonly stage: StageEvent };

export function rebuildError(data: SerialisedError): Error {
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
 * once). Arguments are copied when `run` is called, as a worker receives them. A worker that
 * crashes is dropped and its job rejected; the next job starts a new one.
 */
export class WorkerPool {
  #size: number;
  #busy = 0;
  readonly #idle: Worker[] = [];
  readonly #all: Worker[] = [];
  readonly #queue: Job[] = [];
  #nextId = 0;

  constructor(size: number) {
    this.#size = Math.max(1, size);
  }

  /** How many jobs may run at once from now on (workers beyond it stay idle). */
  resize(size: number): void {
    this.#size = Math.max(1, size);
    this.#pump();
  }

  run<N extends TaskName>(name: N, args: TaskArgs<N>): Promise<TaskResult<N>> {
    return new Promise((resolve, reject) => {
      const job: Job = { name, args, resolve: resolve as (v: unknown) => void, reject };
      this.#queue.push(job);
      this.#pump();
      // A job that has to wait is copied now, as postMessage would have copied it: the caller may go on changing what it passed.
      if (this.#queue.includes(job)) job.args = structuredClone(job.args);
    });
  }

  #pump(): void {
    while (this.#queue.length > 0 && this.#busy < this.#size) {
      let worker = this.#idle.pop();
      if (!worker && this.#all.length < this.#size) worker = this.#spawn();
      if (!worker) return;
      this.#dispatch(worker, this.#queue.shift() as Job);
    }
  }

  #spawn(): Worker {
    const worker = new Worker(workerEntry(), { stdout: false, stderr: false });
    this.#all.push(worker);
    // A worker that dies while idle is forgotten (one that dies on a job also rejects the job, below).
    const forget = (): void => {
      for (const list of [this.#all, this.#idle]) if (list.includes(worker)) list.splice(list.indexOf(worker), 1);
    };
    worker.on('error', forget);
    worker.on('exit', forget);
    return worker;
  }

  #dispatch(worker: Worker, job: Job): void {
    const id = this.#nextId++;
    this.#busy++;
    worker.ref();
    const onMessage = (message: WorkerMessage): void => {
      if (message.id !== id || !('ok' in message)) return;
      cleanup();
      worker.unref();
      this.#idle.push(worker);
      if (message.ok) job.resolve(message.value);
      else job.reject(rebuildError(message.error ?? {}));
      this.#pump();
    };
    const onError = (error: Error): void => {
      cleanup();
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
    // The worker has its copy; a large document's model should not stay alive here until the result comes back.
    job.args = undefined;
  }
}

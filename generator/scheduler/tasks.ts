/**
 * The work a scheduler worker thread does (worker.mjs runs it, worker-pool.ts sends it). Arguments and
 * results are structured-cloneable. This is the scheduler's side of the thread boundary: it calls
 * the engine, and the engine never calls back.
 */
import type { EngineInput, PackageResult } from '../engine/package-result.ts';
import type { ClientHalfInput, StageEvent } from '../engine/render-package.ts';

interface Tasks {
  /** A whole package, as `renderPackage` renders it on the calling thread. */
  package: { args: EngineInput; result: PackageResult };
  /** The client half of a large document whose types half the calling thread renders. */
  clientHalf: { args: ClientHalfInput; result: Record<string, string> };
}

export type TaskName = keyof Tasks;
export type TaskArgs<N extends TaskName> = Tasks[N]['args'];
export type TaskResult<N extends TaskName> = Tasks[N]['result'];

/** `onStage` hears each finished stage of a whole package (the caller asks for it on a long document). */
export async function runTask<N extends TaskName>(name: N, args: TaskArgs<N>, onStage?: (event: StageEvent) => void): Promise<TaskResult<N>> {
  const engine = await import('../engine/render-package.ts');
  if (name === 'package') return (await engine.renderPackage(args as TaskArgs<'package'>, onStage)) as TaskResult<N>;
  if (name === 'clientHalf') return (await engine.renderClientHalf(args as TaskArgs<'clientHalf'>)) as TaskResult<N>;
  throw new Error(`unknown generator task ${String(name)}`);
}

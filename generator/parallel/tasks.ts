/** The work a generator worker thread can do (see pool.ts). Arguments and results are structured-cloneable. */
import type { ProviderConfig } from '../config/provider-config.ts';
import type { ClientModel } from '../model/operation-model.ts';
import type { GenerationResult } from '../pipeline.ts';
import type { PackageInfo } from '../render/shared/templates.ts';

interface Tasks {
  /** Renders one provider of a workspace, as `renderProvider` does. */
  provider: { args: { root: string; id: string }; result: GenerationResult };
  /** The client half of a package: client, types, operations, index, package.json, README, tsconfig, formatted. */
  clientFiles: {
    args: { model: ClientModel; config: ProviderConfig; specPath: string; info: PackageInfo };
    result: Record<string, string>;
  };
}

export type TaskName = keyof Tasks;
export type TaskArgs<N extends TaskName> = Tasks[N]['args'];
export type TaskResult<N extends TaskName> = Tasks[N]['result'];

export async function runTask<N extends TaskName>(name: N, args: TaskArgs<N>): Promise<TaskResult<N>> {
  if (name === 'provider') {
    const { renderProvider, workspace } = await import('../workspace.ts');
    const { root, id } = args as TaskArgs<'provider'>;
    return (await renderProvider(workspace(root), id, { inWorker: true })) as TaskResult<N>;
  }
  if (name === 'clientFiles') {
    const { renderClientFiles } = await import('../pipeline.ts');
    const a = args as TaskArgs<'clientFiles'>;
    return (await renderClientFiles(a.model, a.config, a.specPath, a.info)) as TaskResult<N>;
  }
  throw new Error(`unknown generator task ${String(name)}`);
}

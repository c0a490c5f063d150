// The scheduler's worker-thread entry (plain JavaScript, so it loads anywhere). Under `tsx` the worker inherits
// tsx's loader and imports TypeScript directly; elsewhere (vitest, plain node) it registers tsx first.
import { parentPort } from 'node:worker_threads';

async function loadTasks() {
  // A probe tells whether this thread already loads TypeScript (a failed import is cached per URL,
  // so the probe, not tasks.ts, takes the failure).
  const canLoadTs = await import('./probe.ts').then(
    () => true,
    () => false,
  );
  if (!canLoadTs) {
    const { register } = await import('tsx/esm/api');
    register();
  }
  return import('./tasks.ts');
}

const tasks = loadTasks();
// A job sent with `stages: true` also gets one `{ id, stage }` message per finished stage before its result.
parentPort.on('message', async ({ id, name, args, stages }) => {
  try {
    const { runTask } = await tasks;
    const onStage = stages ? (stage) => parentPort.postMessage({ id, stage }) : undefined;
    parentPort.postMessage({ id, ok: true, value: await runTask(name, args, onStage) });
  } catch (error) {
    const { serialiseError } = await import('./errors.mjs');
    parentPort.postMessage({ id, ok: false, error: serialiseError(error) });
  }
});

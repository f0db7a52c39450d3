import { taskQueue } from './task-queue';

/**
 * Runs a generator's steps in tasks of about `sliceMs`, handing the main thread back between them so
 * that input and frames are not held up by a long job (the merge of a million rows' tags). Rejects with
 * the signal's reason once it is aborted.
 */
export async function runInSlices<T>(
  steps: Generator<void, T>,
  signal: AbortSignal,
  sliceMs = 8,
): Promise<T> {
  let resume = () => {};
  const tasks = taskQueue(() => resume());
  const nextTask = () =>
    new Promise<void>((resolve) => {
      resume = resolve;
      tasks.post();
    });
  try {
    for (;;) {
      const until = performance.now() + sliceMs;
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) return step.value;
        if (performance.now() >= until) break;
      }
      await nextTask();
      signal.throwIfAborted();
    }
  } finally {
    tasks.close();
  }
}

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
  // A channel message is a new task without the 4 ms clamp that nested timers get.
  const channel = new MessageChannel();
  const nextTask = () =>
    new Promise<void>((resolve) => {
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
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
    channel.port1.close();
  }
}

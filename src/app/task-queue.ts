/**
 * Runs `run` as a new task each time `post` is called, without the 4 ms clamp nested timers get; one
 * channel per job, since making a channel costs more than a slice's message.
 */
export function taskQueue(run: () => void): { post: () => void; close: () => void } {
  const channel = new MessageChannel();
  channel.port1.onmessage = run;
  return { post: () => channel.port2.postMessage(null), close: () => channel.port1.close() };
}

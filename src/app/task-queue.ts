/**
 * Posted steps waiting for their task, oldest first, across every queue: one message per step on one
 * channel, so a step runs in a task of its own without the 4 ms clamp nested timers get.
 */
const waiting: Array<() => void> = [];
let channel: MessageChannel | null = null;

function runNext(): void {
  waiting.shift()?.();
  // Idle, the port has no listener: under Node (the tests) a listening port keeps the process alive.
  if (waiting.length === 0 && channel) channel.port1.onmessage = null;
}

/**
 * Runs `run` as a new task each time `post` is called, until `close`. Every queue shares one channel:
 * a keystroke starts a new job and drops the last one, and making and closing a channel each time cost
 * more than the job's first slice.
 */
export function taskQueue(run: () => void): { post: () => void; close: () => void } {
  let open = true;
  const step = () => {
    if (open) run();
  };
  return {
    post: () => {
      channel ??= new MessageChannel();
      channel.port1.onmessage = runNext;
      waiting.push(step);
      channel.port2.postMessage(null);
    },
    // Steps already posted stay in line and do nothing when their task comes.
    close: () => {
      open = false;
    },
  };
}

import { describe, it, expect } from 'vitest';
import { runInSlices } from '../../../src/app/run-in-slices';

function* counting(steps: number, log: number[]): Generator<void, string> {
  for (let i = 0; i < steps; i++) {
    log.push(i);
    yield;
  }
  return 'done';
}

describe('runInSlices', () => {
  it("runs every step and gives the generator's result", async () => {
    const log: number[] = [];
    await expect(runInSlices(counting(50, log), new AbortController().signal)).resolves.toBe('done');
    expect(log).toHaveLength(50);
  });

  it('hands the thread back between slices: other tasks run before it ends', async () => {
    const log: number[] = [];
    let otherRanAt: number | null = null;
    // Another task queued before the run starts, as input would be.
    const other = new MessageChannel();
    other.port1.onmessage = () => {
      otherRanAt = log.length;
      other.port1.close();
    };
    other.port2.postMessage(null);
    // A zero-length slice ends after every step.
    await runInSlices(counting(200, log), new AbortController().signal, 0);
    expect(otherRanAt).not.toBeNull();
    expect(otherRanAt).toBeLessThan(200);
  });

  it('stops stepping and rejects with the reason once aborted', async () => {
    const log: number[] = [];
    const controller = new AbortController();
    const run = runInSlices(counting(1000, log), controller.signal, 0);
    controller.abort(new Error('tags changed'));
    await expect(run).rejects.toThrow('tags changed');
    expect(log.length).toBeLessThan(1000);
  });
});

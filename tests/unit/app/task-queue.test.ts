import { describe, expect, it } from 'vitest';
import { taskQueue } from '../../../src/app/task-queue';

/** Resolves after `n` tasks of the shared queue have come and gone. */
function afterTasks(n: number): Promise<void> {
  return new Promise((resolve) => {
    let left = n;
    const q = taskQueue(() => {
      left--;
      if (left === 0) {
        q.close();
        resolve();
      } else q.post();
    });
    q.post();
  });
}

describe('taskQueue', () => {
  it('runs each post once, in its own task, in the order posted across queues', async () => {
    const log: string[] = [];
    const a = taskQueue(() => log.push('a'));
    const b = taskQueue(() => log.push('b'));
    a.post();
    b.post();
    a.post();
    // Nothing runs in the task that posts.
    expect(log).toEqual([]);
    await afterTasks(3);
    expect(log).toEqual(['a', 'b', 'a']);
    a.close();
    b.close();
  });

  it('runs nothing of a closed queue, not even what was already posted, and the others go on', async () => {
    const log: string[] = [];
    const stale = taskQueue(() => log.push('stale'));
    const live = taskQueue(() => log.push('live'));
    stale.post();
    live.post();
    stale.close();
    stale.post();
    await afterTasks(3);
    expect(log).toEqual(['live']);
    live.close();
  });

  it('a step may post again: a job in slices', async () => {
    let slices = 0;
    const q = taskQueue(() => {
      slices++;
      if (slices < 5) q.post();
    });
    q.post();
    // Steps of both queues alternate, so after six of the other queue's, the job has had every chance
    // to run a sixth slice: it stops at five because its step stopped posting.
    await afterTasks(6);
    expect(slices).toBe(5);
    q.close();
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../../../src/lib/after-paint';

describe('afterNextPaint', () => {
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout', 'clearTimeout'],
    });
  });
  afterEach(() => vi.useRealTimers());

  it('runs in a task after the next frame, not in the frame itself', () => {
    const run = vi.fn();
    afterNextPaint(run);
    vi.advanceTimersToNextFrame();
    expect(run).not.toHaveBeenCalled();
    vi.runOnlyPendingTimers();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['before the frame', () => {}],
    ['after the frame, before the task', () => vi.advanceTimersToNextFrame()],
  ])('cancelled %s, it never runs and leaves nothing pending', (_when, advance) => {
    const run = vi.fn();
    const cancel = afterNextPaint(run);
    advance();
    cancel();
    expect(vi.getTimerCount()).toBe(0);
    vi.runAllTimers();
    expect(run).not.toHaveBeenCalled();
  });
});

import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { usePainted } from '../../../src/components/spec-table/use-painted';

describe('usePainted', () => {
  afterEach(() => vi.useRealTimers());

  it('is true for the first value, false for a new one until the frame after it is painted', () => {
    vi.useFakeTimers({
      toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout', 'clearTimeout'],
    });
    const { result, rerender } = renderHook(({ value }) => usePainted(value), {
      initialProps: { value: 'a' },
    });
    expect(result.current).toBe(true);
    rerender({ value: 'b' });
    expect(result.current).toBe(false);
    // A second value before any frame: still not painted, and the first one's timers are dropped.
    rerender({ value: 'c' });
    expect(vi.getTimerCount()).toBe(1);
    act(() => vi.advanceTimersToNextFrame());
    expect(result.current).toBe(false);
    act(() => vi.runOnlyPendingTimers());
    expect(result.current).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('leaves no frame callback or timer behind when unmounted before the paint', () => {
    vi.useFakeTimers({
      toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout', 'clearTimeout'],
    });
    const { rerender, unmount } = renderHook(({ value }) => usePainted(value), {
      initialProps: { value: 1 },
    });
    rerender({ value: 2 });
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('treats a function as a value, not as an initialiser', () => {
    const fn = vi.fn(() => 'called');
    const { result } = renderHook(() => usePainted(fn));
    expect(result.current).toBe(true);
    expect(fn).not.toHaveBeenCalled();
  });
});

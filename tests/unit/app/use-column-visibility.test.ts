import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useColumnVisibility } from '../../../src/app/use-column-visibility';

afterEach(() => window.localStorage.clear());

describe('useColumnVisibility', () => {
  it('gives the same object until the tags or the choice change', () => {
    const { result, rerender } = renderHook(({ many }) => useColumnVisibility(many), {
      initialProps: { many: false },
    });
    const first = result.current[0];
    expect(first).toEqual({ tag: false });
    rerender({ many: false });
    expect(result.current[0]).toBe(first);
    rerender({ many: true });
    expect(result.current[0]).toEqual({ tag: true });
    const afterTags = result.current[0];
    act(() => result.current[1]({ size: false }));
    expect(result.current[0]).toEqual({ tag: true, size: false });
    expect(result.current[0]).not.toBe(afterTags);
  });

  it('remembers the choice for the next visit, and it wins over the tag default', () => {
    const first = renderHook(() => useColumnVisibility(true));
    act(() => first.result.current[1]({ tag: false }));
    const next = renderHook(() => useColumnVisibility(true));
    expect(next.result.current[0]).toEqual({ tag: false });
  });
});

import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useColumnVisibility } from '../../../src/app/use-column-visibility';

afterEach(() => window.localStorage.clear());

describe('useColumnVisibility', () => {
  it.each([
    { many: false, anySize: false, expected: { tag: false, size: false, platform: false } },
    { many: true, anySize: false, expected: { tag: true, size: false, platform: false } },
    { many: false, anySize: true, expected: { tag: false, size: true, platform: false } },
  ])('defaults: several tags $many, some size $anySize', ({ many, anySize, expected }) => {
    const { result } = renderHook(() => useColumnVisibility(many, anySize));
    expect(result.current[0]).toEqual(expected);
  });

  it('gives the same object until the tags, the sizes or the choice change', () => {
    const { result, rerender } = renderHook(({ many, anySize }) => useColumnVisibility(many, anySize), {
      initialProps: { many: false, anySize: false },
    });
    const first = result.current[0];
    rerender({ many: false, anySize: false });
    expect(result.current[0]).toBe(first);
    rerender({ many: true, anySize: false });
    expect(result.current[0]).toEqual({ tag: true, size: false, platform: false });
    rerender({ many: true, anySize: true });
    expect(result.current[0]).toEqual({ tag: true, size: true, platform: false });
    const afterData = result.current[0];
    act(() => result.current[1]('size', false));
    expect(result.current[0]).toEqual({ tag: true, size: false, platform: false });
    expect(result.current[0]).not.toBe(afterData);
  });

  it('remembers the choice for the next visit, and it wins over every default', () => {
    const first = renderHook(() => useColumnVisibility(true, false));
    act(() => first.result.current[1]('tag', false));
    act(() => first.result.current[1]('size', true));
    act(() => first.result.current[1]('platform', true));
    const next = renderHook(() => useColumnVisibility(true, false));
    expect(next.result.current[0]).toEqual({ tag: false, size: true, platform: true });
  });

  it('stores only the column chosen, so the others keep following their defaults', () => {
    const { result, rerender } = renderHook(({ many, anySize }) => useColumnVisibility(many, anySize), {
      initialProps: { many: false, anySize: false },
    });
    act(() => result.current[1]('os', false));
    expect(JSON.parse(window.localStorage.getItem('spack-cache-explorer.columns') ?? '{}')).toEqual({
      os: false,
    });
    rerender({ many: true, anySize: true });
    expect(result.current[0]).toEqual({ tag: true, size: true, platform: false, os: false });
  });
});

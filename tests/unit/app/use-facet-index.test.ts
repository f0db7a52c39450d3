import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useFacetIndex } from '../../../src/app/use-facet-index';
import { buildFacetIndex } from '../../../src/data/engine/facet-index-builder';
import { spec, tableOf } from '../engine/fixtures';

const table = () => tableOf([['t', [spec({ os: 'a' }), spec({ os: 'b', hash: 'b'.repeat(32) })]]]);

describe('useFacetIndex', () => {
  it('without a filter, gives no index on the first render and the table’s index after the paint', async () => {
    const t = table();
    const { result } = renderHook(() => useFacetIndex(t, false));
    expect(result.current).toBeNull();
    await waitFor(() => expect(result.current).not.toBeNull());
    expect(result.current).toEqual(buildFacetIndex(t));
  });

  it('with a filter, gives the index at once, and the same object once the deferred build lands', async () => {
    const t = table();
    const { result, rerender } = renderHook(({ needed }) => useFacetIndex(t, needed), {
      initialProps: { needed: true },
    });
    const first = result.current;
    expect(first).toEqual(buildFacetIndex(t));
    // The deferred build lands meanwhile (a state update, hence act).
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    rerender({ needed: false });
    expect(result.current).toBe(first);
  });

  it('never gives the index of another table', async () => {
    const a = table();
    const b = tableOf([['u', [spec({ os: 'c' })]]]);
    const { result, rerender } = renderHook(({ t }) => useFacetIndex(t, false), { initialProps: { t: a } });
    await waitFor(() => expect(result.current).not.toBeNull());
    rerender({ t: b });
    expect(result.current).toBeNull();
    await waitFor(() => expect(result.current?.count).toBe(1));
  });
});

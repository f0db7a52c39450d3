import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSpecView } from '../../../src/app/use-spec-view';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../../src/url/view-state';
import { hashOf, spec, tableOf } from '../engine/fixtures';

const table = tableOf([
  [
    'v1',
    [
      spec({ hash: hashOf('b'), package: 'hdf5', variants: ['~cxx', '+mpi'] }),
      spec({ hash: hashOf('c'), package: 'hdf5', variants: ['+cxx', '~mpi'] }),
    ],
  ],
]);

function viewWithVariants(include: string[]): ViewState {
  return {
    ...DEFAULT_VIEW_STATE,
    facets: { ...DEFAULT_VIEW_STATE.facets, variant: { include, exclude: [] } },
  };
}

describe('useSpecView leadVariant', () => {
  it('is null while nothing asks for a variant', () => {
    const { result } = renderHook(() => useSpecView(table, DEFAULT_VIEW_STATE, 'hdf5'));
    expect(result.current.leadVariant).toBeNull();
  });

  it('marks the tokens the query and the facet ask for', () => {
    const { result } = renderHook(() => useSpecView(table, viewWithVariants(['~cxx']), 'hdf5 +mpi'));
    const lead = result.current.leadVariant;
    expect(['+mpi', '~cxx', '+cxx', '~mpi'].map((t) => lead?.(t))).toEqual([true, true, false, false]);
  });

  it('stays the same function while the variants asked for stay the same, so rows are not rendered again', () => {
    const view = viewWithVariants([]);
    const { result, rerender } = renderHook(({ q, v }) => useSpecView(table, v, q), {
      initialProps: { q: 'hdf5 +mpi', v: view },
    });
    const first = result.current.leadVariant;
    expect(first).not.toBeNull();
    rerender({ q: 'hdf5 +mpi ', v: view });
    rerender({ q: 'hdf5 +mpi %gcc', v: viewWithVariants([]) });
    expect(result.current.leadVariant).toBe(first);
    rerender({ q: 'hdf5 +mpi ~cxx', v: view });
    expect(result.current.leadVariant).not.toBe(first);
  });
});

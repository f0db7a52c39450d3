import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useViewState } from '../../../src/app/use-view-state';
import { setFacetValue } from '../../../src/app/view-updates';

afterEach(() => window.history.replaceState(null, '', '/'));

describe('useViewState', () => {
  it('keeps the facets, tags and sort objects when only the query reaches the URL', () => {
    window.history.replaceState(null, '', '/?tag=develop&stack=e4s&sort=package');
    const { result } = renderHook(() => useViewState());
    const [before, setView] = result.current;
    act(() => setView((v) => ({ ...v, q: 'zlib' })));
    const [after] = result.current;
    expect(window.location.search).toContain('q=zlib');
    expect(after.q).toBe('zlib');
    expect(after.facets).toBe(before.facets);
    expect(after.tags).toBe(before.tags);
    expect(after.sort).toBe(before.sort);
    // setView is stable, so callbacks built on it are too.
    expect(result.current[1]).toBe(setView);
  });

  it('applies updates made in one event on top of each other', () => {
    window.history.replaceState(null, '', '/');
    const { result } = renderHook(() => useViewState());
    const [, setView] = result.current;
    act(() => {
      setView((v) => setFacetValue(v, 'os', 'rhel8', 'include'));
      setView((v) => setFacetValue(v, 'target', 'aarch64', 'exclude'));
    });
    const [view] = result.current;
    expect(view.facets.os.include).toEqual(['rhel8']);
    expect(view.facets.target.exclude).toEqual(['aarch64']);
  });

  it('follows back and forward', () => {
    window.history.replaceState(null, '', '/');
    const { result } = renderHook(() => useViewState());
    act(() => result.current[1]((v) => ({ ...v, q: 'hdf5' })));
    act(() => {
      window.history.replaceState(null, '', '/?q=cmake');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(result.current[0].q).toBe('cmake');
  });

  it('builds an update made right after Back on the view walked to', () => {
    window.history.replaceState(null, '', '/?q=hdf5&os=rhel8');
    const { result } = renderHook(() => useViewState());
    act(() => {
      window.history.replaceState(null, '', '/?q=cmake');
      window.dispatchEvent(new PopStateEvent('popstate'));
      // Before React renders the popped view.
      result.current[1]((v) => setFacetValue(v, 'target', 'zen4', 'include'));
    });
    const [view] = result.current;
    expect(view.q).toBe('cmake');
    expect(view.facets.os.include).toEqual([]);
    expect(view.facets.target.include).toEqual(['zen4']);
  });

  it('applies a whole view and then an update in one event, in that order', () => {
    window.history.replaceState(null, '', '/');
    const { result } = renderHook(() => useViewState());
    const [start, setView] = result.current;
    act(() => {
      setView({ ...start, q: 'zlib' });
      setView((v) => ({ ...v, hash: 'abcdefg' }));
    });
    expect(result.current[0].q).toBe('zlib');
    expect(result.current[0].hash).toBe('abcdefg');
  });
});

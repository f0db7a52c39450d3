import { useCallback, useEffect, useMemo, useState } from 'react';
import { decodeViewState, encodeViewState } from '../url/codec';
import type { ViewState } from '../url/view-state';

function currentSearch(): string {
  return window.location.search;
}

/**
 * The view state lives in the URL: decoded from `location.search`, written back with pushState so
 * back/forward walk through views and a reload restores the same view.
 */
export function useViewState() {
  const [search, setSearch] = useState(currentSearch);
  useEffect(() => {
    const onPop = () => setSearch(currentSearch());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const decoded = useMemo(() => decodeViewState(search), [search]);
  const setView = useCallback((next: ViewState) => {
    const query = encodeViewState(next);
    const nextSearch = query ? `?${query}` : '';
    if (nextSearch !== currentSearch()) {
      // Relative URL: only the query changes, so the app keeps working under any sub-path.
      window.history.pushState(null, '', `${nextSearch || window.location.pathname}${window.location.hash}`);
    }
    setSearch(nextSearch);
  }, []);
  return [decoded.state, setView, decoded.notices] as const;
}

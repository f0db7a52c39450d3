import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { decodeViewState, encodeViewState, type UrlNotice } from '../url/codec';
import { keepUnchanged } from '../url/keep-unchanged';
import type { ViewState } from '../url/view-state';

function currentSearch(): string {
  return window.location.search;
}

interface Decoded {
  search: string;
  state: ViewState;
  notices: UrlNotice[];
}

/** The state of `search`, sharing with `prev` every part that did not change (see keepUnchanged). */
function decode(search: string, prev: Decoded | null): Decoded {
  const { state, notices } = decodeViewState(search);
  return { search, state: prev ? keepUnchanged(prev.state, state) : state, notices };
}

/** A new view, or how to make it from the current one (so callbacks need not depend on the view). */
export type ViewUpdate = ViewState | ((view: ViewState) => ViewState);

/**
 * The view state lives in the URL: decoded from `location.search`, written back with pushState so
 * back/forward walk through views and a reload restores the same view. `setView` is stable.
 */
export function useViewState() {
  const [decoded, setDecoded] = useState(() => decode(currentSearch(), null));
  // The view the next update starts from: the rendered one, or one set since in the same event.
  const latest = useRef(decoded.state);
  useLayoutEffect(() => {
    latest.current = decoded.state;
  }, [decoded]);
  useEffect(() => {
    const onPop = () => {
      // Read now: the updater runs later (twice under StrictMode), and an update made before the next
      // render must build on the view walked to, not on the one before Back.
      const walkedTo = decode(currentSearch(), null);
      latest.current = walkedTo.state;
      setDecoded((prev) => ({ ...walkedTo, state: keepUnchanged(prev.state, walkedTo.state) }));
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const setView = useCallback((update: ViewUpdate) => {
    const next = typeof update === 'function' ? update(latest.current) : update;
    latest.current = next;
    const query = encodeViewState(next);
    const nextSearch = query ? `?${query}` : '';
    if (nextSearch !== currentSearch()) {
      // Relative URL: only the query changes, so the app keeps working under any sub-path.
      window.history.pushState(null, '', `${nextSearch || window.location.pathname}${window.location.hash}`);
    }
    setDecoded((prev) => (prev.search === nextSearch ? prev : decode(nextSearch, prev)));
  }, []);
  return [decoded.state, setView, decoded.notices] as const;
}

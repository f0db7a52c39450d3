import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

/** Before the first layout (and under jsdom, which has none) the viewport is taken to be this tall. */
const INITIAL_HEIGHT = 800;

export interface RowWindow {
  /** First and last row positions to render (inclusive); `last < first` when there are none. */
  first: number;
  last: number;
  /** Height of all rows, for the scroll area. */
  totalHeight: number;
}

/**
 * The rows in view plus `overscan` on each side, for rows of one fixed height. Pure arithmetic, so it
 * costs the same at ten rows and at a million (a measuring virtualiser walks every row when the count
 * changes, which at a million rows takes longer than a frame).
 */
export function rowWindow(
  scrollTop: number,
  viewportHeight: number,
  count: number,
  rowHeight: number,
  overscan: number,
): RowWindow {
  const totalHeight = count * rowHeight;
  if (count === 0) return { first: 0, last: -1, totalHeight };
  // A scroll position past the end (the result just got shorter; the browser clamps it a moment later)
  // still shows the last screenful rather than a blank.
  const top = Math.max(0, Math.min(scrollTop, totalHeight - Math.max(viewportHeight, 0)));
  const firstInView = Math.floor(top / rowHeight);
  const lastInView = Math.ceil((top + Math.max(viewportHeight, 0)) / rowHeight) - 1;
  return {
    first: Math.max(0, Math.min(firstInView - overscan, count - 1)),
    last: Math.min(count - 1, Math.max(lastInView + overscan, firstInView)),
    totalHeight,
  };
}

/** The scroll position that brings row `index` into view, moving as little as possible (null: it is). */
export function scrollTopFor(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return null;
}

/** Follows the scroll position and size of `scrollRef`'s element and gives the rows to render. */
export function useRowWindow(
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan: number,
) {
  const [viewport, setViewport] = useState({ top: 0, height: INITIAL_HEIGHT });
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return undefined;
    const update = () => {
      const top = el.scrollTop;
      const height = el.clientHeight || INITIAL_HEIGHT;
      setViewport((v) => (v.top === top && v.height === height ? v : { top, height }));
    };
    update();
    el.addEventListener('scroll', update, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    resize?.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      resize?.disconnect();
    };
  }, [scrollRef]);
  const scrollToIndex = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      if (!el) return;
      const to = scrollTopFor(index, el.scrollTop, el.clientHeight || INITIAL_HEIGHT, rowHeight);
      if (to !== null) el.scrollTop = to;
    },
    [scrollRef, rowHeight],
  );
  return {
    ...rowWindow(viewport.top, viewport.height, count, rowHeight, overscan),
    /** The rows in view alone, without the overscan. */
    inView: rowWindow(viewport.top, viewport.height, count, rowHeight, 0),
    scrollToIndex,
  };
}

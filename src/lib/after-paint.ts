/**
 * Runs `run` in a task queued from the next frame's callback, so after that frame is painted: work that
 * can wait (more rows, facet counts, the facet index) stays out of the frame that shows a result.
 * Returns a function that cancels it if it has not run.
 */
export function afterNextPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

import { useEffect, useState } from 'react';

/**
 * Whether `value` has been on screen for a painted frame: false in the render that first shows a new
 * value, true in a render that follows the next paint (the first value counts as painted). Work that can
 * wait for it (rows outside the view) then stays out of the frame that shows a keystroke's result; the
 * rows it leaves out are mounted again in that later render.
 */
export function usePainted<T>(value: T): boolean {
  const [painted, setPainted] = useState(() => value);
  useEffect(() => {
    if (painted === value) return undefined;
    let task: ReturnType<typeof setTimeout> | undefined;
    // A task queued from the frame's callback runs after that frame is painted.
    const frame = requestAnimationFrame(() => {
      task = setTimeout(() => setPainted(() => value), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
    };
  }, [value, painted]);
  return painted === value;
}

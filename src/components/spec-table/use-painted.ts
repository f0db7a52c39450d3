import { useEffect, useState } from 'react';
import { afterNextPaint } from '../../lib/after-paint';

/**
 * Whether `value` has been on screen for a painted frame: false in the render that first shows a new
 * value, true in a render that follows the next paint (the first value counts as painted). Work that can
 * wait for it (rows outside the view) then stays out of the frame that shows a keystroke's result; the
 * rows it leaves out are mounted again in that later render.
 */
export function usePainted<T>(value: T): boolean {
  const [painted, setPainted] = useState(() => value);
  useEffect(
    () => (painted === value ? undefined : afterNextPaint(() => setPainted(() => value))),
    [value, painted],
  );
  return painted === value;
}

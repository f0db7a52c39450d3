/**
 * The last index below `end` whose entry is at most `value`, in `sorted` (ascending); 0 when none is.
 * For directories of start offsets: which block, or which joined string, holds position `value`.
 */
export function lastAtMost(sorted: ArrayLike<number>, value: number, end: number): number {
  let lo = 0;
  let hi = end - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((sorted[mid] ?? 0) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Binary searches over sorted offsets (line starts, chunk starts, user starts): the one place they
 * are written.
 */

/** The last index among the first `count` of `sorted` whose value is ≤ `x` (0 when none is). */
export function lastAtOrBelow(sorted: ArrayLike<number>, x: number, count = sorted.length): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The first index of `sorted` whose value is not below `x` (`sorted.length` when none is). */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

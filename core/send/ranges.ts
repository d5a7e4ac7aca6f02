/**
 * Sets of user positions kept as sorted, merged ranges, so that "which users were accepted" costs
 * a few numbers for a million users sent in order; and the named outcomes of a send with the users
 * of each, as the summary prints them.
 */

/** Sorted, disjoint, non-adjacent [first, end) ranges of 0-based user positions. */
export class UserRanges {
  readonly ranges: Array<[number, number]> = [];
  total = 0;

  /** Adds users `first` … `first + count - 1` (overlaps are merged, counted once). */
  add(first: number, count: number): void {
    if (count <= 0) return;
    let start = first;
    let end = first + count;
    const r = this.ranges;
    // The first range that ends at or after `start` (binary search).
    let lo = 0;
    let hi = r.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (r[mid][1] < start) lo = mid + 1;
      else hi = mid;
    }
    let i = lo;
    let removed = 0;
    while (i < r.length && r[i][0] <= end) {
      start = Math.min(start, r[i][0]);
      end = Math.max(end, r[i][1]);
      removed += r[i][1] - r[i][0];
      i++;
    }
    r.splice(lo, i - lo, [start, end]);
    this.total += end - start - removed;
  }

  has(user: number): boolean {
    const r = this.ranges;
    let lo = 0;
    let hi = r.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (r[mid][1] <= user) lo = mid + 1;
      else hi = mid;
    }
    return lo < r.length && r[lo][0] <= user;
  }

  /** Users in [0, total) not in this set. */
  complement(total: number): UserRanges {
    const out = new UserRanges();
    let at = 0;
    for (const [s, e] of this.ranges) {
      if (s > at) out.add(at, Math.min(s, total) - at);
      at = Math.max(at, e);
      if (at >= total) break;
    }
    if (at < total) out.add(at, total - at);
    return out;
  }
}

/** "user 3", "users 1–100, 201–300" (1-based), at most `max` ranges then "and N more ranges". */
export function describeRanges(set: UserRanges, max = 8): string {
  const parts = set.ranges
    .slice(0, max)
    .map(([s, e]) => (e - s === 1 ? `${s + 1}` : `${s + 1}–${e}`));
  const more = set.ranges.length - max;
  const word = set.total === 1 ? 'user' : 'users';
  return `${word} ${parts.join(', ')}${more > 0 ? ` and ${more} more range${more === 1 ? '' : 's'}` : ''}`;
}

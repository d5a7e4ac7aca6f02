/** "Did you mean …?": the closest candidate by edit distance (transpositions count once). */

/** Optimal-string-alignment distance, case-insensitive, capped at `max + 1` for speed. */
export function editDistance(a: string, b: string, max = 3): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[n];
}

/**
 * The closest candidate, or undefined when none is close enough: at most 1 edit for names of up to
 * 4 characters, 2 up to 8, else 3. A candidate that starts with the word (or the other way round)
 * also counts, e.g. `dev` → `development`.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = limit + 1;
  const lower = word.toLowerCase();
  for (const c of candidates) {
    let d = editDistance(word, c, limit);
    if (d > limit && lower.length >= 3 && c.startsWith(lower)) d = limit;
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Attribute names and cutoff dates repeat from user to user: the parser reads the values of
 * `attribute_name` and `cutoff_date` through this small cache of the values it met last, so that the same few string objects come back. Each
 * keeps the hash V8 computes for it, and the cross-user rule looks every name up in a map: hashing
 * a fresh string each time cost more than comparing its characters once here. Strings are
 * immutable, so which object holds the characters is never observable. Memory is bounded (SIZE
 * names of at most RECENT_MAX characters, none a view on a parsed text).
 */
const SIZE = 256;
const MASK = SIZE - 1;
/** Longer names are sliced as they are. */
export const RECENT_MAX = 64;

const slots = new Array<string | undefined>(SIZE).fill(undefined);

/** The hash `recentName` takes: `h = recentHashStep(h, c)` over the characters, from 0. */
export function recentHashStep(h: number, c: number): number {
  return (Math.imul(h, 31) + c) | 0;
}

/**
 * `text.slice(from, to)` (plain characters, at most RECENT_MAX of them), as the cached string when
 * it holds those characters; `hash` is theirs.
 */
export function recentName(text: string, from: number, to: number, hash: number): string {
  const i = hash & MASK;
  const s = slots[i];
  if (s !== undefined && s.length === to - from && sameChars(text, from, s)) return s;
  // A copy of its own: V8 makes a slice of 13 or more characters a view that keeps the whole text
  // alive, and this cache outlives every parse (concatenating and slicing again makes a string
  // that holds only its own characters).
  const v = to - from < 13 ? text.slice(from, to) : (' ' + text.slice(from, to)).slice(1);
  slots[i] = v;
  return v;
}

function sameChars(text: string, from: number, s: string): boolean {
  for (let k = 0; k < s.length; k++)
    if (text.charCodeAt(from + k) !== s.charCodeAt(k)) return false;
  return true;
}

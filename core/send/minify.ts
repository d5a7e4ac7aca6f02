/**
 * Byte-exact payload text for the sender: the user's own source with only insignificant whitespace
 * removed. Strings are copied untouched (escapes included) and numbers keep every digit, so an mpid
 * such as 7346244611012968789 reaches the API exactly as written. Never JSON.parse + stringify.
 */

const QUOTE = 34;
const BACKSLASH = 92;
const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

function isWhitespace(c: number): boolean {
  return c === SPACE || c === LF || c === CR || c === TAB;
}

/**
 * Calls `run(from, to)` for each stretch of `text.slice(start, end)` outside insignificant
 * whitespace, in order. The slice must be a syntactically valid JSON value (the sender refuses
 * documents with errors before calling this).
 */
function forEachRun(
  text: string,
  start: number,
  end: number,
  run: (from: number, to: number) => void,
): void {
  let runStart = start;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Copy the whole string, escapes and all.
      i++;
      while (i < end) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i += 2;
        else if (s === QUOTE) break;
        else i++;
      }
      i++;
    } else if (isWhitespace(c)) {
      if (i > runStart) run(runStart, i);
      while (i < end && isWhitespace(text.charCodeAt(i))) i++;
      runStart = i;
    } else {
      i++;
    }
  }
  if (end > runStart) run(runStart, Math.min(i, end));
}

/** `text.slice(start, end)` without whitespace outside strings. */
export function minifyJson(text: string, start = 0, end = text.length): string {
  const parts: string[] = [];
  forEachRun(text, start, end, (from, to) => parts.push(text.slice(from, to)));
  return parts.join('');
}

/**
 * The UTF-8 bytes of the non-ASCII character at `i` (`c`, its code unit): 2, 3, or 4 for a
 * surrogate pair (which takes two code units).
 */
function wideBytes(text: string, i: number, end: number, c: number): number {
  if (c < 0x800) return 2;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 4;
  }
  return 3;
}

/**
 * `utf8Length(minifyJson(text, start, end))` in one pass, without building the string: every
 * character but the whitespace outside strings, in UTF-8 bytes. The slice must be valid JSON.
 */
export function minifiedBytes(text: string, start: number, end: number): number {
  let n = 0;
  let inString = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (inString) {
        if (c === BACKSLASH) {
          n++;
          i++; // the escaped character is ASCII in valid JSON
        } else if (c === QUOTE) inString = false;
      } else if (c === QUOTE) inString = true;
      else if (isWhitespace(c)) continue;
      n++;
    } else {
      const w = wideBytes(text, i, end, c);
      n += w;
      if (w === 4) i++;
    }
  }
  return n;
}

/** Length of a string in UTF-8 bytes (what goes on the wire), without allocating. */
export function utf8Length(s: string, start = 0, end = s.length): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else {
      const w = wideBytes(s, i, end, c);
      n += w;
      if (w === 4) i++;
    }
  }
  return n;
}

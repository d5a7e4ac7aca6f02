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
 * `text.slice(start, end)` without whitespace outside strings. The slice must be a syntactically
 * valid JSON value (the sender refuses documents with errors before calling this).
 */
export function minifyJson(text: string, start = 0, end = text.length): string {
  const parts: string[] = [];
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
      if (i > runStart) parts.push(text.slice(runStart, i));
      while (i < end && isWhitespace(text.charCodeAt(i))) i++;
      runStart = i;
    } else {
      i++;
    }
  }
  if (end > runStart) parts.push(text.slice(runStart, Math.min(i, end)));
  return parts.join('');
}

/** Length of a string in UTF-8 bytes (what goes on the wire), without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * How a message quotes a value from the document: whole when short (the usual case, byte for byte
 * what the message always said), as a short excerpt with the full length when long, so that a
 * 1 MB string in a file never becomes a 1 MB diagnostic, hover or log line.
 */

/** Values up to this many UTF-16 units are quoted whole. */
export const EXCERPT_LIMIT = 80;
/** How much of a longer value is shown. */
const HEAD = 60;

/** `s` itself when short, else its first characters, `…` and its length. */
export function excerpt(s: string): string {
  if (s.length <= EXCERPT_LIMIT) return s;
  let end = HEAD;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--; // never cut a surrogate pair in two
  return `${s.slice(0, end)}… (${s.length.toLocaleString('en-US')} characters)`;
}

/** `"s"` for a value quoted in a message: the same as excerpt, inside double quotes. */
export function quoted(s: string): string {
  if (s.length <= EXCERPT_LIMIT) return `"${s}"`;
  const e = excerpt(s);
  const cut = e.lastIndexOf('… (');
  return `"${e.slice(0, cut)}…"${e.slice(cut + 1)}`;
}

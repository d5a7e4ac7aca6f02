/**
 * Number checks done on source text, never through a JavaScript number where precision matters
 * (mpids, timestamps). Character checks, no regular expressions: these run for every seed.
 */

export const NOT_A_NUMBER = 0;
export const INTEGER = 1;
/** A JSON number with a fraction or an exponent. */
export const DECIMAL = 2;

/** Classifies text as a JSON number: NOT_A_NUMBER, INTEGER (`-?digits`) or DECIMAL. */
export function numberKind(s: string): number {
  const len = s.length;
  let i = 0;
  if (s.charCodeAt(0) === 45) i++; // -
  const intStart = i;
  while (i < len && isDigitCode(s.charCodeAt(i))) i++;
  const intLen = i - intStart;
  if (intLen === 0 || (intLen > 1 && s.charCodeAt(intStart) === 48)) return NOT_A_NUMBER;
  if (i === len) return INTEGER;
  if (s.charCodeAt(i) === 46) {
    i++;
    const f = i;
    while (i < len && isDigitCode(s.charCodeAt(i))) i++;
    if (i === f) return NOT_A_NUMBER;
  }
  if (i < len) {
    const e = s.charCodeAt(i);
    if (e !== 101 && e !== 69) return NOT_A_NUMBER;
    i++;
    const sign = s.charCodeAt(i);
    if (sign === 43 || sign === 45) i++;
    const x = i;
    while (i < len && isDigitCode(s.charCodeAt(i))) i++;
    if (i === x || i !== len) return NOT_A_NUMBER;
  }
  return DECIMAL;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True when `s` is `-?digits` with no leading zero and fits a signed 64-bit integer. */
export function isInt64Text(s: string): boolean {
  if (numberKind(s) !== INTEGER) return false;
  const negative = s.charCodeAt(0) === 45;
  const digits = negative ? s.length - 1 : s.length;
  if (digits < 19) return true;
  if (digits > 19) return false;
  // 19 digits: compare as text with the bound (same length, so lexicographic order is numeric).
  return negative ? s.slice(1) <= '9223372036854775808' : s <= '9223372036854775807';
}

/** True for a non-negative integer written as `digits` (no sign, fraction or exponent). */
export function isNonNegativeIntegerText(s: string): boolean {
  return s.length > 0 && s.charCodeAt(0) !== 45 && numberKind(s) === INTEGER;
}

/** True for a positive integer written as `digits`. */
export function isPositiveIntegerText(s: string): boolean {
  if (!isNonNegativeIntegerText(s)) return false;
  return s !== '0';
}

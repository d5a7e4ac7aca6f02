/** Character codes and classes for the parser and the minifier (charCodeAt comparisons, no regex). */
export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const QUOTE = 34;
export const PLUS = 43;
export const COMMA = 44;
export const MINUS = 45;
export const DOT = 46;
export const SLASH = 47;
export const ZERO = 48;
export const NINE = 57;
export const COLON = 58;
export const UPPER_E = 69;
export const OPEN_BRACKET = 91;
export const BACKSLASH = 92;
export const CLOSE_BRACKET = 93;
export const LOWER_E = 101;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;
export const STAR = 42;
export const APOSTROPHE = 39;

export function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** Characters that end a bare word (the token of an unexpected identifier). */
export function isDelimiter(c: number): boolean {
  return (
    c === SPACE ||
    c === TAB ||
    c === LF ||
    c === CR ||
    c === COMMA ||
    c === COLON ||
    c === OPEN_BRACE ||
    c === CLOSE_BRACE ||
    c === OPEN_BRACKET ||
    c === CLOSE_BRACKET ||
    c === QUOTE ||
    Number.isNaN(c)
  );
}

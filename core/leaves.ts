/**
 * The parser's leaves: strings (with escapes, unterminated and single-quoted recovery) and numbers
 * (JSON's grammar exactly; the source text is kept as `raw`, never converted).
 */
import type { JsonNode, StringNode } from './ast';
import {
  BACKSLASH,
  CR,
  DOT,
  LF,
  LOWER_E,
  MINUS,
  PLUS,
  QUOTE,
  SLASH,
  SPACE,
  UPPER_E,
  ZERO,
  isDelimiter,
  isDigit,
} from './chars';
import type { SeedDiagnostic } from './diagnostics';
import { quoted } from './excerpt';
import type { KnownNames } from './knownKeys';
import { DEAD, knownKeys, knownValues, START } from './knownKeys';
import { RECENT_MAX, recentHashStep, recentName } from './recentNames';

/** What the leaf scanners need of the parser: the text, the cursor, and a way to report. */
export interface Scanner {
  readonly text: string;
  pos: number;
  error(
    code: SeedDiagnostic['code'],
    message: string,
    offset: number,
    length: number,
    fixes?: SeedDiagnostic['fixes'],
  ): void;
}

export function scanSingleQuoted(p: Scanner): StringNode {
  const text = p.text;
  const start = p.pos;
  let end = text.indexOf("'", start + 1);
  const nl = text.indexOf('\n', start + 1);
  if (end < 0 || (nl >= 0 && nl < end)) end = nl < 0 ? text.length - 1 : nl - 1;
  p.pos = end + 1;
  const value = text.slice(start + 1, end);
  p.error(
    'syntax-error',
    'JSON strings use double quotes, not single quotes.',
    start,
    p.pos - start,
    [
      {
        title: 'Use double quotes',
        edits: [{ offset: start, length: p.pos - start, newText: JSON.stringify(value) }],
        preferred: true,
      },
    ],
  );
  return { type: 'string', offset: start, length: p.pos - start, value };
}

/**
 * A property name: a plain one (no escape, no control character) that is a name of the vocabulary
 * is given as the vocabulary's own string, another plain one as its slice; any other key is read
 * by `scanString`.
 */
export function scanKey(p: Scanner): StringNode {
  return scanKnown(p, knownKeys());
}

/** The value of `calculation_type` or `environment`, the same way (types, aliases, environments). */
export function scanKnownValue(p: Scanner): StringNode {
  return scanKnown(p, knownValues());
}

/** The value of `attribute_name`: a plain one through the cache of recent names. */
export function scanRecentValue(p: Scanner): StringNode {
  const text = p.text;
  const start = p.pos;
  let i = start + 1;
  let hash = 0;
  let c = text.charCodeAt(i);
  while (c > BACKSLASH || (c >= SPACE && c !== QUOTE && c !== BACKSLASH)) {
    hash = recentHashStep(hash, c);
    c = text.charCodeAt(++i);
  }
  if (c !== QUOTE) return scanString(p);
  p.pos = i + 1;
  const value =
    i - start - 1 <= RECENT_MAX ? recentName(text, start + 1, i, hash) : text.slice(start + 1, i);
  return { type: 'string', offset: start, length: i + 1 - start, value };
}

function scanKnown(p: Scanner, known: KnownNames): StringNode {
  const text = p.text;
  const start = p.pos;
  const next = known.next;
  // Walk the names' automaton while the characters follow a name (one pass, no indexOf: on a text
  // V8 holds as a rope, as an edited document's is, indexOf can cost a call into the runtime). The
  // closing quote after a whole name is a transition too, to a negative state: one table lookup
  // and one test a character.
  let i = start + 1;
  let state = START;
  let c = text.charCodeAt(i);
  // `c < 128` is false for NaN too (the end of the text).
  while (c < 128) {
    state = next[state * 128 + c];
    if (state <= DEAD) break;
    c = text.charCodeAt(++i);
  }
  if (state < DEAD) {
    p.pos = i + 1;
    return { type: 'string', offset: start, length: i + 1 - start, value: known.names[-1 - state] };
  }
  // Not a name: go on over plain characters to the closing quote, or leave it to scanString.
  while (c > BACKSLASH || (c >= SPACE && c !== QUOTE && c !== BACKSLASH)) c = text.charCodeAt(++i);
  if (c === QUOTE) {
    p.pos = i + 1;
    return {
      type: 'string',
      offset: start,
      length: i + 1 - start,
      value: text.slice(start + 1, i),
    };
  }
  return scanString(p);
}

export function scanString(p: Scanner): StringNode {
  const text = p.text;
  const start = p.pos;
  let i = start + 1;
  let hasEscape = false;
  const len = text.length;
  for (;;) {
    const c = text.charCodeAt(i);
    // Most characters of a string are plain: one comparison for a-z and above (no quote,
    // backslash or control character is above the backslash).
    if (c > BACKSLASH) {
      i++;
      continue;
    }
    if (c === QUOTE) break;
    if (c === BACKSLASH) {
      hasEscape = true;
      // A backslash at the end of a line escapes nothing: the string ends there, unclosed.
      const next = text.charCodeAt(i + 1);
      i += next === LF || next === CR ? 1 : 2;
      continue;
    }
    if (c >= SPACE) {
      i++;
      continue;
    }
    // Past the end of the text (charCodeAt gave NaN), or a control character.
    if (i >= len) {
      p.pos = len;
      p.error(
        'unclosed',
        'This string is not closed: add the closing double quote.',
        start,
        len - start,
        [
          {
            title: 'Close the string',
            edits: [{ offset: len, length: 0, newText: '"' }],
            preferred: true,
          },
        ],
      );
      return { type: 'string', offset: start, length: len - start, value: text.slice(start + 1) };
    }
    if (c === LF || c === CR) {
      // Unterminated on this line: end the string here so the next lines still parse.
      p.pos = i;
      p.error(
        'unclosed',
        'This string is not closed on its line: add the closing double quote.',
        start,
        i - start,
        [
          {
            title: 'Close the string',
            edits: [{ offset: i, length: 0, newText: '"' }],
            preferred: true,
          },
        ],
      );
      return {
        type: 'string',
        offset: start,
        length: i - start,
        value: text.slice(start + 1, i),
      };
    }
    p.error(
      'invalid-string',
      'A control character must be escaped inside a string (e.g. \\t).',
      i,
      1,
    );
    i++;
  }
  p.pos = i + 1;
  const length = i + 1 - start;
  if (!hasEscape) return { type: 'string', offset: start, length, value: text.slice(start + 1, i) };
  return { type: 'string', offset: start, length, value: decodeEscapes(p, start + 1, i) };
}

export function decodeEscapes(p: Scanner, from: number, to: number): string {
  const text = p.text;
  let out = '';
  let runStart = from;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) !== BACKSLASH) continue;
    out += text.slice(runStart, i);
    const e = text[i + 1];
    switch (e) {
      case '"':
      case '\\':
      case '/':
        out += e;
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        const hex = text.slice(i + 2, i + 6);
        if (/^[0-9a-fA-F]{4}$/.test(hex)) {
          out += String.fromCharCode(parseInt(hex, 16));
          i += 4;
        } else {
          p.error(
            'invalid-string',
            'A \\u escape needs exactly four hexadecimal digits.',
            i,
            2 + hex.length,
          );
        }
        break;
      }
      default:
        p.error(
          'invalid-string',
          `"\\${e ?? ''}" is not a JSON escape: use \\\\ for a backslash.`,
          i,
          2,
        );
        out += e ?? '';
    }
    i++;
    runStart = i + 1;
  }
  return out + text.slice(runStart, to);
}

export function scanNumber(p: Scanner): JsonNode {
  const text = p.text;
  const start = p.pos;
  let i = start;
  let ok = true;
  if (text.charCodeAt(i) === MINUS) i++;
  const intStart = i;
  if (text.charCodeAt(i) === ZERO) {
    i++;
    if (isDigit(text.charCodeAt(i))) ok = false;
  } else if (isDigit(text.charCodeAt(i))) {
    while (isDigit(text.charCodeAt(i))) i++;
  } else {
    ok = false;
  }
  if (ok && text.charCodeAt(i) === DOT) {
    i++;
    if (!isDigit(text.charCodeAt(i))) ok = false;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  if (ok) {
    const e = text.charCodeAt(i);
    if (e === LOWER_E || e === UPPER_E) {
      i++;
      const s = text.charCodeAt(i);
      if (s === PLUS || s === MINUS) i++;
      if (!isDigit(text.charCodeAt(i))) ok = false;
      while (isDigit(text.charCodeAt(i))) i++;
    }
  }
  if (ok && !isDelimiter(text.charCodeAt(i)) && text.charCodeAt(i) !== SLASH) ok = false;
  if (!ok) {
    p.pos = Math.max(i, intStart);
    while (p.pos < text.length && !isDelimiter(text.charCodeAt(p.pos))) p.pos++;
    if (p.pos === start) p.pos++;
    const raw = text.slice(start, p.pos);
    p.error(
      'invalid-number',
      `${quoted(raw)} is not a JSON number: no leading zeros, "+", leading or trailing ".", NaN or Infinity.`,
      start,
      p.pos - start,
    );
    return { type: 'number', offset: start, length: p.pos - start, raw };
  }
  p.pos = i;
  return { type: 'number', offset: start, length: i - start, raw: text.slice(start, i) };
}

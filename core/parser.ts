/**
 * A hand-written, error-tolerant JSON parser that builds the lossless tree of `ast.ts` in one pass.
 *
 * - Exact spans for every node; numbers keep their source text (an mpid is never a JS number).
 * - Recovers from errors the way an editor needs: a half-typed document still yields a tree.
 * - Reports syntax problems as diagnostics with quick fixes (trailing comma, missing comma,
 *   unclosed structures, comments, duplicate keys).
 * - `onRootItem` lets a caller validate and drop the users of a huge bulk file one at a time.
 */
import type { ArrayNode, JsonNode, ObjectNode, PropertyNode, StringNode } from './ast';
import {
  APOSTROPHE,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  CR,
  DOT,
  LF,
  MINUS,
  OPEN_BRACE,
  OPEN_BRACKET,
  PLUS,
  QUOTE,
  SLASH,
  SPACE,
  STAR,
  TAB,
  isDelimiter,
  isDigit,
} from './chars';
import { bomLength } from './bom';
import type { Fix, SeedDiagnostic } from './diagnostics';
import { checkDuplicateKeys } from './duplicateKeys';
import {
  scanKey,
  scanKnownValue,
  scanNumber,
  scanRecentValue,
  scanSingleQuoted,
  scanString,
} from './leaves';
import { quoted } from './excerpt';

export interface ParseOptions {
  /**
   * Called with each element of a root array as soon as it is parsed. When it returns `false`
   * the element is not kept in the root's `items` (the root array then has an empty `items`).
   */
  onRootItem?: (item: JsonNode, index: number) => boolean | void;
  /**
   * The array syntax diagnostics are pushed to as they are found (the result's `diagnostics` is
   * this array): a streaming caller can take and clear them from `onRootItem`.
   */
  diagnostics?: SeedDiagnostic[];
  /**
   * The text is one user of a bulk array (core/incremental/ re-parses an edited user alone): parse
   * it at the depth and with the recovery it has inside the array, so the result is the same.
   */
  bulkUser?: boolean;
}

export interface ParseResult {
  root: JsonNode | undefined;
  /** Syntax diagnostics, in source order. */
  diagnostics: SeedDiagnostic[];
  /** Number of elements seen in a root array (also when they were not kept). */
  rootItemCount: number;
  /** Offsets where lines start (0 first), for `new LineIndex(text, lineStarts)`. */
  lineStarts: Int32Array;
}

const MAX_DEPTH = 256;

export { removePropertyEdit } from './duplicateKeys';

/**
 * The parser itself, exported for the streaming readers (core/stream/) that drive its value parsing
 * over windows of a file; everyone else calls `parse`.
 */
export class Parser {
  pos = 0;
  readonly diagnostics: SeedDiagnostic[];
  rootItemCount = 0;
  private depth = 0;
  /** The root is an array (of users): its elements' objects are users (depth 2). */
  bulkRoot = false;
  /**
   * Offsets where lines start, recorded as the parser meets each line feed (in JSON, a raw line
   * feed can only stand in whitespace, comments or skipped text), so that positioning diagnostics
   * needs no second pass over a large text.
   */
  lineStarts: Int32Array;
  lineCount = 1;
  /** `lineStarts.length`, kept as a plain number for the hot loop. */
  private lineCap: number;

  private addLine(start: number): void {
    if (this.lineCount === this.lineCap) this.growLines();
    this.lineStarts[this.lineCount++] = start;
  }

  private growLines(): void {
    const grown = new Int32Array(this.lineCap * 2);
    grown.set(this.lineStarts);
    this.lineStarts = grown;
    this.lineCap = grown.length;
  }

  /** Records the line feeds in text the parser jumps over (comments, text after the root). */
  private addLinesIn(from: number, to: number): void {
    for (
      let i = this.text.indexOf('\n', from);
      i >= 0 && i < to;
      i = this.text.indexOf('\n', i + 1)
    ) {
      this.addLine(i + 1);
    }
  }

  /**
   * @param lines a buffer for the line starts to reuse (`parse` lends its scratch buffer): used when
   * it has room for a line per 16 characters, else a new one is made.
   */
  constructor(
    readonly text: string,
    private readonly options: ParseOptions,
    lines?: Int32Array,
  ) {
    this.diagnostics = options.diagnostics ?? [];
    // Room for a line per 16 characters (pretty-printed seed files average 20 to 30): growing a
    // large typed array step by step from a few lines costs more than the parse of its lines.
    const room = 64 + (text.length >> 4);
    if (lines !== undefined && lines.length >= room) {
      lines[0] = 0;
      this.lineStarts = lines;
    } else {
      this.lineStarts = new Int32Array(room);
    }
    this.lineCap = this.lineStarts.length;
    if (options.bulkUser === true) {
      this.depth = 1;
      this.bulkRoot = true;
    }
  }

  error(
    code: SeedDiagnostic['code'],
    message: string,
    offset: number,
    length: number,
    fixes?: SeedDiagnostic['fixes'],
  ): void {
    const d: SeedDiagnostic = { code, severity: 'error', message, offset, length };
    if (fixes !== undefined) d.fixes = fixes;
    this.diagnostics.push(d);
  }

  /** Skips whitespace and (reported) comments. */
  skipTrivia(): void {
    const text = this.text;
    let pos = this.pos;
    let c = text.charCodeAt(pos);
    for (;;) {
      if (c === SPACE) {
        c = text.charCodeAt(++pos);
      } else if (c === LF) {
        // addLine, inlined: this runs for every line of the file.
        pos++;
        const n = this.lineCount;
        if (n === this.lineCap) this.growLines();
        this.lineStarts[n] = pos;
        this.lineCount = n + 1;
        // The indentation that follows (pretty-printed files indent every line with spaces), in a
        // loop of its own: one comparison a character.
        c = text.charCodeAt(pos);
        while (c === SPACE) c = text.charCodeAt(++pos);
      } else if (c === CR || c === TAB) {
        c = text.charCodeAt(++pos);
      } else if (c === SLASH) {
        const end = this.skipComment(pos);
        if (end === pos) break;
        pos = end;
        c = text.charCodeAt(pos);
      } else {
        break;
      }
    }
    this.pos = pos;
  }

  /** Skips the comment at `start` (when it is one), reporting it; returns where the scan goes on. */
  private skipComment(start: number): number {
    const text = this.text;
    const next = text.charCodeAt(start + 1);
    let pos: number;
    if (next === SLASH) {
      const end = text.indexOf('\n', start);
      pos = end < 0 ? text.length : end;
    } else if (next === STAR) {
      const end = text.indexOf('*/', start + 2);
      pos = end < 0 ? text.length : end + 2;
      this.addLinesIn(start, pos);
    } else {
      return start; // a lone slash is not trivia: the caller stops at it
    }
    this.error(
      'comment',
      'Comments are not allowed in a seed payload: remove this comment.',
      start,
      pos - start,
      [
        {
          title: 'Remove comment',
          edits: [{ offset: start, length: pos - start, newText: '' }],
          preferred: true,
        },
      ],
    );
    return pos;
  }

  parseRoot(): JsonNode | undefined {
    this.pos = bomLength(this.text);
    this.skipTrivia();
    if (this.pos >= this.text.length) return undefined;
    const root = this.parseValue(true);
    this.skipTrivia();
    if (this.pos < this.text.length) {
      const start = this.pos;
      const end = this.text.trimEnd().length;
      this.error(
        'syntax-error',
        'Unexpected text after the end of the document: a seed file holds one object or one array (wrap several users in [ ]).',
        start,
        Math.max(1, end - start),
      );
      this.addLinesIn(start, this.text.length);
      this.pos = this.text.length;
    }
    return root;
  }

  /**
   * Moves the cursor back to `offset`, forgetting what was recorded past it (line starts, and the
   * comments reported in the trivia skipped), since it will be read again.
   */
  backTo(offset: number): void {
    while (this.lineCount > 1 && this.lineStarts[this.lineCount - 1] > offset) this.lineCount--;
    const d = this.diagnostics;
    while (d.length > 0 && d[d.length - 1].offset > offset) d.pop();
    this.pos = offset;
  }

  /** Advances past one unexpected token (a bare word or a single punctuation character). */
  skipBadToken(): void {
    const text = this.text;
    const start = this.pos;
    while (this.pos < text.length && !isDelimiter(text.charCodeAt(this.pos))) this.pos++;
    if (this.pos === start) this.pos++;
  }

  parseValue(isRoot = false): JsonNode | undefined {
    const text = this.text;
    const c = text.charCodeAt(this.pos);
    switch (c) {
      case QUOTE:
        return scanString(this);
      case OPEN_BRACE:
        return this.parseObject();
      case OPEN_BRACKET:
        return this.parseArray(isRoot);
      default:
        break;
    }
    if (c === MINUS || isDigit(c) || c === PLUS || c === DOT) return scanNumber(this);
    const start = this.pos;
    if (text.startsWith('true', start) && isDelimiter(text.charCodeAt(start + 4))) {
      this.pos += 4;
      return { type: 'boolean', offset: start, length: 4, value: true };
    }
    if (text.startsWith('false', start) && isDelimiter(text.charCodeAt(start + 5))) {
      this.pos += 5;
      return { type: 'boolean', offset: start, length: 5, value: false };
    }
    if (text.startsWith('null', start) && isDelimiter(text.charCodeAt(start + 4))) {
      this.pos += 4;
      return { type: 'null', offset: start, length: 4 };
    }
    if (c === APOSTROPHE) return scanSingleQuoted(this);
    this.skipBadToken();
    const word = text.slice(start, this.pos);
    const fixes: SeedDiagnostic['fixes'] = /^[A-Za-z_][\w.-]*$/.test(word)
      ? [
          {
            title: `Quote "${word}"`,
            edits: [{ offset: start, length: word.length, newText: JSON.stringify(word) }],
          },
        ]
      : undefined;
    this.error(
      'syntax-error',
      /^[A-Za-z_]/.test(word)
        ? `Unexpected "${word}": strings need double quotes; other values are numbers, true, false or null.`
        : `Unexpected "${word}": expected a value.`,
      start,
      this.pos - start,
      fixes,
    );
    return undefined;
  }

  enter(start: number): boolean {
    if (this.depth >= MAX_DEPTH) {
      this.error(
        'syntax-error',
        `Nesting deeper than ${MAX_DEPTH} levels is not a seed payload.`,
        start,
        1,
      );
      // Skip the rest of the document: it cannot be a seed file and must not exhaust the stack.
      this.addLinesIn(this.pos, this.text.length);
      this.pos = this.text.length;
      return false;
    }
    this.depth++;
    return true;
  }

  parseObject(): ObjectNode {
    const text = this.text;
    const start = this.pos;
    const properties: PropertyNode[] = [];
    const node: ObjectNode = { type: 'object', offset: start, length: 1, properties };
    this.pos++;
    if (!this.enter(start)) return node;
    let lastComma = -1;
    let needComma = false;
    for (;;) {
      this.skipTrivia();
      const c = text.charCodeAt(this.pos);
      if (c === CLOSE_BRACE) {
        if (lastComma >= 0 && !needComma) this.trailingComma(lastComma);
        this.pos++;
        break;
      }
      if (this.pos >= text.length || c === CLOSE_BRACKET) {
        this.unclosed(start, '}', 'object');
        break;
      }
      if (c === COMMA) {
        if (!needComma) this.strayComma('a property');
        lastComma = this.pos;
        needComma = false;
        this.pos++;
        continue;
      }
      if (needComma) {
        const prev = properties[properties.length - 1];
        this.missingComma(prev.offset + prev.length, 'properties');
      }
      if (c !== QUOTE) {
        const badStart = this.pos;
        if (c === OPEN_BRACE && lastComma >= 0 && this.depth >= 2 && this.bulkRoot) {
          // `{ … , {` in a user of a bulk array (or an object in it): closing braces are missing
          // and the next user starts here. Close this object before the comma; the objects around
          // it up to the user do the same, and the comma then separates the users (otherwise
          // every later user of the file would be read into this one).
          this.backTo(lastComma);
          this.unclosed(start, '}', 'object');
          break;
        }
        if (c === APOSTROPHE || /[A-Za-z_$]/.test(text[this.pos])) {
          // A key in single quotes or without quotes: recover it as a key.
          const key = c === APOSTROPHE ? scanSingleQuoted(this) : this.bareKey();
          this.finishProperty(properties, key);
          needComma = true;
          lastComma = -1;
          continue;
        }
        this.skipBadToken();
        this.error(
          'syntax-error',
          'Expected a property name in double quotes.',
          badStart,
          this.pos - badStart,
        );
        if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          this.pos = badStart;
          this.parseValue();
        }
        continue;
      }
      this.finishProperty(properties, scanKey(this));
      needComma = true;
      lastComma = -1;
    }
    this.depth--;
    node.length = this.pos - start;
    checkDuplicateKeys(properties, this.diagnostics, text);
    return node;
  }

  bareKey(): StringNode {
    const start = this.pos;
    this.skipBadToken();
    const value = this.text.slice(start, this.pos);
    this.error(
      'syntax-error',
      `Property names need double quotes: ${quoted(value)}.`,
      start,
      this.pos - start,
      [
        {
          title: `Quote ${quoted(value)}`,
          edits: [{ offset: start, length: this.pos - start, newText: JSON.stringify(value) }],
          preferred: true,
        },
      ],
    );
    return { type: 'string', offset: start, length: this.pos - start, value };
  }

  finishProperty(properties: PropertyNode[], key: StringNode): void {
    const text = this.text;
    const prop: PropertyNode = {
      type: 'property',
      offset: key.offset,
      length: key.length,
      key,
      colonOffset: -1,
      value: undefined,
    };
    properties.push(prop);
    // `"key": value`, as pretty-printers write it, without a call into skipTrivia: the colon right
    // after the key, then at most one space before a value that is not trivia.
    if (text.charCodeAt(this.pos) !== COLON) this.skipTrivia();
    if (text.charCodeAt(this.pos) === COLON) {
      prop.colonOffset = this.pos;
      let pos = this.pos + 1;
      prop.length = pos - prop.offset;
      if (text.charCodeAt(pos) === SPACE) pos++;
      this.pos = pos;
      const next = text.charCodeAt(pos);
      if (next <= SPACE || next === SLASH) this.skipTrivia();
    } else {
      const at = key.offset + key.length;
      const next = text.charCodeAt(this.pos);
      // `"key" "value"` or `"key" 1`: a missing colon. Anything else: a key without a value.
      if (
        next === QUOTE ||
        isDigit(next) ||
        next === OPEN_BRACE ||
        next === OPEN_BRACKET ||
        next === MINUS
      ) {
        this.error('syntax-error', 'Missing colon after the property name.', at, 0, [
          this.insertChar(at, ':', 'Insert a colon'),
        ]);
      } else {
        this.error(
          'syntax-error',
          `Property ${quoted(key.value)} has no value: add ": " and a value.`,
          key.offset,
          key.length,
        );
        return;
      }
    }
    const c = text.charCodeAt(this.pos);
    if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || this.pos >= text.length) {
      this.error(
        'syntax-error',
        `Property ${quoted(key.value)} has no value.`,
        key.offset,
        this.pos - key.offset,
      );
      return;
    }
    // The values the rules look up by name are read as the vocabulary's own strings (calculation
    // types, environments) or through the cache of recent names (attribute names, cutoff dates).
    const name = key.value;
    const value =
      c !== QUOTE
        ? this.parseValue()
        : name === 'calculation_type' || name === 'environment'
          ? scanKnownValue(this)
          : name === 'attribute_name' || name === 'cutoff_date'
            ? scanRecentValue(this)
            : scanString(this);
    if (value !== undefined) {
      prop.value = value;
      prop.length = value.offset + value.length - prop.offset;
    } else {
      prop.length = this.pos - prop.offset;
    }
  }

  parseArray(isRoot: boolean): ArrayNode {
    const text = this.text;
    const start = this.pos;
    const items: JsonNode[] = [];
    const node: ArrayNode = { type: 'array', offset: start, length: 1, items };
    this.pos++;
    if (!this.enter(start)) return node;
    const onRootItem = isRoot ? this.options.onRootItem : undefined;
    if (isRoot) this.bulkRoot = true;
    let lastComma = -1;
    let needComma = false;
    let prevEnd = start + 1;
    for (;;) {
      this.skipTrivia();
      const c = text.charCodeAt(this.pos);
      if (c === CLOSE_BRACKET) {
        if (lastComma >= 0 && !needComma) this.trailingComma(lastComma);
        this.pos++;
        break;
      }
      if (this.pos >= text.length || c === CLOSE_BRACE) {
        this.unclosed(start, ']', 'array');
        break;
      }
      if (c === COMMA) {
        if (!needComma) this.strayComma('a value');
        lastComma = this.pos;
        needComma = false;
        this.pos++;
        continue;
      }
      if (needComma) this.missingComma(prevEnd, 'array elements');
      const item = this.parseValue();
      needComma = true;
      lastComma = -1;
      if (item === undefined) continue;
      prevEnd = item.offset + item.length;
      if (isRoot) {
        const index = this.rootItemCount++;
        if (onRootItem !== undefined && onRootItem(item, index) === false) continue;
      }
      items.push(item);
    }
    this.depth--;
    node.length = this.pos - start;
    return node;
  }

  /** The preferred fix that removes the character at `offset`. */
  removeChar(offset: number, title: string): Fix {
    return { title, edits: [{ offset, length: 1, newText: '' }], preferred: true };
  }

  /** The preferred fix that inserts `newText` at `offset`. */
  insertChar(offset: number, newText: string, title: string): Fix {
    return { title, edits: [{ offset, length: 0, newText }], preferred: true };
  }

  /** A comma at the cursor where `expected` (a property, a value) should be. */
  strayComma(expected: string): void {
    this.error('syntax-error', `Unexpected comma: expected ${expected}.`, this.pos, 1, [
      this.removeChar(this.pos, 'Remove the comma'),
    ]);
  }

  missingComma(at: number, between: string): void {
    this.error('missing-comma', `Missing comma between ${between}.`, at, 0, [
      this.insertChar(at, ',', 'Insert a comma'),
    ]);
  }

  trailingComma(comma: number): void {
    this.error(
      'trailing-comma',
      'Trailing comma: JSON allows no comma before a closing bracket. Remove it.',
      comma,
      1,
      [this.removeChar(comma, 'Remove trailing comma')],
    );
  }

  unclosed(start: number, closer: string, what: string): void {
    // Insert the closer where the structure's content ends (before trailing whitespace).
    let at = this.pos;
    while (at > start && /\s/.test(this.text[at - 1])) at--;
    this.error('unclosed', `This ${what} is not closed: add "${closer}".`, start, 1, [
      this.insertChar(at, closer, `Insert "${closer}"`),
    ]);
  }
}

/**
 * The line starts of a parse are recorded in a scratch buffer kept from one `parse` to the next and
 * copied out at the end: a fresh typed array of a million entries costs more (page faults) than
 * the copy. Not kept beyond this many entries (8 MB).
 */
let scratchLines: Int32Array | undefined;
const SCRATCH_KEEP = 1 << 21;

function keepScratch(used: Int32Array): void {
  const kept = scratchLines;
  if (used.length <= SCRATCH_KEEP && (kept === undefined || kept.length < used.length))
    scratchLines = used;
}

export function parse(text: string, options: ParseOptions = {}): ParseResult {
  // Taken while in use: a parse started from a callback of this one makes its own.
  const scratch = scratchLines;
  scratchLines = undefined;
  const parser = new Parser(text, options, scratch);
  const root = parser.parseRoot();
  if (root === undefined && parser.diagnostics.length === 0) {
    parser.diagnostics.push({
      code: 'empty-file',
      severity: 'error',
      message:
        'The file is empty: write one user object, or an array of user objects for a bulk file.',
      offset: 0,
      length: text.length,
    });
  }
  parser.diagnostics.sort((a, b) => a.offset - b.offset);
  const lineStarts = parser.lineStarts.slice(0, parser.lineCount);
  keepScratch(parser.lineStarts);
  return { root, diagnostics: parser.diagnostics, rootItemCount: parser.rootItemCount, lineStarts };
}

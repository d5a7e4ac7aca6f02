/**
 * The streaming user reader: text goes in as chunks of any size, complete users come out, each with
 * its absolute offset and line/character position, in constant memory however large the file. Pure
 * (no fs): `caseed validate` and `caseed send` push a file's decoded chunks, the language server
 * pushes a document's text once.
 *
 * Two formats:
 * - `json` (`*.caseed.json`): a bulk array of users, or one user object. A root array is parsed in
 *   windows: the parser runs over the text buffered so far, and every top-level comma it consumes
 *   is a checkpoint (everything before it is settled: no parse step before it could have looked
 *   beyond the buffer without running into its end). At the buffer's end the reader keeps the text
 *   from the last checkpoint and waits for more. Users and syntax diagnostics therefore come out
 *   exactly as `parse(wholeText, { onRootItem })` produces them, in the same order; only the tree
 *   of the users of one window is held. Any other root (one user object, a scalar) is buffered and
 *   parsed whole at the end (one user is small).
 * - `ndjson` (`*.caseed.ndjson`): one user object per line, each line parsed on its own; a line
 *   holding two users, an array, a scalar, or a user that does not close on its line gets an
 *   NDJSON message of its own.
 *
 * Syntax diagnostics are handed to `onSyntax` (offsets absolute) before the user they precede, so a
 * caller can batch them as `validate` does. `positionAt` and `rangeOf` answer for offsets of the
 * user or diagnostic being handed over, during the callback.
 */
import type { JsonNode } from '../ast';
import { bomLength } from '../bom';
import { CLOSE_BRACE, CLOSE_BRACKET, COMMA, OPEN_BRACKET, SLASH } from '../chars';
import { CODES } from '../codes';
import type { SeedDiagnostic } from '../diagnostics';
import { parse, Parser } from '../parser';
import type { Position, Range } from '../positions';
import { typeName } from '../rules/context';
import { isJsSpace, WindowLines } from './lines';

export type SeedFormat = 'json' | 'ndjson';

/** The seed format a file name stands for: `*.caseed.ndjson` (or any `.ndjson`/`.jsonl`) is NDJSON. */
export function formatOfName(name: string): SeedFormat {
  return /\.(ndjson|jsonl)$/i.test(name) ? 'ndjson' : 'json';
}

/** One complete user, as the reader hands it over. */
export interface StreamedUser {
  /** 0-based: the element index in a bulk array, the value's index in an NDJSON file. */
  index: number;
  /** The user's tree. Its offsets index `text`; add `base` for offsets in the file. */
  node: JsonNode;
  /** The window of the file the node was parsed from. */
  text: string;
  /** Absolute offset (UTF-16 units from the start of the text pushed) of `text[0]`. */
  base: number;
  /** Absolute offset and length of the user's source text. */
  offset: number;
  length: number;
  /** Line and character (UTF-16, as LSP counts them) of the user's first character. */
  start: Position;
  /** True for an element of a bulk array or a line of an NDJSON file; false for a single user. */
  bulk: boolean;
}

/** The exact source text of a streamed user. */
export function userSource(user: StreamedUser): string {
  return user.text.slice(user.node.offset, user.node.offset + user.node.length);
}

/** What the reader knows once the text has ended. */
export interface StreamEnd {
  format: SeedFormat;
  /** The root value of a JSON file (offsets absolute); undefined for an empty file and NDJSON. */
  root: { type: JsonNode['type']; offset: number; length: number; node?: JsonNode } | undefined;
  /** Elements of a root array, or values of an NDJSON file (also those that are not objects). */
  elementCount: number;
  /** Users handed to `onUser`. */
  userCount: number;
  /** Length of the whole text (UTF-16 units). */
  length: number;
}

export interface UserReaderOptions {
  format?: SeedFormat;
  onUser?: (user: StreamedUser) => void;
  /** Syntax diagnostics (and NDJSON's not-a-user), offsets absolute, in the order `parse` finds them. */
  onSyntax?: (diagnostic: SeedDiagnostic) => void;
  /**
   * Characters of JSON text parsed per window (default 1 MiB). Small values are for tests: the
   * result does not depend on it.
   */
  windowSize?: number;
}

const DEFAULT_WINDOW = 1 << 20;

const NDJSON_MESSAGES = {
  trailing:
    "Unexpected text after this line's user: an NDJSON seed file holds exactly one user object per line. Put the next user on a line of its own.",
  unclosed:
    'This user is not closed on its line: in an NDJSON seed file each user is one whole line. Close it with "}" or join its lines.',
  empty: 'The file has no users: an NDJSON seed file holds one user object per line.',
  array: (line: number) =>
    `Line ${line} holds an array: in an NDJSON seed file each line is one user object, not a list of users. Put each user on a line of its own.`,
  notUser: (line: number, what: string) =>
    `Line ${line} holds ${what}, not a user object: each line of an NDJSON seed file is one user object { "environment", "mpid" or "identities", "calculated_attributes" }.`,
};

/** A diagnostic moved by `delta` (a copy: fixes may be shared between diagnostics). */
export function shiftDiagnostic(d: SeedDiagnostic, delta: number): SeedDiagnostic {
  if (delta === 0) return d;
  const moved: SeedDiagnostic = { ...d, offset: d.offset + delta };
  if (d.fixes !== undefined) {
    moved.fixes = d.fixes.map((f) => ({
      ...f,
      edits: f.edits.map((e) => ({ ...e, offset: e.offset + delta })),
    }));
  }
  return moved;
}

type Phase = 'start' | 'items' | 'after' | 'tail' | 'whole' | 'done';

export class UserReader {
  readonly format: SeedFormat;
  private readonly lines = new WindowLines();
  /** Length of the text pushed so far. */
  private total = 0;
  /** NDJSON: the 0-based line being read. */
  private line = 0;
  private readonly windowSize: number;
  /** Text not yet settled, starting at absolute offset `base`. */
  private buffer = '';
  private base = 0;
  private phase: Phase = 'start';
  private minAttempt: number;
  private rootStart = -1;
  private rootEnd = -1;
  private prevEnd = -1;
  private elements = 0;
  private users = 0;
  private trailingStart = -1;
  /** NDJSON: how far the buffer has been searched for a line feed. */
  private scanned = 0;
  private ended = false;

  constructor(private readonly options: UserReaderOptions = {}) {
    this.format = options.format ?? 'json';
    this.windowSize = Math.max(1, options.windowSize ?? DEFAULT_WINDOW);
    this.minAttempt = this.windowSize;
  }

  /** Line and character of an absolute offset (valid for what is being handed over). */
  positionAt(offset: number): Position {
    return this.lines.positionAt(offset);
  }

  rangeOf(offset: number, length: number): Range {
    return this.lines.rangeOf(offset, length);
  }

  push(chunk: string): void {
    if (this.ended) throw new Error('UserReader: push after end');
    if (chunk.length === 0) return;
    this.total += chunk.length;
    if (this.phase === 'tail') {
      this.lines.scan(chunk);
      return;
    }
    this.buffer += chunk;
    if (this.format === 'ndjson') {
      this.ndjsonLines();
      return;
    }
    if (this.phase === 'whole') return;
    if (this.buffer.length >= this.minAttempt) this.attempt(false);
  }

  end(): StreamEnd {
    if (this.ended) throw new Error('UserReader: end twice');
    this.ended = true;
    let root: StreamEnd['root'];
    if (this.format === 'ndjson') {
      this.ndjsonEnd();
    } else {
      this.attempt(true);
      if (this.phase === 'whole') {
        root = this.runWhole();
      } else if (this.rootStart >= 0) {
        root = { type: 'array', offset: this.rootStart, length: this.rootEnd - this.rootStart };
      }
      if (this.phase === 'tail') this.trailingText();
    }
    this.phase = 'done';
    return {
      format: this.format,
      root,
      elementCount: this.elements,
      userCount: this.users,
      length: this.total,
    };
  }

  // ── shared ──────────────────────────────────────────────────────────────────────────────────

  private emitSyntax(diags: readonly SeedDiagnostic[], from: number, to: number, base: number) {
    const onSyntax = this.options.onSyntax;
    if (onSyntax === undefined) return;
    for (let i = from; i < to; i++) onSyntax(shiftDiagnostic(diags[i], base));
  }

  private emitUser(node: JsonNode, text: string, base: number, bulk: boolean): void {
    const index = this.elements++;
    this.users++;
    const onUser = this.options.onUser;
    if (onUser === undefined) return;
    const offset = base + node.offset;
    onUser({
      index,
      node,
      text,
      base,
      offset,
      length: node.length,
      start: this.lines.positionAt(offset),
      bulk,
    });
  }

  /** Settles the text before absolute `offset`: the buffer keeps what follows. */
  private keepFrom(offset: number): void {
    this.buffer = this.buffer.slice(offset - this.base);
    this.base = offset;
  }

  /** The same, for a JSON window whose parser recorded the line starts up to `offset`. */
  private settleWindow(offset: number): void {
    this.lines.advance(offset);
    this.keepFrom(offset);
  }

  // ── JSON ────────────────────────────────────────────────────────────────────────────────────

  private attempt(final: boolean): void {
    if (this.phase === 'start' || this.phase === 'items') this.parseItems(final);
    if (this.phase === 'after') this.parseAfter(final);
  }

  /** The root array's elements, as `Parser.parseArray` reads them, over the buffered window. */
  private parseItems(final: boolean): void {
    const text = this.buffer;
    const base = this.base;
    const p = new Parser(text, {});
    this.lines.window(p);
    const diags = p.diagnostics;
    let rootLocal: number;
    let lastComma: number;
    let prevEnd: number;
    if (this.phase === 'start') {
      p.pos = bomLength(text);
      p.skipTrivia();
      if (p.pos >= text.length) {
        if (final) this.phase = 'whole';
        else this.minAttempt = Math.max(this.minAttempt, text.length * 2);
        return;
      }
      if (text.charCodeAt(p.pos) !== OPEN_BRACKET) {
        this.phase = 'whole';
        return;
      }
      rootLocal = p.pos;
      lastComma = -1;
      p.pos++;
      prevEnd = p.pos;
    } else {
      // The window starts at the checkpoint's comma, already consumed.
      rootLocal = this.rootStart - base;
      lastComma = 0;
      p.pos = 1;
      // Where the last element ended (it may lie before the window, when bad tokens followed it).
      prevEnd = this.prevEnd - base;
    }
    p.enter(rootLocal);
    p.bulkRoot = true;
    let needComma = false;
    const items: JsonNode[] = [];
    const itemDiags: number[] = [];
    let taken = 0;
    let checkpoint = -1;
    const settle = (): void => {
      if (this.phase === 'start') {
        this.rootStart = base + rootLocal;
        this.lines.pin(this.rootStart);
        this.lines.pin(this.rootStart + 1);
        this.phase = 'items';
      }
      for (let k = 0; k < items.length; k++) {
        this.emitSyntax(diags, taken, itemDiags[k], base);
        taken = itemDiags[k];
        this.emitUser(items[k], text, base, true);
      }
      items.length = 0;
      itemDiags.length = 0;
      this.emitSyntax(diags, taken, diags.length, base);
      taken = diags.length;
    };
    for (;;) {
      p.skipTrivia();
      const c = text.charCodeAt(p.pos);
      if (c === CLOSE_BRACKET) {
        if (lastComma >= 0 && !needComma) p.trailingComma(lastComma);
        p.pos++;
        break;
      }
      if (p.pos >= text.length || c === CLOSE_BRACE) {
        if (p.pos >= text.length && !final) {
          // Wait for more text: keep everything after the last checkpoint.
          if (checkpoint < 0) {
            this.minAttempt = Math.max(this.minAttempt, text.length * 2);
          } else {
            this.settleWindow(base + checkpoint);
            this.minAttempt = Math.max(this.windowSize, this.buffer.length * 2);
          }
          return;
        }
        p.unclosed(rootLocal, ']', 'array');
        break;
      }
      if (c === COMMA) {
        if (!needComma) p.strayComma('a value');
        lastComma = p.pos;
        needComma = false;
        p.pos++;
        settle();
        checkpoint = lastComma;
        this.prevEnd = base + prevEnd;
        continue;
      }
      if (needComma) p.missingComma(prevEnd, 'array elements');
      const item = p.parseValue();
      needComma = true;
      lastComma = -1;
      if (item === undefined) continue;
      prevEnd = item.offset + item.length;
      items.push(item);
      itemDiags.push(diags.length);
    }
    // The root array is closed (or ended unclosed): what follows is trivia or trailing text.
    settle();
    this.rootEnd = base + p.pos;
    this.lines.pin(this.rootEnd);
    this.settleWindow(this.rootEnd);
    this.phase = 'after';
  }

  /** After the root: comments are reported, anything else is trailing text up to the end. */
  private parseAfter(final: boolean): void {
    const text = this.buffer;
    const p = new Parser(text, {});
    this.lines.window(p);
    p.skipTrivia();
    const more =
      !final &&
      (p.pos >= text.length || (p.pos === text.length - 1 && text.charCodeAt(p.pos) === SLASH));
    if (more) return;
    this.emitSyntax(p.diagnostics, 0, p.diagnostics.length, this.base);
    if (p.pos >= text.length) {
      this.phase = 'done';
      return;
    }
    this.trailingStart = this.base + p.pos;
    this.lines.pin(this.trailingStart);
    this.lines.pin(this.trailingStart + 1);
    // From here on only the lines and the last non-space character matter.
    this.lines.advance(this.trailingStart);
    this.lines.scan(text.slice(p.pos));
    this.keepFrom(this.base + text.length);
    this.phase = 'tail';
  }

  private trailingText(): void {
    const start = this.trailingStart;
    const d: SeedDiagnostic = {
      code: 'syntax-error',
      severity: 'error',
      message:
        'Unexpected text after the end of the document: a seed file holds one object or one array (wrap several users in [ ]).',
      offset: start,
      length: Math.max(1, this.lines.trimmedEnd - start),
    };
    this.options.onSyntax?.(d);
  }

  /** A root that is not an array (or no root): the whole text, parsed at once. */
  private runWhole(): StreamEnd['root'] {
    const text = this.buffer;
    const diags: SeedDiagnostic[] = [];
    const { root, lineStarts } = parse(text, { diagnostics: diags });
    this.lines.window({ lineStarts, lineCount: lineStarts.length });
    this.emitSyntax(diags, 0, diags.length, this.base);
    if (root === undefined) return undefined;
    if (root.type === 'object') this.emitUser(root, text, this.base, false);
    // A root that is not a user is kept for the caller's message (it is small: no user in it).
    const node = root.type === 'object' ? undefined : root;
    return { type: root.type, offset: this.base + root.offset, length: root.length, node };
  }

  // ── NDJSON ──────────────────────────────────────────────────────────────────────────────────

  private ndjsonLines(): void {
    const text = this.buffer;
    let from = 0;
    for (let nl = text.indexOf('\n', this.scanned); nl >= 0; nl = text.indexOf('\n', from)) {
      this.ndjsonLine(text.slice(from, nl), this.base + from);
      this.line++;
      from = nl + 1;
    }
    this.scanned = text.length - from;
    if (from > 0) this.keepFrom(this.base + from);
  }

  private ndjsonEnd(): void {
    if (this.buffer.length > 0) this.ndjsonLine(this.buffer, this.base);
    else this.lines.startLine(this.line, this.base);
    if (this.elements === 0) {
      const d: SeedDiagnostic = {
        code: 'empty-file',
        severity: CODES['empty-file'].severity,
        message: NDJSON_MESSAGES.empty,
        offset: 0,
        length: this.total,
      };
      this.options.onSyntax?.(d);
    }
  }

  /** One line (without its line feed), `base` its absolute offset. */
  private ndjsonLine(text: string, base: number): void {
    this.lines.startLine(this.line, base);
    if (base === 0) this.lines.pin(0);
    const p = new Parser(text, {});
    p.pos = base === 0 ? bomLength(text) : 0;
    p.skipTrivia();
    if (p.pos >= text.length) {
      // A blank line (or only a comment, reported).
      this.emitSyntax(p.diagnostics, 0, p.diagnostics.length, base);
      return;
    }
    const root = p.parseValue();
    p.skipTrivia();
    if (p.pos < text.length) {
      const start = p.pos;
      let end = text.length;
      while (end > start && isJsSpace(text.charCodeAt(end - 1))) end--;
      p.error('syntax-error', NDJSON_MESSAGES.trailing, start, Math.max(1, end - start));
    }
    const diags = p.diagnostics.sort((a, b) => a.offset - b.offset);
    if (root !== undefined && root.type === 'object') {
      for (const d of diags) {
        if (d.code === 'unclosed' && d.offset === root.offset) d.message = NDJSON_MESSAGES.unclosed;
      }
    }
    this.emitSyntax(diags, 0, diags.length, base);
    if (root === undefined) return;
    if (root.type === 'object') {
      this.emitUser(root, text, base, true);
      return;
    }
    this.elements++;
    const line = this.line + 1;
    this.options.onSyntax?.({
      code: 'not-a-user',
      severity: CODES['not-a-user'].severity,
      message:
        root.type === 'array'
          ? NDJSON_MESSAGES.array(line)
          : NDJSON_MESSAGES.notUser(line, typeName(root)),
      offset: base + root.offset,
      length: root.length,
    });
  }
}

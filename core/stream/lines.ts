/**
 * Line/character positions for a text read window by window: lines split at `\n` and characters
 * counted in UTF-16 units, exactly as `LineIndex` (and LSP) count them. The line starts of a
 * window come from the parser that reads it (it records each line feed it passes), so positions
 * cost no second pass over the text; memory holds one window's line starts, plus a few pinned
 * positions the reader still needs after their window is gone (the root array's start).
 */
import type { Position, Range } from '../positions';
import { lastAtOrBelow } from '../sorted';

/** What `String.prototype.trimEnd` (and `/\s/`) treats as white space. */
export function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** A window's line starts, local to the window (`lineStarts[0]` is the window's start: skipped). */
export interface LineStarts {
  readonly lineStarts: ArrayLike<number>;
  readonly lineCount: number;
}

export class WindowLines {
  /** The line holding `base`, and the absolute offset where it starts. */
  private line = 0;
  private lineStart = 0;
  private base = 0;
  private source: LineStarts | undefined;
  private readonly pins = new Map<number, Position>();
  /** Scanned text (`scan`): the end of its last non-space character, and that position. */
  private trimmed = -1;
  private trimmedPos: Position | undefined;

  /** The current window starts at `base` (where the last `advance` left it); its lines: `source`. */
  window(source: LineStarts | undefined): void {
    this.source = source;
  }

  /** Where `offset` falls in the window: 0 before its first recorded line start, else k ≥ 1. */
  private lineIndex(local: number): number {
    const source = this.source;
    if (source === undefined) return 0;
    return lastAtOrBelow(source.lineStarts, local, source.lineCount);
  }

  /** Moves the window's start to `offset` (not before it), counting the lines passed. */
  advance(offset: number): void {
    const k = this.lineIndex(offset - this.base);
    if (k > 0) {
      this.line += k;
      this.lineStart = this.base + this.source!.lineStarts[k];
    }
    this.base = offset;
    this.source = undefined;
  }

  /** For a line-by-line reader: `offset` starts line `line`. */
  startLine(line: number, offset: number): void {
    this.line = line;
    this.lineStart = offset;
    this.base = offset;
    this.source = undefined;
  }

  /**
   * Counts the lines of `text` (it starts at the window's start, which moves past it) and notes
   * the end of its last non-space character (as `trimEnd` counts), for the trailing-text problem.
   */
  scan(text: string): void {
    let k = text.length;
    while (k > 0 && isJsSpace(text.charCodeAt(k - 1))) k--;
    const base = this.base;
    let lastNl = -1;
    for (let i = text.indexOf('\n'); i >= 0 && i < k; i = text.indexOf('\n', i + 1)) {
      this.line++;
      lastNl = i;
    }
    if (lastNl >= 0) this.lineStart = base + lastNl + 1;
    if (k > 0) {
      this.trimmed = base + k;
      this.trimmedPos = { line: this.line, character: this.trimmed - this.lineStart };
    }
    for (
      let i = text.indexOf('\n', Math.max(k, lastNl + 1));
      i >= 0;
      i = text.indexOf('\n', i + 1)
    ) {
      this.line++;
      this.lineStart = base + i + 1;
    }
    this.base = base + text.length;
  }

  /** The end of the last non-space character `scan` saw (-1: none). */
  get trimmedEnd(): number {
    return this.trimmed;
  }

  /** Keeps the position of `offset` (in the current window) for after the window is gone. */
  pin(offset: number): void {
    if (!this.pins.has(offset)) this.pins.set(offset, this.positionAt(offset));
  }

  positionAt(offset: number): Position {
    const pinned = this.pins.get(offset);
    if (pinned !== undefined) return pinned;
    if (offset === this.trimmed && this.trimmedPos !== undefined) return this.trimmedPos;
    const local = offset - this.base;
    const k = local >= 0 ? this.lineIndex(local) : 0;
    if (k === 0) return { line: this.line, character: Math.max(0, offset - this.lineStart) };
    return { line: this.line + k, character: local - this.source!.lineStarts[k] };
  }

  rangeOf(offset: number, length: number): Range {
    return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
  }
}

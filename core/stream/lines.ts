/**
 * Line/character positions for a text that arrives in pieces and is forgotten behind a moving mark:
 * lines split at `\n` and characters counted in UTF-16 units, exactly as `LineIndex` (and LSP)
 * count them, while memory holds only the line starts of the part still retained.
 */
import type { Position, Range } from '../positions';

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

export class StreamLines {
  /** Absolute offsets of the retained line starts; `starts[0]` is the line holding the mark. */
  private starts: number[] = [0];
  /** The 0-based line number of `starts[0]`. */
  private firstLine = 0;
  private fed = 0;
  private readonly pins = new Map<number, Position>();
  private trimmed = 0;
  private trimmedPos: Position = { line: 0, character: 0 };

  /** Length of the text fed so far (UTF-16 units). */
  get length(): number {
    return this.fed;
  }

  /** The end of the text fed so far without its trailing white space (as `trimEnd` counts it). */
  get trimmedEnd(): number {
    return this.trimmed;
  }

  feed(chunk: string): void {
    const base = this.fed;
    for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) {
      this.starts.push(base + i + 1);
    }
    this.fed += chunk.length;
    let k = chunk.length;
    while (k > 0 && isJsSpace(chunk.charCodeAt(k - 1))) k--;
    if (k > 0) {
      this.trimmed = base + k;
      this.trimmedPos = this.positionAt(this.trimmed);
    }
  }

  /** Forgets the line starts before the line holding `offset` (pinned positions stay). */
  release(offset: number): void {
    const i = this.lineIndex(offset);
    if (i === 0) return;
    this.starts = this.starts.slice(i);
    this.firstLine += i;
  }

  /** Keeps the position of `offset` (which must still be retained) for after it is released. */
  pin(offset: number): void {
    if (!this.pins.has(offset)) this.pins.set(offset, this.positionAt(offset));
  }

  private lineIndex(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The position of an absolute offset: retained, pinned, or the trimmed end. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.fed));
    const pinned = this.pins.get(o);
    if (pinned !== undefined) return pinned;
    if (o === this.trimmed && o < this.starts[0]) return this.trimmedPos;
    const i = this.lineIndex(o);
    return { line: this.firstLine + i, character: Math.max(0, o - this.starts[i]) };
  }

  rangeOf(offset: number, length: number): Range {
    return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
  }
}

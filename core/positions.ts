/**
 * Offsets ↔ LSP positions (0-based line and UTF-16 character). The line table is built on first use
 * only, so validating a clean file never pays for it.
 */
import { lastAtOrBelow } from './sorted';
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export class LineIndex {
  /**
   * @param starts the offsets where lines start, when the caller already has them (the parser
   * records them as it goes); otherwise they are found on first use.
   */
  constructor(
    private readonly text: string,
    private starts?: ArrayLike<number>,
  ) {}

  private lineStarts(): ArrayLike<number> {
    if (this.starts === undefined) {
      const starts = [0];
      const text = this.text;
      let i = text.indexOf('\n');
      while (i >= 0) {
        starts.push(i + 1);
        i = text.indexOf('\n', i + 1);
      }
      this.starts = starts;
    }
    return this.starts;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    const lo = lastAtOrBelow(starts, o);
    return { line: lo, character: o - starts[lo] };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineEnd =
      position.line + 1 < starts.length ? starts[position.line + 1] : this.text.length;
    return Math.max(
      starts[position.line],
      Math.min(starts[position.line] + position.character, lineEnd),
    );
  }

  rangeOf(offset: number, length: number): Range {
    return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
  }
}

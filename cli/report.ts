/**
 * The CLI's view of a checked file's problems: each diagnostic with its 0-based LSP range, handed
 * to an output (`--format text|json|sarif`) one at a time so memory does not grow with the number
 * of problems. Positions come from a cursor that walks forward through the text (diagnostics arrive
 * in source order), so a 200 MB file needs no line table.
 */
import type { SeedDiagnostic, Severity } from '../core/diagnostics';
import type { Position, Range } from '../core/positions';
import { LineIndex } from '../core/positions';

export interface ReportedDiagnostic {
  severity: Severity;
  code: string;
  message: string;
  range: Range;
}

/** Where a command writes its report: files, then their problems, then the end. */
export interface ReportOutput {
  file(name: string): void;
  problem(d: ReportedDiagnostic): void;
  /** `unreadable`: how many inputs could not be read (reported on stderr already). */
  end(unreadable: number): void;
}

/** Offsets to positions (lines split at `\n`, as LineIndex does), walking forward as they grow. */
export class PositionCursor {
  private line = 0;
  private lineStart = 0;
  private offset = 0;

  constructor(private readonly text: string) {}

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    if (o < this.offset) {
      this.line = 0;
      this.lineStart = 0;
      this.offset = 0;
    }
    const text = this.text;
    for (let i = text.indexOf('\n', this.offset); i >= 0 && i < o; i = text.indexOf('\n', i + 1)) {
      this.line++;
      this.lineStart = i + 1;
    }
    this.offset = o;
    return { line: this.line, character: o - this.lineStart };
  }

  /** The end is found by scanning on from the start, so the cursor stays at the start. */
  rangeOf(offset: number, length: number): Range {
    const start = this.positionAt(offset);
    const to = Math.max(0, Math.min(offset + length, this.text.length));
    let line = start.line;
    let lineStart = this.lineStart;
    const text = this.text;
    for (let i = text.indexOf('\n', this.offset); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { start, end: { line, character: Math.max(to, this.offset) - lineStart } };
  }
}

export function reported(d: SeedDiagnostic, range: Range): ReportedDiagnostic {
  return { severity: d.severity, code: d.code, message: d.message, range };
}

/** Every diagnostic of `text` (a few, already collected: send's refusals) as ReportedDiagnostics. */
export function reportAll(
  text: string,
  diagnostics: readonly SeedDiagnostic[],
): ReportedDiagnostic[] {
  const lines = new LineIndex(text);
  return diagnostics.map((d) => reported(d, lines.rangeOf(d.offset, d.length)));
}

/** Buffers small writes into chunks of about 64 KB for `write`. */
export class ChunkedWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly write: (text: string) => void) {}

  add(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 64 * 1024) this.flush();
  }

  flush(): void {
    if (this.size === 0 && this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.write(chunk);
  }
}

/**
 * The CLI's view of a checked file: diagnostics with 0-based LSP ranges, computed in one pass over
 * the text (no line table is kept, so a 200 MB file costs nothing extra), in the core's order.
 */
import type { SeedDiagnostic, Severity } from '../core/diagnostics';
import type { Range } from '../core/positions';

export interface ReportedDiagnostic {
  severity: Severity;
  code: string;
  message: string;
  range: Range;
}

export interface FileReport {
  file: string;
  diagnostics: ReportedDiagnostic[];
}

/** Positions of many offsets at once: offsets are visited in order, newlines counted once. */
export function rangesOf(
  text: string,
  spans: ReadonlyArray<{ offset: number; length: number }>,
): Range[] {
  const offsets = new Set<number>();
  for (const s of spans) {
    offsets.add(clamp(s.offset, text.length));
    offsets.add(clamp(s.offset + s.length, text.length));
  }
  const sorted = [...offsets].sort((a, b) => a - b);
  const positions = new Map<number, { line: number; character: number }>();
  let line = 0;
  let lineStart = 0;
  let next = text.indexOf('\n');
  for (const o of sorted) {
    while (next >= 0 && next < o) {
      line++;
      lineStart = next + 1;
      next = text.indexOf('\n', lineStart);
    }
    positions.set(o, { line, character: o - lineStart });
  }
  return spans.map((s) => ({
    start: positions.get(clamp(s.offset, text.length))!,
    end: positions.get(clamp(s.offset + s.length, text.length))!,
  }));
}

function clamp(offset: number, max: number): number {
  return Math.max(0, Math.min(offset, max));
}

export function reportFile(
  file: string,
  text: string,
  diagnostics: readonly SeedDiagnostic[],
): FileReport {
  const ranges = rangesOf(text, diagnostics);
  return {
    file,
    diagnostics: diagnostics.map((d, i) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      range: ranges[i],
    })),
  };
}

export interface Totals {
  files: number;
  filesWithProblems: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function totals(reports: readonly FileReport[]): Totals {
  const t: Totals = {
    files: reports.length,
    filesWithProblems: 0,
    errors: 0,
    warnings: 0,
    infos: 0,
  };
  for (const r of reports) {
    if (r.diagnostics.length > 0) t.filesWithProblems++;
    for (const d of r.diagnostics) {
      if (d.severity === 'error') t.errors++;
      else if (d.severity === 'warning') t.warnings++;
      else t.infos++;
    }
  }
  return t;
}

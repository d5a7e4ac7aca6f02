/**
 * The CLI's view of a checked file: diagnostics with 0-based LSP ranges (from the line starts the
 * parser recorded, so a 200 MB file needs no second pass), in the core's order.
 */
import type { SeedDiagnostic, Severity } from '../core/diagnostics';
import { countSeverities } from '../core/diagnostics';
import type { Range } from '../core/positions';
import { LineIndex } from '../core/positions';

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

/** `lineStarts`: the parser's, when at hand; otherwise they are found on first use. */
export function reportFile(
  file: string,
  text: string,
  diagnostics: readonly SeedDiagnostic[],
  lineStarts?: ArrayLike<number>,
): FileReport {
  const lines = new LineIndex(text, lineStarts);
  return {
    file,
    diagnostics: diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      range: lines.rangeOf(d.offset, d.length),
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
    countSeverities(r.diagnostics, t);
  }
  return t;
}

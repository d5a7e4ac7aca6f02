/**
 * `--format json`: exactly
 * `{"files":[{"file":"…","diagnostics":[{"severity":"…","code":"…","message":"…","range":{…}}]}]}`
 * with 0-based LSP positions, one line. Keys are written in this order and nothing else is added.
 */
import type { FileReport } from './report';

export function formatJson(reports: readonly FileReport[]): string {
  const files = reports.map((r) => ({
    file: r.file,
    diagnostics: r.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      range: {
        start: { line: d.range.start.line, character: d.range.start.character },
        end: { line: d.range.end.line, character: d.range.end.character },
      },
    })),
  }));
  return JSON.stringify({ files }) + '\n';
}

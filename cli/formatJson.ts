/**
 * `--format json`: exactly
 * `{"files":[{"file":"…","diagnostics":[{"severity":"…","code":"…","message":"…","range":{…}}]}]}`
 * with 0-based LSP positions, one line. Keys are written in this order and nothing else is added.
 * Written piece by piece as problems are found: memory does not grow with their number.
 */
import type { ReportedDiagnostic, ReportOutput } from './report';

export function jsonOutput(write: (text: string) => void): ReportOutput {
  let files = 0;
  let problems = 0;
  write('{"files":[');
  return {
    file(name) {
      write(`${files > 0 ? ']},' : ''}{"file":${JSON.stringify(name)},"diagnostics":[`);
      files++;
      problems = 0;
    },
    problem(d: ReportedDiagnostic) {
      const { start, end } = d.range;
      write(
        `${problems > 0 ? ',' : ''}${JSON.stringify({
          severity: d.severity,
          code: d.code,
          message: d.message,
          range: {
            start: { line: start.line, character: start.character },
            end: { line: end.line, character: end.character },
          },
        })}`,
      );
      problems++;
    },
    end() {
      write(`${files > 0 ? ']}' : ''}]}\n`);
    },
  };
}

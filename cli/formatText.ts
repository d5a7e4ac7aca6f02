/**
 * `--format text`: one line per problem, `file:line:col severity code message` (1-based line and
 * column, as editors and terminals link them), then a summary line.
 */
import type { FileReport, ReportedDiagnostic } from './report';
import { totals } from './report';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One problem as `file:line:col severity code message` (no newline). */
export function problemLine(file: string, d: ReportedDiagnostic): string {
  const { line, character } = d.range.start;
  return `${file}:${line + 1}:${character + 1} ${d.severity} ${d.code} ${d.message}`;
}

export function formatText(reports: readonly FileReport[], unreadable = 0): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const d of r.diagnostics) lines.push(problemLine(r.file, d));
  }
  const t = totals(reports);
  const problems = t.errors + t.warnings + t.infos;
  const checked = plural(t.files, 'file');
  const notRead = unreadable > 0 ? `; ${plural(unreadable, 'file')} could not be read` : '';
  if (problems === 0) {
    lines.push(`caseed: no problems in ${checked}${notRead}`);
  } else {
    const parts = [plural(t.errors, 'error'), plural(t.warnings, 'warning')];
    if (t.infos > 0) parts.push(plural(t.infos, 'note'));
    lines.push(
      `caseed: ${plural(problems, 'problem')} (${parts.join(', ')}) in ${t.filesWithProblems} of ${checked}${notRead}`,
    );
  }
  return lines.join('\n') + '\n';
}
